import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { contentsOf, releaseFixture, releaseSummaries, summaryQueries } from './support/release-db';
import { client, login, startTestServer, testClock } from './support/server';

const readOnly = (path: string) => new Database(path, { readonly: true });

describe('upgrading a database written by release 0.1.0', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'qms-upgrade-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('opens with the newest code with nothing lost: rows, rating key and report figures as before', async () => {
    const file = join(dataDir, 'qms.sqlite');
    copyFileSync(releaseFixture, file);
    const before = readOnly(releaseFixture);
    const expected = contentsOf(before);
    const oldVersion = Number(before.pragma('user_version', { simple: true }));
    before.close();
    expect(expected.counts).toMatchObject({ paper_ballots: 2 });
    expect(expected.counts.tickets).toBeGreaterThan(50);
    expect(expected.counts.ratings).toBeGreaterThan(20);

    // The release's last day, after its last ticket: a later day would close its open tickets (as the release did too).
    const server = await startTestServer({ dataDir, now: testClock(Date.parse('2026-03-04T10:30:00Z')).now });
    try {
      const manager = client(server.url, await login(server.url, 'quanly'));
      const summaries = JSON.parse(readFileSync(releaseSummaries, 'utf8')) as Record<string, unknown>;
      // Every figure the release gave is unchanged; figures added since (additive, e.g. the booking ones) may be there too.
      for (const q of summaryQueries) expect((await manager.get(`/api/stats/summary?${q}`)).body, q).toMatchObject(summaries[q] as object);
      // Every row is kept; the only new events are the import of the release's setup into the database (its change log).
      const after = contentsOf(server.db);
      const added = server.db.prepare<[number], string>(`SELECT type FROM events WHERE id > ? ORDER BY id`).pluck().all(Number(expected.counts.events));
      expect(added.length).toBeGreaterThan(0);
      expect(added.every((t) => t.startsWith('setup.'))).toBe(true);
      expect({ ...after, counts: { ...after.counts, events: expected.counts.events } }).toEqual(expected);
      const newest = Number(server.db.pragma('user_version', { simple: true }));
      // A copy is taken before any migration touches the file (none when the fixture is already at the newest schema).
      const copies = readdirSync(join(dataDir, 'backups')).filter((f) => f.startsWith('pre-migration-'));
      expect(copies).toHaveLength(newest > oldVersion ? 1 : 0);
    } finally {
      await server.close();
    }
  });

  it('refuses a database from a newer release with a plain message, and leaves it untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qms-newer-'));
    try {
      const file = join(dir, 'qms.sqlite');
      copyFileSync(releaseFixture, file);
      const db = new Database(file);
      db.pragma('user_version = 999');
      db.close();
      await expect(startTestServer({ dataDir: dir })).rejects.toThrow(/phiên bản mới hơn.*newer release/s);
      const after = readOnly(file);
      expect(after.pragma('user_version', { simple: true })).toBe(999);
      after.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
