import { loadavg } from 'node:os';
import { displayLatency } from './display-latency';
import { median } from './stats';

type Run = Awaited<ReturnType<typeof displayLatency>>;

/** Call → painted latency with 1 and with 20 hall display pages, a few runs each (medians reported). */
export async function displayBench({ runs = 3 } = {}) {
  const one: Run[] = [];
  const twenty: Run[] = [];
  const loadBefore = loadavg()[0] ?? 0;
  for (let i = 0; i < runs; i++) {
    one.push(await displayLatency({ pages: 1, calls: 60 }));
    twenty.push(await displayLatency({ pages: 20, calls: 30 }));
  }
  return { runs, one, twenty, load: Math.round(Math.max(loadBefore, loadavg()[0] ?? 0) * 10) / 10 };
}

const row = (label: string, rs: Run[]) =>
  `| ${label} | p50 **${median(rs.map((r) => r.p50))} ms**, p99 **${median(rs.map((r) => r.p99))} ms** (runs: ${rs.map((r) => `${r.p50}/${r.p99}`).join(', ')}) | ${median(rs.map((r) => r.slowestPageP50))} ms / ${median(rs.map((r) => r.slowestPageP99))} ms |`;

/** The display section of docs/benchmarks.md. */
export function displaySection(r: Awaited<ReturnType<typeof displayBench>>, machine: string): string {
  return `<!-- display:begin -->
## Hall display (issue 4) — measured ${new Date().toISOString().slice(0, 10)}

Machine: ${machine}; load average up to ${r.load} during the runs (other work shares the machine: read medians).
Command: \`npm run bench\` (server in its own process; every display page in one headless Debian Chromium, software rendering, sound on).
Latency = from sending \`POST /api/counters/1/call-next\` to the animation frame in which the called number is on the page
(\`.display__latest\`), measured in the page with \`performance.timeOrigin + performance.now()\`.

| Display pages connected | Call → number painted, over every page and call (median of ${r.runs} runs; each run p50/p99) | Slowest page per call, p50 / p99 |
|---|---|---|
${row(`1 (${r.one[0]?.calls ?? 0} calls)`, r.one)}
${row(`20 (${r.twenty[0]?.calls ?? 0} calls)`, r.twenty)}

With 20 pages all twenty renderers, their flash animations and their voices share the same ${machine.match(/× (\d+) cores/)?.[1] ?? '?'} cores; in a center each
TV stick renders one page, so the 1-page figure is the one a citizen sees, and the 20-page figure bounds the server's fan-out plus a crowded host.
<!-- display:end -->`;
}
