import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../store/open';
import { summarize } from './summary';
import { createStats } from './worker-client';

const dir = mkdtempSync(join(tmpdir(), 'qms-stats-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const req = { from: '2026-03-01', to: '2026-03-31', timeZone: 'Asia/Ho_Chi_Minh' };

function withTickets(db: ReturnType<typeof openDb>) {
  db.prepare(
    `INSERT INTO services (id, code, name, name_en, prefix, width, start_number, default_service_seconds, satisfaction_target, sort) VALUES ('a', '1', 'A', 'A', 'A', 3, 1, 600, 0.9, 1)`,
  ).run();
  const ins = db.prepare(
    `INSERT INTO tickets (id, service_day, service_id, seq, number, channel, status, queued_at, issued_at, first_called_at, called_at, started_at, finished_at)
     VALUES (?, '2026-03-02', 'a', ?, ?, 'kiosk', 'done', ?, ?, ?, ?, ?, ?)`,
  );
  const t0 = Date.parse('2026-03-02T02:00:00Z');
  for (let i = 1; i <= 20; i++) ins.run(`t${i}`, i, `A${i}`, t0, t0, t0 + i * 60_000, t0 + i * 60_000, t0 + i * 60_000, t0 + i * 120_000);
  return db;
}

describe('stats off the event loop', () => {
  it('an in-memory database is summarized in process (another thread cannot open it)', async () => {
    const db = withTickets(openDb(':memory:'));
    const stats = createStats(db);
    const reply = await stats.summarize({ ...req, groupBy: 'service' });
    expect(reply).toEqual(summarize(db, { ...req, groupBy: 'service' }));
    expect(reply.totals.issued).toBe(20);
    await stats.close();
    db.close();
  });

  it('a database file is summarized in a worker thread, with the same figures', async () => {
    const db = withTickets(openDb(join(dir, 'a.sqlite')));
    const stats = createStats(db);
    const [one, two] = await Promise.all([stats.summarize({ ...req, groupBy: 'service' }), stats.summarizeMany(req, ['day', 'hour'])]);
    expect(one).toEqual(summarize(db, { ...req, groupBy: 'service' }));
    expect(two.groups.get('day')).toEqual(summarize(db, { ...req, groupBy: 'day' }).groups);
    expect(two.groups.get('hour')).toHaveLength(1);
    // Its own connection: a write not yet committed on the server's connection is not seen; once committed, it is.
    db.exec('BEGIN');
    db.prepare(`UPDATE tickets SET status = 'no_show' WHERE id = 't1'`).run();
    expect((await stats.summarize(req)).totals.noShow).toBe(0);
    db.exec('COMMIT');
    expect((await stats.summarize(req)).totals.noShow).toBe(1);
    await stats.close();
    await expect(stats.summarize(req)).rejects.toThrow(/stopped/);
    db.close();
  });

  it('an error in the worker comes back as the job’s error (a 500 for the route), and the worker keeps serving', async () => {
    const file = join(dir, 'empty.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    const stats = createStats(db);
    await expect(stats.summarize(req)).rejects.toThrow(/stats worker: SqliteError: no such table/);
    db.close();
    const migrated = withTickets(openDb(file));
    expect((await stats.summarize(req)).totals.issued).toBe(20);
    await stats.close();
    migrated.close();
  });

  it('a worker left idle stops (its memory returned) and the next report starts a new one, with the same figures', async () => {
    const db = withTickets(openDb(join(dir, 'idle.sqlite')));
    const stats = createStats(db, { idleMs: 50 });
    expect(stats.workerRunning()).toBe(false);
    const first = await stats.summarize(req);
    expect(first.totals.issued).toBe(20);
    // Generous bound: only the stop itself is awaited, not a speed.
    await expect.poll(() => stats.workerRunning(), { timeout: 30_000, interval: 20 }).toBe(false);
    expect(await stats.summarize(req)).toEqual(first);
    expect(stats.workerRunning()).toBe(true);
    await stats.close();
    db.close();
  });

  it('QMS_STATS_WORKER=off computes in process', async () => {
    const db = withTickets(openDb(join(dir, 'off.sqlite')));
    const stats = createStats(db);
    process.env.QMS_STATS_WORKER = 'off';
    db.exec('BEGIN');
    try {
      db.prepare(`UPDATE tickets SET status = 'no_show' WHERE id = 't1'`).run();
      // The server's own connection, inside its open transaction.
      expect((await stats.summarize(req)).totals.noShow).toBe(1);
    } finally {
      db.exec('ROLLBACK');
      delete process.env.QMS_STATS_WORKER;
    }
    await stats.close();
    db.close();
  });
});
