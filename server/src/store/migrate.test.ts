import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNew, migrate, migrationFiles } from './migrate';
import { dbInfo, openDb } from './open';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('migrations', () => {
  it('are numbered 001, 002, … without gaps', () => {
    const versions = migrationFiles().map((m) => m.version);
    expect(versions.length).toBeGreaterThan(0);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
  });

  it('all apply to a fresh database, once', () => {
    const db = new Database(':memory:');
    const applied = migrate(db);
    expect(applied).toEqual(migrationFiles().map((m) => m.version));
    expect(migrate(db)).toEqual([]);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['counters', 'day_sequences', 'events', 'ratings', 'services', 'sessions', 'tickets', 'users']));
  });

  it('a file database gets WAL, synchronous=FULL and foreign keys', () => {
    const db = openDb(join(mkdtempSync(join(tmpdir(), 'qms-mig-')), 'x.sqlite'));
    expect(dbInfo(db)).toEqual({ journalMode: 'wal', synchronous: 'FULL' });
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('history cannot be deleted or rewritten', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.exec(`INSERT INTO services (id, code, name, name_en, prefix, width, start_number, default_service_seconds, satisfaction_target, sort)
             VALUES ('s', 'S', 'S', 'S', '1', 3, 1, 60, 0.95, 0)`);
    db.exec(`INSERT INTO tickets (id, service_day, service_id, seq, number, channel, status, queued_at, issued_at) VALUES ('t', '2026-03-16', 's', 1, '1001', 'kiosk', 'waiting', 0, 0)`);
    db.exec(`INSERT INTO events (type, ticket_id, at) VALUES ('ticket.issued', 't', 0)`);
    expect(() => db.exec(`DELETE FROM tickets`)).toThrow(/never deleted/);
    expect(() => db.exec(`DELETE FROM events`)).toThrow(/never deleted/);
    expect(() => db.exec(`UPDATE events SET type = 'x'`)).toThrow(/append-only/);
    expect(() =>
      db.exec(`INSERT INTO tickets (id, service_day, service_id, seq, number, channel, status, queued_at, issued_at) VALUES ('u', '2026-03-16', 's', 1, '1001', 'kiosk', 'waiting', 0, 0)`),
    ).toThrow(/UNIQUE/);
  });

  it('a non-empty database is copied to backups/ before a migration touches it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qms-mig-'));
    const file = join(dir, 'qms.sqlite');
    const old = new Database(file);
    const files = migrationFiles();
    const previous = files.at(-2)!.version;
    for (const m of files.slice(0, -1)) old.exec(m.sql);
    old.pragma(`user_version = ${previous}`);
    old.exec(`INSERT INTO services (id, code, name, name_en, prefix, width, start_number, default_service_seconds, satisfaction_target, sort)
              VALUES ('s', 'S', 'S', 'S', '1', 3, 1, 60, 0.95, 0)`);
    old.close();

    const db = openDb(file, { now: () => Date.parse('2026-03-16T03:00:00Z') });
    expect(db.pragma('user_version', { simple: true })).toBe(files.at(-1)!.version);
    db.close();
    const copies = readdirSync(join(dir, 'backups'));
    expect(copies).toEqual([`pre-migration-v${previous}-2026-03-16T03-00-00-000Z.sqlite`]);
    expect(statSync(join(dir, 'backups', copies[0]!)).mode & 0o777).toBe(0o600);
    const copy = new Database(join(dir, 'backups', copies[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(previous);
    expect(copy.prepare(`SELECT id FROM services`).pluck().all()).toEqual(['s']);
    copy.close();

    openDb(file).close(); // nothing to apply: no second copy
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(1);
  });

  it('a database newer than the newest migration is refused', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 999');
    expect(() => migrate(db)).toThrow(DatabaseTooNew);
    expect(() => migrate(db)).toThrow(/Cơ sở dữ liệu thuộc phiên bản mới hơn \(lược đồ 999/);
    expect(db.pragma('user_version', { simple: true })).toBe(999);
  });
});
