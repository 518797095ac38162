import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate';

export type Db = Database.Database;

/** The database, its -wal/-shm and its backups hold the rating secret and citizens' data: owner only. */
export const privateFileMode = 0o600;

/**
 * Opens (creating if needed) the SQLite file with the pragmas every connection needs and applies pending migrations,
 * after copying a non-empty database to `<folder>/backups/pre-migration-v<N>-<time>.sqlite`.
 * synchronous=FULL is set by hand: in WAL mode better-sqlite3 12 defaults to NORMAL, which can lose acknowledged writes on power loss.
 */
export function openDb(path: string, opts: { backupDir?: string; now?: () => number } = {}): Db {
  const onDisk = path !== ':memory:' && path !== '';
  // SQLite gives -wal and -shm the main file's mode, so the file is made private before SQLite first opens it.
  if (onDisk) {
    closeSync(openSync(path, 'a', privateFileMode));
    chmodSync(path, privateFileMode);
  }
  const db = new Database(path);
  if (onDisk) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Deleted or overwritten content (an erased phone number) is zeroed, not left in free pages (docs/privacy.md).
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  try {
    migrate(db, (from) => {
      if (!onDisk) return;
      const dir = opts.backupDir ?? join(dirname(path), 'backups');
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const copy = join(dir, `pre-migration-v${from}-${new Date((opts.now ?? Date.now)()).toISOString().replace(/[:.]/g, '-')}.sqlite`);
      // VACUUM INTO: a consistent copy, taken synchronously before the first migration touches the file.
      db.prepare('VACUUM INTO ?').run(copy);
      chmodSync(copy, privateFileMode);
    });
  } catch (e) {
    db.close();
    throw e;
  }
  if (onDisk) for (const f of [`${path}-wal`, `${path}-shm`]) if (existsSync(f)) chmodSync(f, privateFileMode);
  return db;
}

export function dbInfo(db: Db) {
  const journalMode = String(db.pragma('journal_mode', { simple: true }));
  const sync = Number(db.pragma('synchronous', { simple: true }));
  return { journalMode, synchronous: syncName(sync) };
}

export const syncName = (n: number) => ['OFF', 'NORMAL', 'FULL', 'EXTRA'][n] ?? String(n);
