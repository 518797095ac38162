import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, migrationFiles } from './migrate';
import { dbInfo, openDb } from './open';
import { mkdtempSync } from 'node:fs';
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
});
