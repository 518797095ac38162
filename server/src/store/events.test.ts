import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recentCalls, recentCallsSql } from './events';
import { openDb } from './open';

describe('recentCalls', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qms-recent-calls-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads today's calls only: the same answer as a scan of every call, from today's part of the index", () => {
    const db = openDb(join(dir, 'qms.sqlite'));
    db.pragma('foreign_keys = OFF'); // calls of tickets this test does not need
    const append = db.prepare(`INSERT INTO events (type, ticket_id, counter_id, staff_id, payload, at) VALUES (?, ?, ?, NULL, '{}', ?)`);
    const today = Date.parse('2026-03-16T00:00:00Z');
    for (let i = 0; i < 3000; i++) append.run('ticket.called', `old-${i}`, 1, today - 100_000_000 + i * 1000);
    const types = ['ticket.called', 'ticket.recalled', 'ticket.unheld', 'ticket.finished'];
    for (let i = 0; i < 60; i++) append.run(types[i % 4], `t-${i % 25}`, 1 + (i % 6), today + i * 1000);
    const scanAll = db
      .prepare(`SELECT ticket_id, counter_id, type, at FROM events WHERE type IN ('ticket.called', 'ticket.recalled', 'ticket.unheld') AND at >= ? ORDER BY id DESC`)
      .all(today) as { ticket_id: string }[];
    const expected = scanAll.filter((r, i) => scanAll.findIndex((o) => o.ticket_id === r.ticket_id) === i).slice(0, 10);
    expect(recentCalls(db, today, 10)).toEqual(expected);
    expect(recentCalls(db, today + 1_000_000, 10)).toEqual([]);

    // Bounded: the first event of the day through `events_at`, then each call type from that id on.
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array.from(sql.matchAll(/\?/g), () => 1)) as { detail: string }[]).map((p) => p.detail).join('; ');
    expect(plan(recentCallsSql.firstOfDay)).toMatch(/events_at \(at>\?\)/);
    expect(plan(recentCallsSql.calls)).toMatch(/events_type_id \(type=\? AND id>\?\)/);
    db.close();
  });
});

describe('the officer and counter indexes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qms-event-indexes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leave out events with no officer or no counter, and still serve the lookups of one officer or one counter', () => {
    const db = openDb(join(dir, 'qms.sqlite'));
    db.pragma('foreign_keys = OFF');
    const append = db.prepare(`INSERT INTO events (type, ticket_id, counter_id, staff_id, payload, at) VALUES (?, ?, ?, ?, '{}', ?)`);
    for (let i = 0; i < 200; i++) append.run('ticket.issued', `t-${i}`, null, null, i);
    for (let i = 0; i < 5; i++) append.run('ticket.called', `t-${i}`, 3, 7, 1000 + i);
    const entries = (index: string) => db.prepare(`SELECT sum(ncell) FROM dbstat WHERE name = ? AND pagetype = 'leaf'`).pluck().get(index);
    expect(entries('events_staff_type_at')).toBe(5);
    expect(entries('events_counter_type_at')).toBe(5);

    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array.from(sql.matchAll(/\?/g), () => 1)) as { detail: string }[]).map((p) => p.detail).join('; ');
    expect(plan(`SELECT count(*) FROM events WHERE staff_id = ? AND type = ? AND at >= ? AND at < ?`)).toMatch(/events_staff_type_at/);
    expect(plan(`SELECT max(at) FROM events WHERE counter_id = ? AND type = 'counter.signed_in'`)).toMatch(/events_counter_type_at/);
    expect(plan(`SELECT ticket_id FROM events WHERE type = 'ticket.called' AND counter_id = ? AND at >= ? ORDER BY at DESC, id DESC LIMIT ?`)).toMatch(/events_counter_type_at/);
    db.close();
  });
});
