import type { MiddlewareHandler } from 'hono';
import type { Db } from '../store/open';
import type { AppEnv } from './env';

/**
 * A retried request with the same `Idempotency-Key` gets the first answer again instead of acting twice
 * (a double click or a network retry must never call two tickets). Keys are scoped to the caller and the path.
 */
export function idempotent(db: Db, now: () => number): MiddlewareHandler<AppEnv> {
  const find = db.prepare<[string], { status: number; body: string | null }>(`SELECT status, body FROM idempotency_keys WHERE key = ?`);
  const reserve = db.prepare(`INSERT INTO idempotency_keys (key, status, body, created_at) VALUES (?, 0, NULL, ?)`);
  const complete = db.prepare(`UPDATE idempotency_keys SET status = ?, body = ? WHERE key = ?`);
  const release = db.prepare(`DELETE FROM idempotency_keys WHERE key = ?`);
  const purge = db.prepare(`DELETE FROM idempotency_keys WHERE created_at < ?`);
  return async (c, next) => {
    const raw = c.req.header('idempotency-key');
    if (!raw) return next();
    const p = c.get('principal');
    const who = p?.kind === 'user' ? `u${p.user.id}` : p?.kind === 'device' ? `d${p.device.id}` : 'anon';
    const key = `${who} ${c.req.method} ${c.req.path} ${raw.slice(0, 128)}`;
    const seen = find.get(key);
    if (seen) {
      if (seen.status === 0) return c.json({ error: { code: 'request_in_progress', message: 'Yêu cầu này đang được xử lý. / This request is still being processed.' } }, 409);
      return new Response(seen.status === 204 ? null : seen.body, { status: seen.status, headers: { 'content-type': 'application/json; charset=utf-8', 'idempotent-replay': 'true' } });
    }
    purge.run(now() - 24 * 3600_000);
    reserve.run(key, now());
    try {
      await next();
    } catch (e) {
      release.run(key);
      throw e;
    }
    if (c.res.status >= 200 && c.res.status < 300) complete.run(c.res.status, await c.res.clone().text(), key);
    else release.run(key);
  };
}

/** Call once at start: nothing is in progress yet, and a reservation left by a crash would refuse the retry for 24 h. */
export function clearUnfinishedRequests(db: Db) {
  db.prepare(`DELETE FROM idempotency_keys WHERE status = 0`).run();
}
