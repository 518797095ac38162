import type { Context } from 'hono';
import { routes } from '@qms/protocol';
import { CenterConfig } from '../../config/schema';
import { allow, currentUser } from '../auth';
import type { AppEnv } from '../env';
import { ApiFailure, describeZodError, zodFields } from '../errors';
import type { ErrorCode } from '../messages';
import { serveRoute } from '../route-table';
import type { Router } from '../router';
import type { RouteDeps } from './deps';

const idParam = (c: Context<AppEnv>, notFound: ErrorCode, key: string): number => {
  const raw = c.req.param('id') ?? '';
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) throw new ApiFailure(notFound, { [key]: raw });
  return Number(raw);
};

/** The admin pages' routes (see protocol/src/routes.ts): admins change the setup, managers may read it. */
export function adminRoutes(r: Router, { floor }: RouteDeps) {
  const read = allow('admin', 'manager');
  const write = allow('admin');
  const setup = floor.setup;
  const me = (c: Context<AppEnv>) => currentUser(c).id;

  serveRoute(r, routes.adminCenter, read, () => setup.center());
  serveRoute(r, routes.adminCenterUpdate, write, (c, { body }) => setup.updateCenter(me(c), body));

  serveRoute(r, routes.adminServices, read, () => setup.services());
  serveRoute(r, routes.adminServiceCreate, write, (c, { body }) => setup.createService(me(c), body));
  serveRoute(r, routes.adminServiceUpdate, write, (c, { body }) => setup.updateService(me(c), c.req.param('id') ?? '', body));

  serveRoute(r, routes.adminCounters, read, () => setup.counters());
  serveRoute(r, routes.adminCounterCreate, write, (c, { body }) => setup.createCounter(me(c), body));
  serveRoute(r, routes.adminCounterUpdate, write, (c, { body }) => setup.updateCounter(me(c), idParam(c, 'unknown_counter', 'counter'), body));
  serveRoute(r, routes.adminCounterClose, write, (c) => {
    const id = idParam(c, 'unknown_counter', 'counter');
    // The floor's own close: refused while a ticket is served there, releases tickets waiting for this counter.
    floor.command(id, { userId: me(c), role: 'admin' }, { action: 'close' });
    const counter = floor.queries.counters.get(id);
    if (!counter) throw new ApiFailure('unknown_counter', { counter: id });
    return { counter: floor.counterView(counter) };
  });

  serveRoute(r, routes.adminUsers, read, () => setup.users());
  serveRoute(r, routes.adminUserCreate, write, (c, { body }) => setup.createUser(me(c), body));
  serveRoute(r, routes.adminUserUpdate, write, (c, { body }) => setup.updateUser(me(c), idParam(c, 'unknown_user', 'id'), body));
  serveRoute(r, routes.adminUserResetPassword, write, (c) => setup.resetPassword(me(c), idParam(c, 'unknown_user', 'id')));

  serveRoute(r, routes.adminAudit, read, (_c, { query }) => setup.audit(query));

  serveRoute(r, routes.adminSetupExport, write, (c) => {
    c.header('Content-Disposition', `attachment; filename="qms-setup-${floor.serviceDay()}.json"`);
    return setup.exportSetup();
  });
  serveRoute(r, routes.adminSetupImport, write, (c, { body, query }) => {
    const parsed = CenterConfig.safeParse(body);
    if (!parsed.success) {
      throw new ApiFailure(
        'invalid_setup',
        { detail: describeZodError(parsed.error, 'en'), detailVi: describeZodError(parsed.error, 'vi') },
        { vi: zodFields(parsed.error, 'vi'), en: zodFields(parsed.error, 'en') },
      );
    }
    const dryRun = query.dryRun === '1' || query.dryRun === 'true';
    return dryRun ? { dryRun, changes: setup.planImport(parsed.data) } : { dryRun, changes: setup.importSetup(me(c), parsed.data) };
  });
}
