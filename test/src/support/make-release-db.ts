// Builds test/fixtures/release-0.1.0.sqlite: a populated database as today's release writes it (tickets through the
// real floor, calls, tablet and phone ratings, paper ballots), for the upgrade test (upgrade.test.ts).
// Run once per release whose schema is to be kept under test: `npx tsx test/src/support/make-release-db.ts`.
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { client, login, startTestServer, testClock } from './server';
import { releaseFixture, releaseSummaries, summaryQueries } from './release-db';
import { simulateMonth } from './stats-month';

const out = releaseFixture;
const dataDir = mkdtempSync(join(tmpdir(), 'qms-fixture-'));
const clock = testClock(Date.parse('2026-03-01T00:00:00Z'));
const server = await startTestServer({ dataDir, now: clock.now });
await simulateMonth(server, clock, ['2026-03-02', '2026-03-03', '2026-03-04'], 11);
const manager = client(server.url, await login(server.url, 'quanly'));
for (const [serviceId, counts] of [
  ['ho-tich', [12, 5, 1, 0, 0]],
  ['dat-dai', [7, 6, 2, 1, 1]],
] as const) {
  const [very_satisfied, satisfied, neutral, dissatisfied, very_dissatisfied] = counts;
  const res = await manager.post('/api/stats/paper-ballots', { serviceId, from: '2026-03-02', to: '2026-03-04', very_satisfied, satisfied, neutral, dissatisfied, very_dissatisfied, note: 'Hòm phiếu tầng 1' });
  if (res.status !== 201) throw new Error(`paper ballots: ${JSON.stringify(res.body)}`);
}
// The figures today's release computes from it, to compare after the upgrade.
const summaries = Object.fromEntries(
  await Promise.all(summaryQueries.map(async (q) => [q, (await manager.get(`/api/stats/summary?${q}`)).body] as const)),
);
writeFileSync(releaseSummaries, `${JSON.stringify(summaries, null, 1)}\n`);
await server.close();

const db = new Database(join(dataDir, 'qms.sqlite'));
db.pragma('wal_checkpoint(TRUNCATE)');
db.pragma('journal_mode = DELETE');
db.exec('VACUUM');
db.close();
copyFileSync(join(dataDir, 'qms.sqlite'), out);
rmSync(dataDir, { recursive: true, force: true });
console.log(`${out}: ${Math.round(statSync(out).size / 1024)} KB`);
