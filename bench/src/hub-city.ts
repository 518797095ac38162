import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createPool, inTransaction, rewriteRollups, upsertFacts, type HubTicketFact } from '@qms/hub';
import { startTestPostgres } from '@qms/hub/testing';
import type { HubEvent } from '@qms/protocol/hub';
import { hubCatchUp } from './hub-catchup';

// The city hub at a city's scale (issue 13): 115 centers × one year × 300 tickets a day. The first `pushDays` days of
// every center go through the real push path (HTTP POST /api/hub/events, batches of 1,000, the hub in its own process);
// the rest of the year is written by the same code in bulk (upsertFacts + rewriteRollups, a center-month per
// transaction), without raw events. City reports then read the rollups of the whole year over HTTP.
// `npx tsx bench/src/hub-city.ts [pushDays] [centers]`; part of `npm run bench`.

const root = fileURLToPath(new URL('../../', import.meta.url));
const perDay = 300;
const year = 2026;
const services = ['ho-tich', 'chung-thuc', 'dat-dai', 'xay-dung', 'bao-tro-xa-hoi', 'nguoi-co-cong', 'bhxh'];
const levels = ['very_satisfied', 'satisfied', 'satisfied', 'very_satisfied', 'neutral', 'satisfied', 'dissatisfied', 'very_satisfied'] as const;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const dayOf = (d: number) => new Date(Date.UTC(year, 0, 1 + d)).toISOString().slice(0, 10);
const daysInYear = 365;

/** A deterministic pseudo-random number in [0, 1) from integers. */
const rand = (...xs: number[]) => {
  let h = 2166136261;
  for (const x of xs) h = Math.imul(h ^ x, 16777619) ^ (h >>> 13);
  return ((h >>> 0) % 1_000_003) / 1_000_003;
};

/** One center's tickets of one day: waits with a long tail, 4 % no-shows, 1 % cancelled, half of the served rated. */
function ticketsOf(center: number, d: number): HubTicketFact[] {
  const day = dayOf(d);
  const open = Date.parse(`${day}T01:00:00Z`);
  return Array.from({ length: perDay }, (_, i) => {
    const r = rand(center, d, i);
    const issuedAt = open + i * 90_000 + Math.floor(rand(i, d) * 60_000);
    const wait = Math.round(-Math.log(1 - rand(d, i, center, 7)) * 540_000);
    const status = r < 0.04 ? 'no_show' : r < 0.05 ? 'cancelled' : 'done';
    const firstCalledAt = status === 'cancelled' ? null : issuedAt + wait;
    const startedAt = status === 'done' ? firstCalledAt! + 15_000 : null;
    const finishedAt = status === 'done' ? startedAt! + 120_000 + Math.round(rand(i, center) * 900_000) : status === 'no_show' ? firstCalledAt! + 60_000 : issuedAt + 30_000;
    const rated = status === 'done' && r > 0.5;
    return {
      ticketId: `c${center}-${day}-${i}`,
      serviceId: services[(i + center) % services.length]!,
      serviceDay: day,
      status,
      channel: r % 0.1 < 0.01 ? 'desk' : 'kiosk',
      issuedAt,
      firstCalledAt,
      startedAt,
      finishedAt,
      transferred: false,
      ratingSkipped: status === 'done' && !rated && r > 0.45,
      rating: rated ? levels[i % levels.length]! : null,
      ratingChannel: rated ? 'device' : null,
      ratingDossier: rated,
    };
  });
}

