import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FloorEvent } from '@qms/protocol';
import { demoConfigPath, loadConfig } from '../config/load';
import { dayCountsFromDb } from '../store/day-tally';
import { syncLazyCommits } from '../store/lazy-commits';
import { openDb, type Db } from '../store/open';
import { importOnFirstStart } from './setup-import';
import { createFloor, type Floor } from '.';

/**
 * Group commit (`floor.grouped`, used by the issue and counter routes): commands of one turn of the event loop share one
 * fsync'd commit, yet each stands or falls alone, and nobody hears of any of them before that commit. A second
 * connection stands for everyone outside the process: its `data_version` moves once per commit made by another.
 */
describe('commands grouped in one commit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qms-group-commit-'));
  const path = join(dir, 'qms.sqlite');
  let db: Db;
  let outside: Database.Database;
  let floor: Floor;
  let armed = false;
  const published: FloorEvent[] = [];
  // For each ticket.issued sent: whether that ticket was already committed (seen from outside) when it was sent.
  const committedWhenSent: boolean[] = [];
  const clock = Date.parse('2026-03-16T02:00:00Z');

  beforeAll(() => {
    db = openDb(path);
    const config = importOnFirstStart(db, loadConfig(demoConfigPath), clock, () => undefined);
    const faults = {
      afterFirstWrite: () => {
        if (!armed) return;
        armed = false;
        throw new Error('injected fault');
      },
    };
    floor = createFloor({ db, config, now: () => clock, newId: randomUUID, faults });
    floor.bus.on('event', (e) => {
      published.push(e);
      if (e.type === 'ticket.issued') committedWhenSent.push(storedTicket(e.ticket.id) !== undefined);
    });
    outside = new Database(path, { readonly: true });
  });
  afterAll(() => {
    outside.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    published.length = 0;
    committedWhenSent.length = 0;
  });

  const commits = () => Number(outside.pragma('data_version', { simple: true }));
  const storedTicket = (id: string) => outside.prepare('SELECT number FROM tickets WHERE id = ?').pluck().get(id);
  const issue = (serviceId = 'ho-tich') => floor.grouped(() => floor.issue({ serviceId, channel: 'kiosk', staffId: null }));
  const expectDayStateAsStored = () => {
    const { day, counts } = floor.dayState();
    expect(counts).toEqual(dayCountsFromDb(db, day));
  };

  it('three commands of one turn: one commit; each answered, and its event sent, only once it is committed', async () => {
    const before = commits();
    const seenAtAnswer: unknown[] = [];
    const issued = ['ho-tich', 'chung-thuc', 'dat-dai'].map((s) =>
      issue(s).then((t) => {
        seenAtAnswer.push(storedTicket(t.id));
        return t;
      }),
    );
    expect(published).toEqual([]); // nothing has run yet: the group runs at the end of this turn
    const tickets = await Promise.all(issued);
    expect(commits() - before).toBe(1);
    expect(seenAtAnswer).toEqual(tickets.map((t) => t.number));
    expect(committedWhenSent).toEqual([true, true, true]);
    expect(published.filter((e) => e.type === 'ticket.issued').map((e) => (e.type === 'ticket.issued' ? e.ticket.id : null))).toEqual(tickets.map((t) => t.id));
    expectDayStateAsStored();
  });

  it('a command that fails after its first write rolls back alone; the others of its group are committed', async () => {
    const before = commits();
    const numbersBefore = outside.prepare('SELECT count(*) FROM tickets').pluck().get() as number;
    const first = issue();
    const failing = floor.grouped(() => {
      armed = true;
      return floor.issue({ serviceId: 'ho-tich', channel: 'kiosk', staffId: null });
    });
    const third = issue();
    const [a, b, c] = await Promise.allSettled([first, failing, third]);
    expect([a.status, b.status, c.status]).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((b as PromiseRejectedResult).reason).toMatchObject({ message: 'injected fault' });
    expect(commits() - before).toBe(1);
    expect(outside.prepare('SELECT count(*) FROM tickets').pluck().get()).toBe(numbersBefore + 2);
    // No number used up by the failed one: the two others follow each other.
    const [n1, n3] = [a, c].map((r) => Number((r as PromiseFulfilledResult<{ number: string }>).value.number));
    expect(n3).toBe(n1! + 1);
    expect(published.filter((e) => e.type === 'ticket.issued')).toHaveLength(2);
    expectDayStateAsStored();
  });

  it('a commit that fails fails every command of the group, leaves nothing and tells nobody', async () => {
    const before = commits();
    const tickets = outside.prepare('SELECT count(*) FROM tickets').pluck().get();
    const events = outside.prepare('SELECT count(*) FROM events').pluck().get();
    const ok = issue();
    // A foreign key checked only at COMMIT (defer_foreign_keys) makes the group's commit itself fail.
    const breaksTheCommit = floor.grouped(() =>
      floor.run(() => {
        db.pragma('defer_foreign_keys = ON');
        db.prepare(`INSERT INTO events (type, ticket_id, counter_id, staff_id, payload, at) VALUES ('ticket.issued', 'no-such-ticket', NULL, NULL, '{}', ?)`).run(clock);
      }),
    );
    const results = await Promise.allSettled([ok, breaksTheCommit]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(commits()).toBe(before);
    expect(outside.prepare('SELECT count(*) FROM tickets').pluck().get()).toBe(tickets);
    expect(outside.prepare('SELECT count(*) FROM events').pluck().get()).toBe(events);
    expect(published).toEqual([]);
    expectDayStateAsStored();
    // And the floor goes on: the next group commits.
    await issue();
    expect(commits() - before).toBe(1);
  });

  it('a print outcome waits for the next command and shares its fsync\'d commit; alone, it commits after a short wait without fsync', async () => {
    const [a, b] = await Promise.all([issue(), issue()]);
    const printedOutside = (id: string) => outside.prepare('SELECT printed FROM tickets WHERE id = ?').pluck().get(id);
    syncLazyCommits(db);
    let before = commits();
    const stored = floor.recordPrint(a.id, { printed: true, printerId: 'p1', reason: null });
    await new Promise((r) => setImmediate(r)); // a turn later: a group of its own would have committed by now
    expect(commits() - before).toBe(0);
    const [, c] = await Promise.all([stored, issue()]);
    expect(commits() - before).toBe(1);
    expect([printedOutside(a.id), storedTicket(c.id)]).toEqual([1, c.number]);
    expect(syncLazyCommits(db)).toBe(false); // that commit was fsync'd

    before = commits();
    await floor.recordPrint(b.id, { printed: false, printerId: 'p1', reason: 'paper_out' });
    expect(commits() - before).toBe(1);
    expect(printedOutside(b.id)).toBe(0);
    expect(syncLazyCommits(db)).toBe(true); // that one was not: the next fsync'd write takes it to the disk
  });

  it('a full disk in the middle of a group (SQLite then rolls back the whole transaction): every command fails with it, none commits alone', async () => {
    const before = commits();
    const tickets = outside.prepare('SELECT count(*) FROM tickets').pluck().get();
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);
    try {
      const results = await Promise.allSettled(Array.from({ length: 60 }, () => issue()));
      expect(new Set(results.map((r) => r.status))).toEqual(new Set(['rejected']));
      expect(results.some((r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'SQLITE_FULL')).toBe(true);
    } finally {
      db.pragma('max_page_count = 1073741823');
    }
    expect(commits()).toBe(before);
    expect(outside.prepare('SELECT count(*) FROM tickets').pluck().get()).toBe(tickets);
    expect(published).toEqual([]);
    expectDayStateAsStored();
  });
});
