import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import { HubAccountBody, HubAccountPatch, HubCenterBody, HubCenterPatch, HubHeartbeat, HubLoginBody as LoginBody, HubPasswordBody, HubPushBody, HubReportQuery, HubStatsQuery } from '@qms/protocol/hub';
import type { Accounts, HubRole, HubUser } from '../auth/accounts';
import type { Centers } from '../centers';
import type { Pool } from '../db/pool';
import { ingest } from '../ingest';
import { hubSummary } from '../summary';
import { errorReply, HubError, issuesText } from './errors';
import { getConnInfo } from '@hono/node-server/conninfo';
import { loginThrottle } from '../auth/throttle';
import { hubOpenApi } from './openapi';
import { cityReport } from '../report';
import { cityWorkbook } from '../xlsx';
import { hubSecurityHeaders, staticHubUi } from './static';

export interface HubAppDeps {
  pool: Pool;
  accounts: Accounts;
  centers: Centers;
  now: () => number;
  version: string;
  /** The built city screens (hub-ui/dist), served at `/`. */
  uiDir: string;
}

/** Bodies above this are refused before parsing (a full push batch is well under it). */
const maxBodyBytes = 4 * 1024 * 1024;

async function body<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  if (Number(c.req.header('content-length') ?? 0) > maxBodyBytes) throw new HubError('too_large');
  const text = await c.req.text();
  if (text.length > maxBodyBytes) throw new HubError('too_large');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HubError('malformed_json');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new HubError('invalid_input', { detail: issuesText(parsed.error) });
  return parsed.data;
}

/** A route's `:id`: a positive integer PostgreSQL's `integer` holds, else 400 (never a database error). */
function idParam(c: Context): number {
  const raw = c.req.param('id') ?? '';
  const id = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) throw new HubError('bad_id', { id: raw.slice(0, 40) });
  return id;
}

const bearer = (c: Context) => /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? null;