/** The events a center logs for those tickets (issue, call, start, finish or no-show/cancel, rating), ids from `firstId`. */
function eventsOf(tickets: HubTicketFact[], firstId: number): HubEvent[] {
  const es: Omit<HubEvent, 'id'>[] = [];
  const e = (type: string, t: HubTicketFact, at: number, payload: Record<string, unknown>, extra: Partial<HubEvent> = {}) =>
    es.push({ type, ticketId: t.ticketId, counterId: type === 'ticket.issued' ? null : 1, staffId: null, payload, at, ...extra });
  for (const t of tickets) {
    e('ticket.issued', t, t.issuedAt, { serviceId: t.serviceId, number: '1', priority: null, channel: t.channel }, { serviceDay: t.serviceDay });
    if (t.firstCalledAt !== null) e('ticket.called', t, t.firstCalledAt, { from: 'waiting' });
    if (t.status === 'done') {
      e('ticket.started', t, t.startedAt!, { from: 'called' });
      e('ticket.finished', t, t.finishedAt!, { from: 'serving', dossierCode: t.ratingDossier ? 'H1' : null });
      if (t.rating) e('rating.received', t, t.finishedAt! + 20_000, { level: t.rating, channel: 'device', reasons: [] });
      else if (t.ratingSkipped) e('rating.skipped', t, t.finishedAt! + 20_000, {});
    } else e(t.status === 'no_show' ? 'ticket.no_show' : 'ticket.cancelled', t, t.finishedAt!, { from: 'called' });
  }
  // A center's log is in time order; its ids follow.
  return es.sort((a, b) => a.at - b.at).map((x, i) => ({ ...x, id: firstId + i }));
}

const rssMb = (pid: number) => {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return m ? Math.round(Number(m[1]) / 1024) : 0;
};

