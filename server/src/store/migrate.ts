import { readdirSync, readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';

const migrationsDir = new URL('./migrations/', import.meta.url);

export function migrationFiles(): { version: number; name: string; sql: string }[] {
  return readdirSync(migrationsDir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ version: Number(name.slice(0, 3)), name, sql: readFileSync(new URL(name, migrationsDir), 'utf8') }));
}

/** Forward-only: applies each migration newer than the database's `user_version` in its own transaction. */
export function migrate(db: Database.Database): number[] {
  const current = Number(db.pragma('user_version', { simple: true }));
  const applied: number[] = [];
  for (const m of migrationFiles()) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
