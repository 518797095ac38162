import type { Context, MiddlewareHandler } from 'hono';
import type { Floor, ReplyRecord } from '../floor';
import { idempotencyQueries, type StoredReply } from '../store/idempotency';
import type { Db } from '../store/open';
import type { AppEnv } from './env';

const json = { 'content-type': 'application/json; charset=utf-8' };
const asResponse = (r: StoredReply, headers: Record<string, string> = {}) => new Response(r.status === 204 ? null : r.body, { status: r.status, headers: { ...json, ...headers } });

/**
 * A retried request with the same `Idempotency-Key` gets the first answer again instead of acting twice
 * (a double click or a network retry must never call two tickets). Keys are scoped to the caller and the path.
 * The key is reserved in memory while the request runs (a duplicate arriving meanwhile gets 409 `request_in_progress`):
 * a reservation means nothing after a restart, so it costs no write and no fsync of its own. The floor command stores
 * the reply in its own transaction (`answerOnce`), so a crash right after the commit still leaves the reply for the retry.
 */
export function idempotent(db: Db, now: () => number): MiddlewareHandler<AppEnv> {
  const q = idempotencyQueries(db);
  const running = new Set<string>();
  let purgedAt = -Infinity;
  return async (c, next) => {
    const raw = c.req.header('idempotency-key');
    if (!raw) return next();
    const p = c.get('principal');
    const who = p?.kind === 'user' ? `u${p.user.id}` : p?.kind === 'device' ? `d${p.device.id}` : 'anon';
    const key = `${who} ${c.req.method} ${c.req.path} ${raw.slice(0, 128)}`;
    const seen = q.find(key);
    if (running.has(key) || seen?.status === 0) return c.json({ error: { code: 'request_in_progress', message: 'Yêu cầu này đang được xử lý. / This request is still being processed.' } }, 409);
    if (seen) {
      if (seen.body !== null) c.set('replyBody', seen.body);
      return asResponse(seen, { 'idempotent-replay': 'true' });
    }
    // Replies are kept a day; the old ones are removed at most once a minute, not by every request.
    if (now() - purgedAt > 60_000) {
      purgedAt = now();
      q.purge(purgedAt - 24 * 3600_000);
    }
    running.add(key);
    c.set('idempotencyKey', key);
    try {
      await next();
    } finally {
      running.delete(key);
    }
    // A route that answered without a floor command storing it: stored here (not crash-proof, but still once).
    if (c.res.status >= 200 && c.res.status < 300 && !c.get('idempotencyStored')) q.complete(key, { status: c.res.status, body: await c.res.clone().text() }, now());
  };
}

/**
 * Runs a floor command in the floor's group commit (`grouped`: the commands of requests that arrive together share one
 * fsync'd commit) so that its reply is stored under the request's Idempotency-Key (if any) with the command, and answers
 * exactly that stored reply once it is committed.
 */
export async function answerOnce<T>(c: Context<AppEnv>, floor: Pick<Floor, 'grouped'>, command: (once: ReplyRecord<T> | null) => T, reply: (result: T) => StoredReply): Promise<Response> {
  const key = c.get('idempotencyKey');
  const kept: { reply?: StoredReply } = {};
  const result = await floor.grouped(() => command(key ? { key, reply: (r) => (kept.reply = reply(r)) } : null));
  if (kept.reply) c.set('idempotencyStored', true);
  const answer = kept.reply ?? reply(result);
  if (answer.body !== null) c.set('replyBody', answer.body);
  return asResponse(answer);
}

/** A JSON reply to store, for `answerOnce`. */
export const jsonReply = (status: number, value: unknown): StoredReply => ({ status, body: JSON.stringify(value) });

/** Call once at start: nothing is in progress yet, and a reservation left by a crash would refuse the retry for 24 h. */
export function clearUnfinishedRequests(db: Db) {
  idempotencyQueries(db).clearUnfinished();
}
