import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CenterConfig, demoConfigPath, loadConfig, startServer } from '@qms/server';
import { benchServer } from './child';
import { fill } from './stats-summary';

// `npx tsx bench/src/stats-rss-run.ts DATA_DIR [tickets]`: where the server's memory goes with a long history (issue 16).
// Fills DATA_DIR with a generated history on the first run (as the rollups section does, 2 M tickets by default) and
// reuses it after; then starts the built server with a probe (bench/src/rss-probe.mjs) and prints its RSS and
// process.memoryUsage() at start, after the summaries, the year's report page, the year's Excel, and 20 s later.
process.env.LOG_LEVEL ??= 'warn';
const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: stats-rss-run.ts DATA_DIR [tickets]');
if (!existsSync(join(dataDir, 'qms.sqlite'))) {
  const config = CenterConfig.parse({ ...loadConfig(demoConfigPath), hardware: {} });
  await (await startServer({ config, dataDir, port: 0, host: '127.0.0.1' })).close();
  console.log(fill(join(dataDir, 'qms.sqlite'), Number(process.argv[3] ?? 2_000_000)));
}
const out = join(dataDir, `probe-${Date.now()}.jsonl`);
const probeFile = fileURLToPath(new URL('./rss-probe.mjs', import.meta.url));
const server = await benchServer({ dataDir, nodeArgs: ['--import', probeFile], env: { PROBE_OUT: out } });
const pid = server.child.pid!;
const rssMb = () => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
const probe = async (label: string) => {
  process.kill(pid, 'SIGUSR2');
  await new Promise((r) => setTimeout(r, 300));
  console.log(label.padEnd(14), rssMb(), 'MB', readFileSync(out, 'utf8').trim().split('\n').at(-1));
};
try {
  await new Promise((r) => setTimeout(r, 1000));
  await probe('idle');
  const login = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'quanly', password: '123456' }) });
  const headers = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  const get = async (path: string) => {
    const res = await fetch(`${server.base}${path}`, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  };
  const year = 'from=2025-01-01&to=2025-12-31';
  const month = 'from=2026-03-01&to=2026-03-31';
  await get('/api/stats/summary?from=2025-01-01&to=2025-01-01');
  await probe('first summary');
  for (let i = 0; i < 3; i++) for (const q of [month, `${month}&groupBy=service`, year, `${year}&groupBy=day`]) await get(`/api/stats/summary?${q}`);
  await probe('summaries');
  for (let i = 0; i < 3; i++) await get(`/api/stats/report?${year}`);
  await probe('report page');
  for (let i = 0; i < 3; i++) await get(`/api/stats/export.xlsx?${year}`);
  await probe('excel');
  await new Promise((r) => setTimeout(r, 20_000));
  await probe('20 s later');
} finally {
  await server.stop();
}
