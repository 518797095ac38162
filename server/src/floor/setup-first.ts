import type { FirstSetup } from '@qms/protocol';
import { hashPassword } from '@qms/protocol/password';
import { defaultSatisfactionTarget } from '../config/schema';
import { QueueError } from '../queue';
import { settingsOf, type SetupCounter, type SetupService } from '../store/setup';
import type { FloorContext } from './context';
import type { SetupLog } from './setup-commands';
import { adminUserDto, isWeakPassword, temporaryPassword } from './setup-users';

export interface FirstSetupRequest {
  body: FirstSetup;
  /** The admin's session, created in the same transaction (the wizard's browser is signed in by the reply). */
  session: { tokenHash: string; hours: number };
}

/** The center has no setup yet: the server runs empty and the wizard at /admin/ is the only way in. */
export const setupNeeded = (ctx: FloorContext) => ctx.q.setup.settings() === null;

/**
 * The first-run setup: the center, the first admin, fields, counters and officers, in one transaction with a
 * `setup.<entity>.created` row each (staffId = the new admin). Refused once any setup exists, so nobody can run it
 * again to take over a center.
 */
export function runFirstSetup(ctx: FloorContext, { body, session }: FirstSetupRequest) {
  if (isWeakPassword(body.admin.password, body.admin.username)) throw new QueueError('password_too_weak', { field: 'admin.password' });
  // scrypt is slow on purpose: hashed before the transaction, so the floor is not held while it runs.
  const adminHash = hashPassword(body.admin.password);
  const officers = body.officers.map((o) => {
    const password = temporaryPassword();
    return { ...o, password, hash: hashPassword(password) };
  });
  try {
    return ctx.run(
      (tx) => {
        if (!setupNeeded(ctx)) throw new QueueError('setup_done');
        refuseClashes(ctx, body);
        const settings = {
          ...settingsOf(ctx.config),
          center: { name: body.center.name, ...(body.center.nameEn ? { nameEn: body.center.nameEn } : {}), hotline: body.center.hotline ?? '' },
          timezone: body.timezone ?? ctx.timeZone,
        };
        ctx.q.setup.saveSettings(settings, tx.now);
        const admin = { username: body.admin.username, name: body.admin.name ?? 'Quản trị viên', title: '', role: 'admin' as const, counterId: null };
        const adminId = ctx.q.setup.saveAccount({ ...admin, passwordHash: adminHash });
        const log: SetupLog = (entity, action, id, before, after) =>
          tx.log({ type: `setup.${entity}.${action}`, ticketId: null, counterId: null, staffId: adminId, payload: { entity, id, before, after } });
        log('center', 'created', 'center', null, { center: settings.center, timezone: settings.timezone });
        log('user', 'created', String(adminId), null, adminUserDto({ ...admin, id: adminId }));

        body.fields.forEach((f, sort) => {
          const s: SetupService = {
            id: f.id,
            code: f.code ?? f.id.slice(0, 16).toUpperCase(),
            name: f.name,
            ...(f.nameEn ? { nameEn: f.nameEn } : {}),
            prefix: f.prefix,
            width: 3,
            startNumber: 1,
            dailyCap: null,
            hours: null,
            defaultServiceSeconds: 420,
            satisfactionTarget: defaultSatisfactionTarget(f.name),
          };
          ctx.q.setup.saveService(s, sort);
          log('service', 'created', s.id, null, s);
        });
        // A new center: each counter's id is its number.
        for (const c of body.counters) {
          const counter: SetupCounter = { id: c.number, number: c.number, name: c.name, serviceIds: c.fieldIds, priority: c.priority, serviceOrder: 'fifo' };
          ctx.q.setup.saveCounter(counter);
          log('counter', 'created', String(counter.id), null, counter);
        }
        const created = officers.map((o) => {
          const account = { username: o.username, name: o.name, title: '', role: 'staff' as const, counterId: o.counter, mustChangePassword: true };
          const id = ctx.q.setup.saveAccount({ ...account, passwordHash: o.hash });
          log('user', 'created', String(id), null, adminUserDto({ ...account, id }));
          return { username: o.username, name: o.name, counter: o.counter, temporaryPassword: o.password };
        });

        ctx.q.users.createSession(session.tokenHash, adminId, tx.now, tx.now + session.hours * 3600_000);
        ctx.reloadSetup();
        tx.emit({ type: 'services.updated', services: ctx.servicesView(tx.now, tx.day) });
        for (const c of ctx.q.counters.all()) tx.emit({ type: 'counter.updated', counter: ctx.counterView(c) });
        tx.emit({ type: 'setup.updated', entity: 'center', id: 'center' });
        return {
          user: { id: adminId, username: admin.username, name: admin.name, role: admin.role, counterId: null },
          officers: created,
          restartForTimezone: settings.timezone !== ctx.timeZone,
        };
      },
      { label: 'first-setup' },
    );
  } catch (e) {
    ctx.reloadSetup();
    throw e;
  }
}

/** Rows a database may hold without a setup (one from before setups lived in it): the wizard never overwrites them. */
function refuseClashes(ctx: FloorContext, body: FirstSetup) {
  const usernames = new Set(ctx.q.setup.accounts().map((a) => a.username));
  if (usernames.has(body.admin.username)) throw new QueueError('username_taken', { field: 'admin.username', username: body.admin.username });
  body.officers.forEach((o, i) => {
    if (usernames.has(o.username)) throw new QueueError('username_taken', { field: `officers.${i}.username`, username: o.username });
  });
  const services = new Set(ctx.q.setup.services().map((s) => s.id));
  body.fields.forEach((f, i) => {
    if (services.has(f.id)) throw new QueueError('service_id_taken', { field: `fields.${i}.id`, id: f.id });
  });
  const counters = new Set(ctx.q.setup.counters().flatMap((c) => [c.id, c.number]));
  body.counters.forEach((c, i) => {
    if (counters.has(c.number)) throw new QueueError('counter_number_taken', { field: `counters.${i}.number`, counter: c.number });
  });
}
