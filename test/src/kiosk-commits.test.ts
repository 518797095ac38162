import * as fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { client, kioskToken, startTestServer, type TestServer } from './support/server';

// Every fsync the server's own code asks for (numbering.json) is counted; SQLite's are counted per commit below.
const fsyncs = vi.hoisted(() => ({ n: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  return { ...real, fsyncSync: (fd: number) => (fsyncs.n++, real.fsyncSync(fd)) };
});

/**
 * Counts the database's write transactions by the `synchronous` setting they commit under (2 FULL: fsync'd, 1 NORMAL:
 * not); `outside()` is the rows written by statements outside any transaction (each of those an fsync'd commit too).
 * A transaction opened inside another (a savepoint: a command in a group commit) is part of that one's commit.
 */
function countCommits(s: TestServer) {
  const db = s.db;
  const changes = () => db.prepare('SELECT total_changes()').pluck().get() as number;
  const start = changes();
  let inside = 0;
  const counts = { synced: 0, lazy: 0, outside: () => changes() - start - inside };
  const real = db.transaction.bind(db);
  db.transaction = ((fn: (...a: unknown[]) => unknown) => {
    const tx = real(fn);
    return Object.assign((...args: unknown[]) => {
      if (db.inTransaction) return tx(...args);
      const mode = db.pragma('synchronous', { simple: true });
      const before = changes();
      const r = tx(...args);
      const wrote = changes() - before;
      inside += wrote;
      if (wrote > 0) counts[mode === 2 ? 'synced' : 'lazy']++;
      return r;
    }, tx);
  }) as typeof db.transaction;
  return counts;
}

describe('the kiosk’s request costs one fsync’d commit', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.stop());

  it('with its Idempotency-Key and printing on: the ticket with its reply in one fsync’d commit, the mark and the print outcome without one', async () => {
    const kiosk = client(s.url, kioskToken);
    const printed = (id: string) => s.db.prepare('SELECT printed FROM tickets WHERE id = ?').pluck().get(id);
    const tap = async (i: number) => {
      const res = await kiosk.post('/api/tickets', { serviceId: 'ho-tich' }, { 'idempotency-key': `tap-${i}` });
      expect(res.status).toBe(201);
      await expect.poll(() => printed(res.body.id), { timeout: 30_000 }).toBe(1);
      return res.body.id as string;
    };
    await tap(0); // the first request also purges day-old replies (at most once a minute)
    const commits = countCommits(s);
    fsyncs.n = 0;
    const requests = 10;
    const ids: string[] = [];
    for (let i = 1; i <= requests; i++) ids.push(await tap(i));

    expect({ synced: commits.synced, lazy: commits.lazy, outside: commits.outside() }).toEqual({ synced: requests, lazy: requests, outside: 0 });
    expect(fsyncs.n).toBe(0);
    // Nothing is lost by it: each ticket, its stored reply, its outcome and the mark are there.
    const events = s.db.prepare(`SELECT type FROM events WHERE ticket_id = ? ORDER BY id`).pluck();
    for (const id of ids) expect(events.all(id)).toEqual(['ticket.issued', 'ticket.printed']);
    expect(s.db.prepare(`SELECT count(*) FROM idempotency_keys WHERE status = 201`).pluck().get()).toBe(requests + 1);
    const mark = JSON.parse(fs.readFileSync(`${s.dataDir}/numbering.json`, 'utf8')) as Record<string, Record<string, number>>;
    expect(Object.values(mark).at(-1)).toEqual({ 'ho-tich': requests + 1 });
    // Between commands the connection is back at FULL.
    expect(s.db.pragma('synchronous', { simple: true })).toBe(2);
  });
});
