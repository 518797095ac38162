import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { hubSummary, rebuildRollups, startHub, type RunningHub } from '@qms/hub';
import { sketchErrorMs } from '@qms/protocol/figures';
import { startTestPostgres, type TestPostgres } from '@qms/hub/testing';
import { startServer } from '@qms/server';
import { client, demoConfig, kioskToken, login, testClock } from './support/server';
import { simulateMonth } from './support/stats-month';

// The city hub end to end: a real PostgreSQL, the hub, two real center servers pushing their event logs.

const adminPassword = 'thành phố 2026';
const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  // Every step runs even when one fails, so the cluster is always stopped and its folder removed.
  for (const f of cleanup.reverse()) await Promise.resolve().then(f).catch(() => undefined);
});

type Clock = ReturnType<typeof testClock>;
async function startCenter(dataDir: string, clock: Clock, hub: { url: string; key: string }, name: string) {
  const server = await startServer({
    config: demoConfig({ center: { name, hotline: '' } } as never),
    dataDir,
    port: 0,
    host: '127.0.0.1',
    now: clock.now,
    hub: { ...hub, maxBackoffMs: 500 },
  });
  return Object.assign(server, { dataDir });
}
type Center = Awaited<ReturnType<typeof startCenter>>;

const eventCount = (c: Center) => c.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM events').get()!.n;
/** Waits (generously) until the center's whole log is acknowledged by the hub. */
const pushed = (c: Center) => expect.poll(() => { const s = c.hubSync!.state(); return s.pushedThrough === s.lastEventId && s.lastEventId > 0; }, { timeout: 120_000, interval: 100 }).toBe(true);

const countFields = ['issued', 'served', 'noShow', 'cancelled', 'transferred', 'ratingsWithDossier', 'ratingsSkipped'] as const;
const levels = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied', 'total'] as const;
/** The figures of a report line, without its key and label. */
/** A line's figures; bookings are the center's own (the hub gets tickets, not bookings). */
const figuresOf = (f: any) => {
  const { key: _k, label: _l, bookings: _b, ...rest } = f;
  return rest;
};
const ballot = (serviceId: string, from: string, to: string, n: number) => ({ serviceId, from, to, very_satisfied: n, satisfied: 2, neutral: 1, dissatisfied: 1, very_dissatisfied: 0 });

