import Database from 'better-sqlite3';
import { migrate } from './migrate';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the SQLite file with the pragmas every connection needs and applies pending migrations.
 * synchronous=FULL is set by hand: in WAL mode better-sqlite3 12 defaults to NORMAL, which can lose acknowledged writes on power loss.
 */
export function openDb(path: string): Db {
  const db = new Database(path);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

export function dbInfo(db: Db) {
  const journalMode = String(db.pragma('journal_mode', { simple: true }));
  const sync = Number(db.pragma('synchronous', { simple: true }));
  return { journalMode, synchronous: ['OFF', 'NORMAL', 'FULL', 'EXTRA'][sync] ?? String(sync) };
}
