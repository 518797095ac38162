import { flatDay, snapshotCost } from './floor-cost';
import { kioskIssue } from './kiosk-issue';
import { profileFloor } from './profile';

/** Issue 16: the cost of each floor operation, against bare baselines measured in the same run. */
export async function perfBench() {
  const kiosk = await kioskIssue();
  const snapshot = snapshotCost();
  const day = flatDay();
  const profile = await profileFloor();
  return { kiosk, snapshot, day, profile };
}

export function perfSection(r: Awaited<ReturnType<typeof perfBench>>, machine: string) {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const [few, many] = r.snapshot;
  return `<!-- perf:begin -->
## Cost of each floor operation (issue 16) — measured ${new Date().toISOString().slice(0, 10)}

Machine: ${machine}, shared with other builds and tests while measuring: read the ratios to the bare baselines,
measured in the same run. Command: \`npm run bench\` (this section alone: \`npx tsx bench/src/perf-run.ts\`).

| Figure | Project | Bare baseline, same run | Ratio |
|---|---|---|---|
| Kiosk's real \`POST /api/tickets\` (device token, Idempotency-Key, printing on with the simulated printer), ${r.kiosk.clients} in flight, ${r.kiosk.tickets} tickets, median of ${r.kiosk.runs} | ${r.kiosk.project.perSecond}/s | ${r.kiosk.bare.perSecond}/s (Hono + better-sqlite3, ticket row + event row, WAL, FULL) | **${r.kiosk.throughputRatio}** |
| Server CPU per kiosk ticket (from /proc, the printer's drawing included) | ${r.kiosk.project.cpuMs} ms | ${r.kiosk.bare.cpuMs} ms | ${r.kiosk.cpuRatio}× |
| fsync/fdatasync per kiosk request (strace, one at a time; the print outcome's commit and \`numbering.json\` included) | ${r.kiosk.fsyncs ?? 'strace not installed'} | 1 | |
| Floor CPU per issued ticket (in process), first ${r.day.window} of the day | ${r.day.firstMs} ms | ${r.day.bareMs} ms (better-sqlite3 alone) | ${r.day.firstOverBare}× |
| The same, tickets ${r.day.tickets - r.day.window + 1}–${r.day.tickets} of the same day | ${r.day.lastMs} ms | | **${r.day.lastOverFirst}× the first** |
| Display snapshot (every socket's (re)connect), median | ${few!.medianMs} ms after ${few!.pastCalls} past calls | ${many!.medianMs} ms after ${many!.pastCalls.toLocaleString('en')} past calls | **${(many!.medianMs / few!.medianMs).toFixed(2)}×** |

### Profile

\`node --cpu-prof\` on the real server (\`bench/src/profile.ts\`): ${r.profile.tickets} kiosk tickets (token, Idempotency-Key,
printing on), then ${r.profile.tickets / 2} call-next + finish at six counters. Share of the busy samples:

| Self time | | Inclusive (project functions) | |
|---|---|---|---|
${r.profile.top
  .slice(0, 12)
  .map((t, i) => `| ${t.fn} | ${pct(t.share)} | ${r.profile.inclusive[i]?.fn ?? ''} | ${r.profile.inclusive[i] ? pct(r.profile.inclusive[i].share) : ''} |`)
  .join('\n')}
<!-- perf:end -->`;
}