/** Runs `n` workers over `items`. */
async function pool<T>(items: T[], n: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

export async function hubCityBench(opts: { pushDays?: number; centers?: number; runs?: number } = {}) {
  const pushDays = opts.pushDays ?? 7;
  const centerCount = opts.centers ?? 115;
  const runs = opts.runs ?? 5;
  const pg = await startTestPostgres();
  const databaseUrl = await pg.createDatabase('city');
  const hubPort = await freePort();
  if (spawnSync(process.execPath, ['hub/build.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0) throw new Error('hub build failed');
  const hub = spawn(process.execPath, ['hub/dist/main.mjs'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, HUB_PORT: String(hubPort), HUB_ADMIN_PASSWORD: 'bench-admin-1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const hubUrl = `http://127.0.0.1:${hubPort}`;
  const db = createPool(databaseUrl);
  try {
    for (let i = 0; i < 300 && !(await fetch(`${hubUrl}/api/health`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
    const call = async (path: string, body?: unknown, token?: string) => {
      const r = await fetch(hubUrl + path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
      return r.json() as Promise<any>;
    };
    const { token } = await call('/api/auth/login', { username: 'admin', password: 'bench-admin-1' });
    const centers: { n: number; id: number; key: string }[] = [];
    for (let n = 1; n <= centerCount; n++) centers.push({ n, ...(await call('/api/hub/centers', { code: `TT-${String(n).padStart(3, '0')}`, name: `Trung tâm ${n}` }, token)) });

    // 1. The real push path, two centers pushing at a time (2 cores), the hub's memory sampled.
    const rss: number[] = [];
    const sampler = setInterval(() => rss.push(rssMb(hub.pid!)), 250);
    const idleRss = rssMb(hub.pid!);
    const loadAtStart = Math.round(loadavg()[0]! * 10) / 10;
    let pushed = 0;
    const t0 = performance.now();
    await pool(centers, 2, async (c) => {
      const events = eventsOf(Array.from({ length: pushDays }, (_, d) => ticketsOf(c.n, d)).flat(), 1);
      for (let i = 0; i < events.length; i += 1000) {
        const reply = await call('/api/hub/events', { events: events.slice(i, i + 1000) }, c.key);
        pushed += reply.stored;
      }
    });
    const pushSeconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const load = { centers: centerCount, days: pushDays, tickets: centerCount * pushDays * perDay, events: pushed, seconds: Math.round(pushSeconds), eventsPerSecond: Math.round(pushed / pushSeconds), hubRssMb: { idle: idleRss, median: median(rss), max: Math.max(...rss) }, loadAverage: loadAtStart };
    console.log('hub push:', load);

    // 2. The rest of the year in bulk through the same fact and rollup code, a center-month per transaction.
    const months = Array.from({ length: 12 }, (_, m) => m);
    const jobs = centers.flatMap((c) => months.map((m) => ({ c, m })));
    const t1 = performance.now();
    let bulkTickets = 0;
    await pool(jobs, 2, async ({ c, m }) => {
      const days = Array.from({ length: daysInYear }, (_, d) => d).filter((d) => d >= pushDays && new Date(Date.UTC(year, 0, 1 + d)).getUTCMonth() === m);
      if (days.length === 0) return;
      const facts = days.flatMap((d) => ticketsOf(c.n, d));
      await inTransaction(db, async (tx) => {
        await upsertFacts(tx, c.id, facts);
        await rewriteRollups(tx, c.id, days.map(dayOf));
      });
      bulkTickets += facts.length;
    });
    const bulkSeconds = (performance.now() - t1) / 1000;
    const bulk = { tickets: bulkTickets, seconds: Math.round(bulkSeconds), ticketsPerSecond: Math.round(bulkTickets / bulkSeconds) };
    console.log('hub bulk:', bulk);
    const sizes = (await db.query(
      `SELECT (SELECT count(*) FROM ticket_facts)::bigint AS facts, (SELECT count(*) FROM events)::bigint AS events,
         (SELECT count(*) FROM rollups_daily)::bigint AS "dayRows", (SELECT count(*) FROM rollups_monthly)::bigint AS "monthRows",
         pg_database_size(current_database()) / 1048576 AS "databaseMb"`,
    )).rows[0] as { facts: number; events: number; dayRows: number; monthRows: number; databaseMb: number };
    console.log('hub store:', sizes);

    // 3. City reports over HTTP (all centers, grouped by center), each the median of `runs`.
    const report = async (from: string, to: string, groupBy = 'center') => {
      const times: number[] = [];
      let issued = 0;
      for (let i = 0; i < runs; i++) {
        const s = performance.now();
        issued = (await call(`/api/hub/stats/summary?from=${from}&to=${to}&groupBy=${groupBy}`, undefined, token)).totals.issued;
        times.push(performance.now() - s);
      }
      return { from, to, groupBy, issued, ms: Math.round(median(times)), runs: times.map(Math.round) };
    };
    const reports = {
      month: await report(`${year}-06-01`, `${year}-06-30`),
      days30: await report(`${year}-06-10`, `${year}-07-09`),
      year: await report(`${year}-01-01`, `${year}-12-31`),
      yearByService: await report(`${year}-01-01`, `${year}-12-31`, 'service'),
    };
    console.log('hub reports:', reports);

    // 4. One more center, 30 days offline, catching up with this loaded hub while its floor's health is sampled.
    const catchUp = await hubCatchUp({ url: hubUrl, token });
    console.log('hub catch-up:', catchUp);
    return { load, bulk, sizes, reports, catchUp };
  } finally {
    await db.end();
    hub.kill('SIGTERM');
    pg.stop();
  }
}

type CityResult = Awaited<ReturnType<typeof hubCityBench>>;
const n = (x: number) => x.toLocaleString('en-US');

/** The `hub-city` section of docs/benchmarks.md. */
export function hubCitySection(r: CityResult, machine: string) {
  const { load, bulk, sizes, reports, catchUp } = r;
  const row = (what: string, x: CityResult['reports']['month'], target: string) =>
    `| ${what} (\`${x.from}\` … \`${x.to}\`, groupBy=${x.groupBy}, ${n(x.issued)} tickets) | **${x.ms} ms** (runs: ${x.runs.join(', ')} ms) | ${target} |`;
  return `<!-- hub-city:begin -->
## City hub: 115 centers × one year (issue 13) — measured ${new Date().toISOString().slice(0, 10)}

Machine: ${machine}, shared with other engineers' builds and tests while it ran (1-minute load average
${load.loadAverage} on its 2 cores when the load began). Command: \`npm run bench\` (or
\`npx tsx bench/src/hub-city.ts ${load.days} ${load.centers}\`). PostgreSQL from the OS packages in a throwaway cluster
(fsync off, 32 MB shared buffers); the hub in its own process (\`hub/dist/main.mjs\`, as \`npm run hub\` runs it).

**What was loaded, and how.** ${load.centers} centers × ${daysInYearText} days × ${perDay} tickets a day = ${n(load.tickets + bulk.tickets)} tickets.
- Days 1–${load.days} of every center (${n(load.tickets)} tickets, ${n(load.events)} events: issue, call, start, finish or
  no-show/cancel, rating or skip) went through **the real push path**: \`POST /api/hub/events\` over HTTP, batches of
  1,000, two centers pushing at a time.
- The other ${n(bulk.tickets)} tickets were written **in bulk by the same code** the push path ends in (\`upsertFacts\` then
  \`rewriteRollups\`, one center-month per transaction, two at a time): ticket facts and rollups, **without raw events**.
  A city report reads only the rollups (a test answers one with the facts and events tables renamed away), so its
  time does not depend on them. Loading all ≈ 57 M raw events through HTTP at the rate below would take about
  ${Math.round(((load.tickets + bulk.tickets) * (load.events / load.tickets)) / load.eventsPerSecond / 3600 * 10) / 10} h: not done.
- Store after loading: ${n(sizes.facts)} ticket facts, ${n(sizes.events)} raw events, ${n(sizes.dayRows)} day rollup rows,
  ${n(sizes.monthRows)} month rollup rows; database ${n(sizes.databaseMb)} MB.

| Figure | Result | Target |
|---|---|---|
| Load through the push path (one run) | **${n(load.eventsPerSecond)} events/s** (${n(load.events)} events in ${load.seconds} s) | |
| Hub memory (RSS) while loading, sampled every 250 ms | median **${load.hubRssMb.median} MB**, max ${load.hubRssMb.max} MB (idle before: ${load.hubRssMb.idle} MB) | |
| Bulk load, same fact and rollup code (one run) | ${n(bulk.ticketsPerSecond)} tickets/s (${n(bulk.tickets)} tickets in ${bulk.seconds} s) | |
${row('City month report, a calendar month (month rollup rows)', reports.month, '≤ 1 s')}
${row('City report over 30 days across two months (day rollup rows)', reports.days30, '≤ 1 s')}
${row('City year report', reports.year, '≤ 3 s')}
${row('City year report per field', reports.yearByService, '≤ 3 s')}
| Catch-up of one more center after ${catchUp.days} days offline (${n(catchUp.events)} events), into this loaded hub | **${catchUp.catchUpSeconds} s**, ${n(catchUp.eventsPerSecond)} events/s | |
| That center's floor \`GET /api/health\` while it catches up (${catchUp.healthDuring.samples} samples) | p50 **${catchUp.healthDuring.p50} ms**, p95 ${catchUp.healthDuring.p95} ms, max ${catchUp.healthDuring.max} ms | |
| … and after (${catchUp.healthAfter.samples} samples) | p50 ${catchUp.healthAfter.p50} ms, p95 ${catchUp.healthAfter.p95} ms, max ${catchUp.healthAfter.max} ms | |

Report times are over HTTP with a city account, the median of ${reports.year.runs.length} runs each (the first run of each
includes PostgreSQL reading the rows from disk into its cache). The loads and the catch-up ran once each (the whole
bench takes about 20 minutes here); a center's line on these reports is its own report's figures, medians from the
merged sketches (above 20,000 tickets: docs/hub.md).
<!-- hub-city:end -->`;
}
const daysInYearText = String(daysInYear);

if (import.meta.url === `file://${process.argv[1]}`) {
  process.env.LOG_LEVEL ??= 'warn';
  const { machine, writeSection } = await import('./doc');
  const r = await hubCityBench({ pushDays: Number(process.argv[2] ?? 7), centers: Number(process.argv[3] ?? 115) });
  console.log(JSON.stringify(r, null, 2));
  if (process.argv[4] !== 'no-doc') writeSection(hubCitySection(r, machine));
}