describe('city hub with two centers', () => {
  let pgc: TestPostgres;
  let hub: RunningHub;

  it('stores every event once through a hub outage, adds up to the centers’ own reports, and flags a center restored from an old backup', { timeout: 600_000 }, async () => {
    pgc = await startTestPostgres();
    cleanup.push(() => pgc.stop());
    const databaseUrl = await pgc.createDatabase();
    hub = await startHub({ databaseUrl, port: 0, host: '127.0.0.1', adminPassword });
    cleanup.push(() => hub.close());
    const hubPort = hub.port;
    const city = client(hub.url, (await client(hub.url).post('/api/auth/login', { username: 'admin', password: adminPassword })).body.token);
    const regA = (await city.post('/api/hub/centers', { code: 'P-LECHAN', name: 'Phường Lê Chân' })).body;
    const regB = (await city.post('/api/hub/centers', { code: 'X-ANLAO', name: 'Xã An Lão' })).body;

    const dirA = mkdtempSync(join(tmpdir(), 'qms-hubA-'));
    const dirB = mkdtempSync(join(tmpdir(), 'qms-hubB-'));
    cleanup.push(() => rmSync(dirA, { recursive: true, force: true }), () => rmSync(dirB, { recursive: true, force: true }));
    const clockA = testClock();
    const clockB = testClock();
    const a = await startCenter(dirA, clockA, { url: hub.url, key: regA.key }, 'Phường Lê Chân');
    let b = await startCenter(dirB, clockB, { url: hub.url, key: regB.key }, 'Xã An Lão');
    cleanup.push(() => a.close(), () => b.close());

    // 1. Tickets, calls, transfers, no-shows and ratings on both centers while the hub is up.
    await simulateMonth(a as never, clockA, ['2026-03-16', '2026-03-17'], 11);
    await simulateMonth(b as never, clockB, ['2026-03-16'], 12);
    // Paper survey counts entered by the managers: inside the range, straddling it (left out), and one voided later.
    const managerA = client(a.url, await login(a.url, 'quanly'));
    for (const body of [ballot('ho-tich', '2026-03-16', '2026-03-17', 7), ballot('dat-dai', '2026-03-16', '2026-03-18', 3), ballot('ho-tich', '2026-03-10', '2026-03-17', 5)]) {
      expect((await managerA.post('/api/stats/paper-ballots', body)).status).toBe(201);
    }
    const mistaken = (await managerA.post('/api/stats/paper-ballots', ballot('chung-thuc', '2026-03-17', '2026-03-17', 9))).body;
    await pushed(a);
    await pushed(b);

    // The heartbeat's live floor: counters open, waiting per field, longest wait.
    const live = (await city.get('/api/hub/centers')).body;
    expect(live.map((c: any) => [c.code, c.online])).toEqual([['P-LECHAN', true], ['X-ANLAO', true]]);
    expect(live[0].live).toMatchObject({ countersOpen: expect.any(Number), waitingTotal: expect.any(Number), waiting: expect.any(Array), eventsBehind: expect.any(Number) });
    expect(live[0].lastContactAt).toEqual(expect.any(String));

    // A backup of center B, to restore later (what an operator would put back after a disk failure).
    const backup = join(dirB, 'old-copy.sqlite');
    await b.db.backup(backup);
    const eventsInBackup = eventCount(b);

    // 2. The hub goes down; both floors go on issuing, calling and rating, unaffected.
    await hub.close();
    await simulateMonth(a as never, clockA, ['2026-03-18'], 13);
    await simulateMonth(b as never, clockB, ['2026-03-17', '2026-03-18'], 14);
    // A day later on A's clock: its manager signs in again.
    expect((await client(a.url, await login(a.url, 'quanly')).post(`/api/stats/paper-ballots/${mistaken.id}/void`)).status).toBe(200);
    expect((await client(b.url, await login(b.url, 'quanly')).post('/api/stats/paper-ballots', ballot('ho-tich', '2026-03-17', '2026-03-17', 4))).status).toBe(201);
    const issued = await client(a.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
    expect(issued.status).toBe(201);
    await expect.poll(() => a.hubSync!.state().failures, { timeout: 60_000 }).toBeGreaterThan(0);
    expect(a.hubSync!.state().pushedThrough).toBeLessThan(eventCount(a));

    // 3. The hub comes back on the same address: both centers catch up by themselves.
    hub = await startHub({ databaseUrl, port: hubPort, host: '127.0.0.1' });
    await pushed(a);
    await pushed(b);

    // 4. Every event stored once: as many rows as the center has, ids 1…n without a gap.
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    cleanup.push(() => db.end());
    const stored = async (centerId: number) =>
      (await db.query<{ n: number; ids: number; lo: number; hi: number }>('SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS ids, min(event_id)::int AS lo, max(event_id)::int AS hi FROM events WHERE center_id = $1', [centerId])).rows[0]!;
    for (const [c, reg] of [[a, regA], [b, regB]] as const) {
      expect(await stored(reg.id)).toEqual({ n: eventCount(c), ids: eventCount(c), lo: 1, hi: eventCount(c) });
    }

    // The hub's figures equal the centers' own reports.
    const from = '2026-03-16';
    const to = '2026-03-18';
    const own = async (c: Center) => (await client(c.url, await login(c.url, 'quanly')).get(`/api/stats/summary?from=${from}&to=${to}&groupBy=service`)).body;
    const [ra, rb] = [await own(a), await own(b)];
    const byCenter = (await city.get(`/api/hub/stats/summary?from=${from}&to=${to}&groupBy=center`)).body;
    expect(byCenter.groups.map((g: any) => [g.key, g.label])).toEqual([['P-LECHAN', 'Phường Lê Chân'], ['X-ANLAO', 'Xã An Lão']]);
    // Each center's line on the hub is that center's own report, figure for figure (means and medians included).
    expect(figuresOf(byCenter.groups[0])).toEqual(figuresOf(ra.totals));
    expect(figuresOf(byCenter.groups[1])).toEqual(figuresOf(rb.totals));
    // The city totals: counts are the sums; the mean is the centers' means weighted by their counts; max the larger.
    const t = byCenter.totals;
    for (const k of countFields) expect(t[k], k).toBe(ra.totals[k] + rb.totals[k]);
    for (const k of levels) expect(t.ratings[k], k).toBe(ra.totals.ratings[k] + rb.totals.ratings[k]);
    for (const k of levels) expect(t.paperBallots[k], k).toBe(ra.totals.paperBallots[k] + rb.totals.paperBallots[k]);
    expect(t.paperBallots.total).toBe(7 + 2 + 1 + 1 + 3 + 2 + 1 + 1 + 4 + 2 + 1 + 1);
    expect(t.combined.total).toBe(ra.totals.combined.total + rb.totals.combined.total);
    expect(t.issued).toBeGreaterThan(100);
    expect(t.ratings.total).toBeGreaterThan(10);
    const called = (r: any) => r.waitBuckets.reduce((s: number, x: any) => s + x.count, 0);
    const weighted = (ra.totals.waitSeconds.mean * called(ra.totals) + rb.totals.waitSeconds.mean * called(rb.totals)) / (called(ra.totals) + called(rb.totals));
    expect(Math.abs(t.waitSeconds.mean - weighted)).toBeLessThanOrEqual(0.1);
    expect(t.waitSeconds.max).toBe(Math.max(ra.totals.waitSeconds.max, rb.totals.waitSeconds.max));
    // The same range read from the rollups alone (as a range above 20,000 tickets is): every count, rate, mean and max
    // the same; medians and p90 within the sketch's bound of the exact ones.
    const viaRollups = await hubSummary(hub.pool, { from, to, groupBy: 'center' }, 0);
    const lines = [[viaRollups.totals, byCenter.totals], ...viaRollups.groups!.map((g, i) => [g, byCenter.groups[i]])] as [any, any][];
    for (const [r, x] of lines) {
      for (const k of ['waitSeconds', 'serviceSeconds', 'walkInWaitSeconds'] as const) {
        expect(r[k].mean, k).toBe(x[k].mean);
        expect(r[k].max, k).toBe(x[k].max);
        for (const q of ['median', 'p90'] as const) expect(Math.abs(r[k][q] - x[k][q]) * 1000, `${k} ${q}`).toBeLessThanOrEqual(sketchErrorMs(x[k][q] * 1000) + 100);
      }
      const noDurations = { waitSeconds: 0, serviceSeconds: 0, walkInWaitSeconds: 0, bookedWaitSeconds: 0, punctualitySeconds: 0 };
      expect({ ...r, ...noDurations }).toEqual({ ...x, ...noDurations });
    }
    // Per field across the city: each field's counts are the sums of that field at both centers.
    const byService = (await city.get(`/api/hub/stats/summary?from=${from}&to=${to}&groupBy=service`)).body;
    for (const g of byService.groups) {
      const ga = ra.groups.find((x: any) => x.key === g.key);
      const gb = rb.groups.find((x: any) => x.key === g.key);
      for (const k of countFields) expect(g[k], `${g.key} ${k}`).toBe((ga?.[k] ?? 0) + (gb?.[k] ?? 0));
      expect(g.ratings.total).toBe((ga?.ratings.total ?? 0) + (gb?.ratings.total ?? 0));
      expect(g.combined.total).toBe((ga?.combined.total ?? 0) + (gb?.combined.total ?? 0));
      expect(g.satisfactionTarget).toBe(ga?.satisfactionTarget ?? gb?.satisfactionTarget);
      expect(g.label).toBe(ga?.label ?? gb?.label);
    }
    expect(byService.groups.reduce((s: number, g: any) => s + g.issued, 0)).toBe(t.issued);

    // The rollups per center × field × day add up to each center's own counts, and equal a rebuild from the facts.
    const rollups = async () =>
      (await db.query(`SELECT center_id, sum(issued)::int AS issued, sum(served)::int AS served, sum(no_show)::int AS "noShow", sum(cancelled)::int AS cancelled,
        sum(transferred)::int AS transferred, sum(very_satisfied + satisfied + neutral + dissatisfied + very_dissatisfied)::int AS ratings,
        round((sum(wait_seconds_sum) / sum(called))::numeric, 1)::float AS "meanWait", round(max(wait_seconds_max)::numeric, 1)::float AS "maxWait"
        FROM rollups_daily WHERE day BETWEEN $1 AND $2 GROUP BY center_id ORDER BY center_id`, [from, to])).rows;
    const maintained = await rollups();
    expect(maintained).toEqual(
      [[regA, ra], [regB, rb]].map(([reg, r]) => ({
        center_id: reg.id, issued: r.totals.issued, served: r.totals.served, noShow: r.totals.noShow, cancelled: r.totals.cancelled,
        transferred: r.totals.transferred, ratings: r.totals.ratings.total, meanWait: r.totals.waitSeconds.mean, maxWait: r.totals.waitSeconds.max,
      })),
    );
    const everyRow = async () => (await db.query('SELECT * FROM rollups_daily ORDER BY day, center_id, service_id')).rows;
    const rowsBefore = await everyRow();
    await db.query('BEGIN');
    await rebuildRollups(db as never);
    const rebuilt = await everyRow();
    await db.query('ROLLBACK');
    expect(rebuilt).toEqual(rowsBefore);

    // 5. Center B is restored from the old backup and goes on: the hub keeps what it had, adds the new history, and flags B.
    const before = await stored(regB.id);
    const issuedBefore = byCenter.groups[1].issued;
    await b.close();
    copyFileSync(backup, join(dirB, 'qms.sqlite'));
    rmSync(join(dirB, 'qms.sqlite-wal'), { force: true });
    rmSync(join(dirB, 'qms.sqlite-shm'), { force: true });
    b = await startCenter(dirB, clockB, { url: hub.url, key: regB.key }, 'Xã An Lão');
    // The backup's log, plus what the server itself logs on starting the restored day (e.g. yesterday's tickets closed).
    expect(eventCount(b)).toBeGreaterThanOrEqual(eventsInBackup);
    clockB.set(Date.parse('2026-03-19T02:00:00Z'));
    const kiosk = client(b.url, kioskToken);
    for (let i = 0; i < 5; i++) expect((await kiosk.post('/api/tickets', { serviceId: 'ho-tich' })).status).toBe(201);
    await pushed(b);
    const centers = (await city.get('/api/hub/centers')).body;
    const flagged = centers.find((c: any) => c.code === 'X-ANLAO');
    expect(flagged.divergence).toMatchObject({ fromEventId: eventsInBackup + 1 });
    expect(flagged.divergence.events).toBeGreaterThan(0);
    expect(centers.find((c: any) => c.code === 'P-LECHAN').divergence).toBeNull();
    const after = await stored(regB.id);
    // Nothing already stored is lost: the old history stays, the restored center's new events are added beside it.
    expect(after.n).toBe(before.n + (eventCount(b) - eventsInBackup));
    expect(after.hi).toBe(before.hi);
    const later = (await city.get(`/api/hub/stats/summary?from=${from}&to=2026-03-19&groupBy=center`)).body;
    expect(later.groups[1].issued).toBe(issuedBefore + 5);
    expect(later.groups[0]).toEqual(byCenter.groups[0]);
  });
});
