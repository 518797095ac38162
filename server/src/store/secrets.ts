import { randomBytes } from 'node:crypto';
import type { Db } from './open';

/**
 * The server's secret for ticket rating keys (migration 009): made once from crypto-random bytes, then read back,
 * so every restart and every restored backup signs the same tickets with the same keys.
 */
export function ratingSecret(db: Db, generate: () => Buffer = () => randomBytes(32)): Buffer {
  db.prepare(`INSERT INTO secrets (id, rating_key) VALUES (1, ?) ON CONFLICT (id) DO NOTHING`).run(generate());
  return db.prepare<[], Buffer>(`SELECT rating_key FROM secrets WHERE id = 1`).pluck().get()!;
}
