import type { Db } from './open';

/**
 * Commits made without their own fsync (`durable: false` in the floor's `grouped`: print outcomes) are on the disk only
 * after the next fsync'd commit. Whoever hands data outside the process (the hub push) calls `syncLazyCommits` first,
 * so nothing leaves that a power cut could still take back.
 */
const pending = new WeakMap<Db, boolean>();

export const noteLazyCommit = (db: Db) => void pending.set(db, true);
export const noteDurableCommit = (db: Db) => void pending.delete(db);

/** If a commit since the last fsync'd one had none of its own: one small fsync'd commit, which syncs the WAL up to here. */
export function syncLazyCommits(db: Db) {
  if (!pending.get(db)) return false;
  // Rewrites the hub cursor's row as it is: a write, so its commit is fsync'd (synchronous=FULL), and that fsync covers the WAL before it.
  db.prepare('INSERT INTO hub_sync (id, pushed_through) VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET pushed_through = pushed_through').run();
  pending.delete(db);
  return true;
}
