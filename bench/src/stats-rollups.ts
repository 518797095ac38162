import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CenterConfig, demoConfigPath, loadConfig, startServer } from '@qms/server';
import { benchServer } from './child';
import { median } from './stats';
import { fill } from './stats-summary';

const round = (x: number) => Math.round(x * 10) / 10;
const month = { from: '2026-03-01', to: '2026-03-31' };
const year = { from: '2025-01-01', to: '2025-12-31' };

/** The bare minimum: the same range's report columns read from the covering index, in this process, summed. */
function bareScan(file: string, range: { from: string; to: string }, runs: number) {
  const db = new Database(file, { readonly: true });
  const scan = db
    .prepare(
      `SELECT service_id, status, channel, counter_id, staff_id, issued_at, first_called_at, started_at, finished_at
       FROM tickets INDEXED BY tickets_report WHERE service_day BETWEEN ? AND ?`,
    )
    .raw();
  const ms: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    let sum = 0;
    rows = 0;
    for (const r of scan.iterate(range.from, range.to) as IterableIterator<unknown[]>) {
      rows++;
      sum += (r[6] as number | null) ?? 0;
    }
    if (sum < 0) throw new Error('unreachable');
    ms.push(performance.now() - s);
  }
  db.close();
  return { ms: round(median(ms)), rows };
}

const rssMb = (pid: number) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);

/**
 * Reports from rollups (issue 16): a history of `tickets` tickets over five years, the rollups built from it, then the
 * real server in its own process; month and year summaries, the year's report page and Excel over HTTP, and the
 * server's RSS after them, each against a bare covering-index scan of the same range in the same run.
 */
export async function rollupsBench({ sizes = [2_000_000, 12_600_000], runs = 7, yearOnlyFrom = 10_000_000 } = {}) {
  const results = [];
  for (const tickets of sizes) {
    // From `yearOnlyFrom` tickets on, only the year 2025 of that history is made, ticket rows alone (see the section).
    const yearOnly = tickets >= yearOnlyFrom;
    const dataDir = mkdtempSync(join(tmpdir(), 'qms-bench-rollups-'));
    try {
      // Schema and setup as a first start makes them, then the history straight into SQLite.
      const config = CenterConfig.parse({ ...loadConfig(demoConfigPath), hardware: {} });
      await (await startServer({ config, dataDir, port: 0, host: '127.0.0.1' })).close();
      const file = join(dataDir, 'qms.sqlite');
      const t0 = performance.now();
      const span = fill(file, tickets, yearOnly ? { year: '2025' } : undefined);
      const fillSeconds = Math.round((performance.now() - t0) / 1000);
      const server = await benchServer({ dataDir });
      try {
        const pid = server.child.pid!;
        const rssIdle = rssMb(pid);
        const login = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'quanly', password: '123456' }) });
        const headers = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
        const time = async (path: string, n = runs) => {
          const ms: number[] = [];
          for (let i = 0; i < n; i++) {
            const s = performance.now();
            const res = await fetch(`${server.base}${path}`, { headers });
            await res.arrayBuffer();
            if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
            ms.push(performance.now() - s);
          }
          return round(median(ms));
        };
        const q = (r: { from: string; to: string }) => `from=${r.from}&to=${r.to}`;
        await time(`/api/stats/summary?${q({ from: '2025-01-01', to: '2025-01-01' })}`, 1); // starts the stats worker
        const timings = {
          month: await time(`/api/stats/summary?${q(month)}`),
          monthByService: await time(`/api/stats/summary?${q(month)}&groupBy=service`),
          year: await time(`/api/stats/summary?${q(year)}`),
          yearByDay: await time(`/api/stats/summary?${q(year)}&groupBy=day`),
          yearPage: await time(`/api/stats/report?${q(year)}`, 3),
        };
        const rssAfterPage = rssMb(pid);
        const yearXlsx = await time(`/api/stats/export.xlsx?${q(year)}`, 3);
        const rssAfter = rssMb(pid);
        const bare = { month: bareScan(file, month, runs), year: bareScan(file, year, runs) };
        results.push({ tickets, yearOnly, span, fillSeconds, rollupSeconds: Math.round(span.rollupSeconds), ...timings, yearXlsx, bare, rssIdle, rssAfterPage, rssAfter, runs });
        console.log(results.at(-1));
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return results;
}

export function rollupsSection(machine: string, results: Awaited<ReturnType<typeof rollupsBench>>): string {
  const rows = results
    .map((r) => {
      const inYear = r.bare.year.rows.toLocaleString('en');
      return (
        `| ${r.tickets.toLocaleString('en')}${r.yearOnly ? ' †' : ''} (year 2025: ${inYear}) | **${r.month} ms** (bare ${r.bare.month.ms} ms) | ${r.monthByService} ms | **${r.year} ms** (bare ${r.bare.year.ms} ms) | ${r.yearByDay} ms ` +
        `| ${r.yearPage} ms | ${r.yearXlsx} ms | ${r.rssIdle} MB → **${r.rssAfterPage} MB** → ${r.rssAfter} MB | ${r.fillSeconds} s + ${r.rollupSeconds} s |`
      );
    })
    .join('\n');
  return `<!-- rollups:begin -->
## Reports from rollups (issue 16) — measured ${new Date().toISOString().slice(0, 10)}

Machine: ${machine} (a shared 2-core VM with other work running: read medians and the bare column beside them).
Command: \`npx tsx bench/src/stats-rollups-run.ts [tickets …]\` (also part of \`npm run bench\`).
A history of N tickets over five years generated straight into SQLite (as the section above, one transaction a day), the rollups
built from it (\`rebuildRollups\`, what the first start after migration 015 does), then the real server in its own process
(\`server/dist/main.mjs\`) asked over HTTP; median of ${results[0]?.runs ?? 0} runs (report page and Excel: 3).
"Bare" is the same range's report columns read from the covering index \`tickets_report\` in the bench process, in the same run.
RSS is the server process's (stats worker included): before the reports → after the summaries and the year's report page → after the year's Excel too.
Targets: month ≤ 50 ms, year ≤ 300 ms (a year of a 2 M-ticket center), year over the 12.6 M history ≤ 1 s, RSS ≤ 200 MB.

| History (tickets) | Month | Month by field | Year | Year by day | Year report page | Year Excel | Server RSS | Data + rollups built |
|---|---|---|---|---|---|---|---|---|
${rows}

† Stress case: generating the whole 12.6 M-ticket history (with its events and ratings) takes about an hour on this loaded
machine, so only its year 2025 is made (12.6 M ÷ 5 years of tickets, ticket rows without events or ratings, which the rollup
read never touches); the month (March 2026) is then empty and served from the tickets.

Summaries of more than 20 000 tickets read \`rollup_cells\` (day × field × counter × officer) and \`rollup_hours\` (day × hour)
only: their cost follows the range's days and cells, not its tickets. Medians and p90 from the sketch (docs/figures.md).
<!-- rollups:end -->`;
}