/** The hub's HTTP API (docs/hub.md; shapes in `/api/openapi.json`). */
export function buildHubApp(deps: HubAppDeps) {
  const app = new Hono();
  app.use('*', hubSecurityHeaders);
  app.onError((err, c) => {
    if (err instanceof HubError) return errorReply(c, err);
    // Never a stack trace to the caller; the cause goes to the hub's log (stderr).
    process.stderr.write(`${new Date().toISOString()} ${c.req.method} ${c.req.path}: ${err.stack ?? String(err)}\n`);
    return c.json({ error: { code: 'internal', message: 'Máy chủ thành phố gặp lỗi, vui lòng thử lại sau. / The hub failed; please try again later.' } }, 500);
  });
  app.notFound((c) => errorReply(c, new HubError('not_found')));

  const user = async (c: Context, roles: readonly HubRole[]): Promise<HubUser> => {
    const token = bearer(c);
    const u = token ? await deps.accounts.byToken(token) : null;
    if (!u) throw new HubError('unauthorized');
    if (!roles.includes(u.role)) throw roles.length === 1 && roles[0] === 'city_admin' ? new HubError('admin_only') : new HubError('forbidden', { allowed: roles.join(', ') });
    return u;
  };
  const center = async (c: Context) => {
    const key = bearer(c);
    const found = key ? await deps.centers.byKey(key) : null;
    if (!found) throw new HubError('bad_center_key');
    return found;
  };

  app.get('/api/health', async (c) => {
    const db = await deps.pool.query('SELECT 1').then(
      () => 'ok' as const,
      () => 'unavailable' as const,
    );
    return c.json({ ok: db === 'ok', version: deps.version, db }, db === 'ok' ? 200 : 503);
  });
  app.get('/api/openapi.json', (c) => c.json(hubOpenApi(deps.version)));

  const throttle = loginThrottle(deps.now);
  app.post('/api/auth/login', async (c) => {
    const { username, password } = await body(c, LoginBody);
    const address = getConnInfo(c).remote.address ?? 'unknown';
    const minutes = throttle.lockedFor(username, address);
    if (minutes > 0) throw new HubError('too_many_attempts', { minutes });
    try {
      const session = await deps.accounts.login(username, password);
      throttle.succeeded(username, address);
      return c.json(session);
    } catch (e) {
      if (e instanceof HubError && e.code === 'bad_credentials') throttle.failed(username, address);
      throw e;
    }
  });

  app.post('/api/auth/logout', async (c) => {
    const token = bearer(c);
    if (token) await deps.accounts.logout(token);
    return c.body(null, 204);
  });

  app.post('/api/hub/centers', async (c) => {
    await user(c, ['city_admin']);
    return c.json(await deps.centers.register(await body(c, HubCenterBody)), 201);
  });
  app.get('/api/hub/centers', async (c) => {
    await user(c, ['city_admin', 'city_viewer']);
    return c.json(await deps.centers.list());
  });

  app.patch('/api/hub/centers/:id', async (c) => {
    await user(c, ['city_admin']);
    const id = Number(c.req.param('id'));
    const patch = await body(c, HubCenterPatch);
    if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647 || !(await deps.centers.update(id, patch))) throw new HubError('unknown_center', { center: c.req.param('id') });
    return c.json((await deps.centers.list()).find((x) => x.id === id));
  });

  app.post('/api/hub/centers/:id/key', async (c) => {
    await user(c, ['city_admin']);
    const id = idParam(c);
    const issued = await deps.centers.newKey(id);
    if (!issued) throw new HubError('unknown_center', { center: id });
    return c.json(issued, 201);
  });

  app.get('/api/hub/accounts', async (c) => {
    await user(c, ['city_admin']);
    return c.json(await deps.accounts.list());
  });
  app.post('/api/hub/accounts', async (c) => {
    await user(c, ['city_admin']);
    return c.json(await deps.accounts.createViewer(await body(c, HubAccountBody)), 201);
  });
  app.patch('/api/hub/accounts/:id', async (c) => {
    await user(c, ['city_admin']);
    const id = idParam(c);
    const updated = await deps.accounts.updateViewer(id, await body(c, HubAccountPatch));
    if (!updated) throw new HubError('unknown_account', { account: id });
    return c.json(updated);
  });
  app.put('/api/hub/accounts/:id/password', async (c) => {
    await user(c, ['city_admin']);
    const id = idParam(c);
    const { password } = await body(c, HubPasswordBody);
    if (!(await deps.accounts.resetPassword(id, password))) throw new HubError('unknown_account', { account: id });
    return c.body(null, 204);
  });

  app.post('/api/hub/events', async (c) => {
    const { id } = await center(c);
    const { events } = await body(c, HubPushBody);
    return c.json(await ingest(deps.pool, id, events, deps.now));
  });
  app.post('/api/hub/heartbeat', async (c) => {
    const { id } = await center(c);
    await deps.centers.heartbeat(id, await body(c, HubHeartbeat));
    return c.body(null, 204);
  });

  app.get('/api/hub/stats/summary', async (c) => {
    await user(c, ['city_admin', 'city_viewer']);
    const q = HubStatsQuery.safeParse(c.req.query());
    if (!q.success) throw new HubError('invalid_input', { detail: issuesText(q.error) });
    if (q.data.center !== undefined && !(await deps.centers.list()).some((x) => x.code === q.data.center)) throw new HubError('unknown_center', { center: q.data.center });
    return c.json(await hubSummary(deps.pool, q.data));
  });
  const reportQuery = (c: Context) => {
    const q = HubReportQuery.safeParse(c.req.query());
    if (!q.success) throw new HubError('invalid_input', { detail: issuesText(q.error) });
    return q.data;
  };
  app.get('/api/hub/stats/report', async (c) => {
    await user(c, ['city_admin', 'city_viewer']);
    return c.json(await cityReport(deps.pool, reportQuery(c)));
  });
  app.get('/api/hub/stats/export.xlsx', async (c) => {
    await user(c, ['city_admin', 'city_viewer']);
    const q = reportQuery(c);
    const file = await cityWorkbook(await cityReport(deps.pool, { ...q, lang: 'vi' }));
    return c.body(new Uint8Array(file), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="bao-cao-thanh-pho_${q.from}_${q.to}.xlsx"`,
      'cache-control': 'no-store',
    });
  });
  staticHubUi(app, deps.uiDir);
  return app;
}
