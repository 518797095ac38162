import type { Db } from './open';

/** A reply kept under an `Idempotency-Key`: status 0 while the request runs, the HTTP status and body once answered. */
export interface StoredReply {
  status: number;
  body: string | null;
}

export function idempotencyQueries(db: Db) {
  const find = db.prepare<[string], StoredReply>(`SELECT status, body FROM idempotency_keys WHERE key = ?`);
  const reserve = db.prepare(`INSERT INTO idempotency_keys (key, status, body, created_at) VALUES (?, 0, NULL, ?)`);
  const complete = db.prepare(
    `INSERT INTO idempotency_keys (key, status, body, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET status = excluded.status, body = excluded.body`,
  );
  const release = db.prepare(`DELETE FROM idempotency_keys WHERE key = ? AND status = 0`);
  const purge = db.prepare(`DELETE FROM idempotency_keys WHERE created_at < ?`);
  const clearUnfinished = db.prepare(`DELETE FROM idempotency_keys WHERE status = 0`);
  return {
    find: (key: string): StoredReply | undefined => find.get(key),
    reserve: (key: string, at: number) => void reserve.run(key, at),
    /** Stores the reply; the floor calls it inside the command's own transaction. */
    complete: (key: string, reply: StoredReply, at: number) => void complete.run(key, reply.status, reply.body, at),
    release: (key: string) => void release.run(key),
    purge: (before: number) => void purge.run(before),
    clearUnfinished: () => void clearUnfinished.run(),
  };
}
export type IdempotencyQueries = ReturnType<typeof idempotencyQueries>;
