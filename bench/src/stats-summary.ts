import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOfLocalDay, type StatsGroupBy } from '@qms/protocol';
import { CenterConfig, demoConfigPath, loadConfig, openDb, rebuildRollups, startServer } from '@qms/server';
import { healthDuringYear } from './stats-health';
import { median } from './stats';

const tz = 'Asia/Ho_Chi_Minh';
const levels = ['very_satisfied', 'very_satisfied', 'very_satisfied', 'satisfied', 'satisfied', 'neutral', 'dissatisfied'];

/** Working days (Mon–Fri) from `from`, `count` of them. */
function workingDays(from: string, count: number): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); out.length < count; d.setUTCDate(d.getUTCDate() + 1)) if (d.getUTCDay() % 6 !== 0) out.push(d.toISOString().slice(0, 10));
  return out;
}

/** Fills a fresh database with `tickets` tickets over five years, with ratings and events, in one transaction. */
export function fill(dbPath: string, tickets: number, only?: { year: string }) {
  const db = openDb(dbPath);
  const services = db.prepare<[], { id: string; prefix: string }>(`SELECT id, prefix FROM services`).all();
  const staff = db.prepare<[], { id: number; counter_id: number }>(`SELECT id, counter_id FROM users WHERE counter_id IS NOT NULL`).all();
  const days = workingDays('2021-11-01', 5 * 261);
  const perDay = Math.ceil(tickets / days.length);
  const insTicket = db.prepare(
    `INSERT INTO tickets (id, service_day, service_id, seq, number, channel, status, counter_id, staff_id, queued_at, issued_at, first_called_at, called_at, started_at, finished_at, call_count, dossier_code)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insEvent = db.prepare(`INSERT INTO events (type, ticket_id, counter_id, staff_id, payload, at) VALUES (?, ?, ?, ?, '{}', ?)`);
  const insRating = db.prepare(`INSERT INTO ratings (ticket_id, level, counter_id, staff_id, service_id, dossier_code, channel, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  let seed = 1;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  let made = 0;
  // One transaction a day: a 12 M-ticket history in one would leave a WAL of many gigabytes.
  const oneDay = db.transaction((day: string) => {
    {
      const start = startOfLocalDay(day, tz) + 7.5 * 3600_000;
      const seqs = new Map<string, number>();
      for (let i = 0; i < perDay && made < tickets; i++, made++) {
        const svc = services[Math.floor(rnd() * services.length)]!;
        const seq = (seqs.get(svc.id) ?? 0) + 1;
        seqs.set(svc.id, seq);
        const who = staff[Math.floor(rnd() * staff.length)]!;
        const issued = start + Math.floor(rnd() * 9 * 3600_000);
        const called = issued + Math.floor(rnd() * 1800_000);
        const started = called + 30_000;
        const finished = started + Math.floor(120_000 + rnd() * 900_000);
        const roll = rnd();
        const status = roll < 0.06 ? 'no_show' : roll < 0.08 ? 'cancelled' : 'done';
        const id = `${day}-${svc.id}-${seq}`;
        const dossier = rnd() < 0.4 ? `H${made}` : null;
        insTicket.run(id, day, svc.id, seq, `${svc.prefix}${String(seq).padStart(3, '0')}`, rnd() < 0.85 ? 'kiosk' : 'desk', status, status === 'cancelled' ? null : who.counter_id, status === 'cancelled' ? null : who.id, issued, issued,
          status === 'cancelled' ? null : called, status === 'cancelled' ? null : called, status === 'done' ? started : null, status === 'done' ? finished : null, status === 'cancelled' ? 0 : 1, dossier);
        if (only) continue;
        insEvent.run('ticket.issued', id, null, null, issued);
        if (status !== 'done') continue;
        insEvent.run('ticket.finished', id, who.counter_id, who.id, finished);
        if (rnd() < 0.03) insEvent.run('ticket.transferred', id, who.counter_id, who.id, started);
        if (rnd() < 0.7) insRating.run(id, levels[Math.floor(rnd() * levels.length)], who.counter_id, who.id, svc.id, dossier, 'tablet', finished + 20_000);
        else insEvent.run('rating.skipped', id, who.counter_id, who.id, finished + 60_000);
      }
    }
  });
  // `only`: the days of one year alone, ticket rows alone (a stress case whose whole history would take too long to make).
  for (const day of days) {
    if (only && !day.startsWith(only.year)) made += perDay;
    else if (made < tickets) oneDay(day);
  }
  // The rows went in behind the floor's back: build the report rollups from them, as the first start after migration 015 does.
  const t0 = performance.now();
  rebuildRollups(db, tz);
  const rollupSeconds = (performance.now() - t0) / 1000;
  db.pragma('optimize');
  // A running center's WAL is checkpointed as it goes; one 400k-row transaction leaves a WAL every read would search.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { days: days.length, first: days[0]!, last: days.at(-1)!, rollupSeconds };
}

/** Median time of GET /api/stats/summary (in process, through the real route) for one month and one year. */
export async function statsSummaryBench({ sizes = [400_000, 2_000_000], runs = 9 } = {}) {
  const results = [];
  for (const tickets of sizes) {
    const dataDir = mkdtempSync(join(tmpdir(), 'qms-bench-stats-'));
    try {
      // No simulated devices: only the store and the routes matter here.
      const config = CenterConfig.parse({ ...loadConfig(demoConfigPath), hardware: {} });
      const server = await startServer({ config, dataDir, port: 0, host: '127.0.0.1' });
      let closed = false;
      try {
        const t0 = performance.now();
        const span = fill(join(dataDir, 'qms.sqlite'), tickets);
        const fillSeconds = (performance.now() - t0) / 1000;
        const login = await server.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'quanly', password: '123456' }) });
        const { token } = (await login.json()) as { token: string };
        const time = async (from: string, to: string, groupBy?: StatsGroupBy) => {
          const ms: number[] = [];
          for (let i = 0; i < runs; i++) {
            const s = performance.now();
            const res = await server.app.request(`/api/stats/summary?from=${from}&to=${to}${groupBy ? `&groupBy=${groupBy}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
            if (res.status !== 200) throw new Error(`summary failed: ${res.status}`);
            await res.json();
            ms.push(performance.now() - s);
          }
          return Math.round(median(ms) * 10) / 10;
        };
        // The reports page for a year: the one request it sends now, and the six it used to send at once.
        const get = async (path: string) => {
          const res = await server.app.request(path, { headers: { authorization: `Bearer ${token}` } });
          if (res.status !== 200) throw new Error(`${path} failed: ${res.status}`);
          await res.json();
        };
        const page = async (paths: string[]) => {
          const ms: number[] = [];
          for (let i = 0; i < 3; i++) {
            const s = performance.now();
            await Promise.all(paths.map(get));
            ms.push(performance.now() - s);
          }
          return Math.round(median(ms));
        };
        const q = 'from=2025-01-01&to=2025-12-31';
        const timings = {
          tickets,
          fillSeconds: Math.round(fillSeconds),
          span,
          month: await time('2026-03-01', '2026-03-31'),
          monthByService: await time('2026-03-01', '2026-03-31', 'service'),
          year: await time('2025-01-01', '2025-12-31'),
          yearByDay: await time('2025-01-01', '2025-12-31', 'day'),
          yearPage: await page([`/api/stats/report?${q}`]),
          yearPageBefore: await page([...['service', 'counter', 'staff', 'hour', 'weekday_hour'].map((by) => `/api/stats/summary?${q}&groupBy=${by}`), `/api/stats/report-text?${q}`]),
          runs,
        };
        await server.close();
        closed = true;
        // The same history served by the server in its own process, as `npm start` runs it: is the floor held up?
        const health = [await healthDuringYear(dataDir, true), await healthDuringYear(dataDir, false)];
        results.push({ ...timings, health });
      } finally {
        if (!closed) await server.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return results;
}

export function statsSection(machine: string, results: Awaited<ReturnType<typeof statsSummaryBench>>): string {
  const rows = results
    .map((r) => `| ${r.tickets.toLocaleString('en')} tickets (${r.span.first} … ${r.span.last}) | **${r.month} ms** | ${r.monthByService} ms | ${r.year} ms | ${r.yearByDay} ms | ${r.fillSeconds} s |`)
    .join('\n');
  const healthRows = results
    .flatMap((r) =>
      r.health.map((h) => `| ${r.tickets.toLocaleString('en')} tickets | ${h.mode} | ${h.year} ms | **${h.p50} ms** / ${h.p99} ms / ${h.max} ms (${h.samples}) | ${h.idleP50} ms |`),
    )
    .join('\n');
  return `<!-- stats:begin -->
## Reports: \`GET /api/stats/summary\` (issue 7) — measured ${new Date().toISOString().slice(0, 10)}

Machine: ${machine} (a shared 2-core VM, other work running: read medians). Command: \`npm run bench\` (or \`npx tsx bench/src/stats-run.ts\` for this section alone).
A center with five years of history (${results[0]?.span.days ?? 0} working days) generated straight into SQLite in one transaction
(tickets, ratings for 70 % of those served, \`ticket.issued\`/\`ticket.finished\`/\`ticket.transferred\`/\`rating.skipped\` events),
then the real route called in process (\`app.request\`, no network; the figures computed in the stats worker thread); median of ${results[0]?.runs ?? 0} runs each, JSON parse included.
Target: under 200 ms for one month.

| History | Month (Mar 2026) | Month by field | Year (2025) | Year by day | Data generation |
|---|---|---|---|---|---|
${rows}

The month is read from the covering index \`tickets_report\` (migration 007), so its cost follows the month's tickets, not the history.

The reports page for the year 2025 (median of 3): one \`GET /api/stats/report\` (totals, five groupings and the paragraph in one pass),
against the six requests the page sent at once before (five \`/api/stats/summary\` groupings and \`/api/stats/report-text\`):
${results.map((r) => `${r.tickets.toLocaleString('en')} tickets **${r.yearPage} ms** (six requests: ${r.yearPageBefore} ms)`).join('; ')}.

### Health latency while a year summary runs

The same history served by the server in its own process (\`node --import tsx server/src/main.ts\`, as \`npm start\`); one client
sends \`GET /api/health\` one after another, 10 ms apart, while three year summaries (2025) run one after another; the worker is started before measuring.
"Worker" is the shipped path (figures in the \`worker_threads\` stats worker with its own read-only connection); "in process" is
\`QMS_STATS_WORKER=off\`, the figures computed on the server's event loop as before.

| History | Figures computed | Year summary (median of 3) | \`/api/health\` while it runs: p50 / p99 / max (samples) | \`/api/health\` idle, p50 |
|---|---|---|---|---|
${healthRows}
<!-- stats:end -->`;
}
