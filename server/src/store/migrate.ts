import { readdirSync, readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';

const migrationsDir = new URL('./migrations/', import.meta.url);

export function migrationFiles(): { version: number; name: string; sql: string }[] {
  return readdirSync(migrationsDir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ version: Number(name.slice(0, 3)), name, sql: readFileSync(new URL(name, migrationsDir), 'utf8') }));
}

/** The database was written by a newer release: this one must not run on it (it would not know its tables). */
export class DatabaseTooNew extends Error {
  constructor(
    readonly found: number,
    readonly newest: number,
  ) {
    super(
      `Cơ sở dữ liệu thuộc phiên bản mới hơn (lược đồ ${found}, phần mềm này chỉ biết đến ${newest}): hãy chạy bản phần mềm mới hơn hoặc khôi phục bản sao lưu cũ. / ` +
        `The database comes from a newer release (schema ${found}; this software knows up to ${newest}): run the newer release or restore an older backup.`,
    );
  }
}

/**
 * Forward-only: applies each migration newer than the database's `user_version` in its own transaction. Refuses a
 * database newer than the newest migration; calls `beforeApplying` (a backup) when a non-empty database is about
 * to change.
 */
export function migrate(db: Database.Database, beforeApplying?: (from: number) => void): number[] {
  const current = Number(db.pragma('user_version', { simple: true }));
  const files = migrationFiles();
  const newest = files.at(-1)?.version ?? 0;
  if (current > newest) throw new DatabaseTooNew(current, newest);
  const pending = files.filter((m) => m.version > current);
  if (pending.length > 0 && current > 0) beforeApplying?.(current);
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return pending.map((m) => m.version);
}
