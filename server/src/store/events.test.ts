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
