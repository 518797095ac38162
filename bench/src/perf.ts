import { loadavg } from 'node:os';
import { displayFanout } from './display-fanout';
import { displayLatency } from './display-latency';
import { flatDay, snapshotCost } from './floor-cost';
import { kioskIssue } from './kiosk-issue';
import { profileFloor } from './profile';

/**
 * Issue 16: the cost of each floor operation, against bare baselines measured in the same run. With
 * BENCH_SERVER_ROOT (another checkout, e.g. an older commit) only the figures of the server in its own process are
 * measured (the in-process ones run this checkout's floor).
 */
export async function perfBench({ runs = 3, tickets = 1000 } = {}) {
  const other = Boolean(process.env.BENCH_SERVER_ROOT);
  // The machine's load while measuring (other work shares it): the section says it.
  const loads: number[] = [loadavg()[0]!];
  const sampling = setInterval(() => loads.push(loadavg()[0]!), 5000);
  const kiosk = await kioskIssue({ who: 'kiosk', runs, tickets });
  console.log('kiosk, two cores:', kiosk);
  const kioskOne = await kioskIssue({ who: 'kiosk', runs, tickets, cpus: '0', fsyncs: false });
  console.log('kiosk, one core:', kioskOne);
  const desk = await kioskIssue({ who: 'desk', runs, tickets, fsyncs: false });
  console.log('desk, two cores:', desk);
  const deskOne = await kioskIssue({ who: 'desk', runs, tickets, cpus: '0', fsyncs: false });
  console.log('desk, one core:', deskOne);
  const fanout = await displayFanout({ displays: 100, calls: 100, runs });
  console.log('100 displays:', fanout);
  const painted = await displayLatency({ pages: 1, sockets: 19, calls: 30, sound: false });
  console.log('painted, 20 displays:', painted);
  const snapshot = other ? null : snapshotCost();
  const day = other ? null : flatDay();
  const profile = await profileFloor({ tickets: 600 });
  clearInterval(sampling);
  const load = { min: Math.min(...loads), max: Math.max(...loads) };
  return { kiosk, kioskOne, desk, deskOne, fanout, painted, snapshot, day, profile, load };
}

export type PerfResult = Awaited<ReturnType<typeof perfBench>>;

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function perfSection(r: PerfResult, machine: string, before?: PerfResult | null, labels = { before: 'before', after: 'after' }) {
  const b = before ?? null;
  const col = (after: string, old: string | null | undefined) => (b ? `| ${old ?? '—'} | ${after} |` : `| ${after} |`);
  const issue = (x: PerfResult['kiosk']) => `${x.project.perSecond}/s vs bare ${x.bare.perSecond}/s: **${x.throughputRatio}**`;
  // Runs before the kiosk's tickets counted their printing have no `answeredPerSecond`: their rate was the replies'.
  const printedIssue = (x: PerfResult['kiosk']) => (x.project.answeredPerSecond ? `${issue(x)} (answered: ${x.project.answeredPerSecond}/s)` : `answered ${x.project.perSecond}/s vs bare ${x.bare.perSecond}/s (printing not waited for)`);
  const cpu = (x: PerfResult['kiosk']) => `**${x.project.cpuMs} ms** (bare ${x.bare.cpuMs} ms)`;
  const cold = ({ firstRequests: f }: PerfResult['kiosk']) => `${f.project.cpuMs} ms, ${f.project.perSecond}/s (bare ${f.bare.cpuMs} ms, ${f.bare.perSecond}/s)`;
  const [few, many] = r.snapshot ?? [];
  const rows = [
    [
      'Kiosk `POST /api/tickets` (device token, Idempotency-Key, printing on), 8 in flight, two cores: tickets issued **and printed** (outcome stored) per second, ratio to bare',
      printedIssue(r.kiosk),
      b && printedIssue(b.kiosk),
    ],
    ['The same, server and bare both pinned to one core (`taskset -c 0`)', printedIssue(r.kioskOne), b && printedIssue(b.kioskOne)],
    ['Desk `POST /api/tickets` (officer token, Idempotency-Key, no paper), two cores', issue(r.desk), b && issue(b.desk)],
    ['The same, both pinned to one core', issue(r.deskOne), b && issue(b.deskOne)],
    ['Server CPU per desk ticket (/proc utime+stime), two cores', cpu(r.desk), b && cpu(b.desk)],
    ['Server CPU per desk ticket, one core', cpu(r.deskOne), b && cpu(b.deskOne)],
    ['Server CPU per kiosk ticket, until its print outcome is stored (drawing, the simulated printer and the outcome included)', cpu(r.kiosk), b && cpu(b.kiosk)],
    [
      `The first ${r.kiosk.firstRequests.requests} kiosk requests after a start (V8 still compiling; the rows above follow ${r.kiosk.warmup} warm-up requests): CPU per ticket, tickets/s`,
      cold(r.kiosk),
      b && (b.kiosk.firstRequests ? cold(b.kiosk) : null),
    ],
    ['fsync/fdatasync per kiosk request (strace -f on the server, 50 requests one at a time, the print outcome included)', `**${r.kiosk.fsyncs ?? 'strace missing'}**`, b && String(b.kiosk.fsyncs ?? '—')],
    [
      `Server CPU per call-next with ${r.fanout.displays} socket.io hall displays connected (bare: one durable write + one \`io.emit\`)`,
      `**${r.fanout.project.cpuMs} ms** (bare ${r.fanout.bare.cpuMs} ms, ${r.fanout.cpuRatio}×)`,
      b && `${b.fanout.project.cpuMs} ms (bare ${b.fanout.bare.cpuMs} ms, ${b.fanout.cpuRatio}×)`,
    ],
    [`Call → \`ticket.called\` at those sockets, p50 (median socket)`, `${r.fanout.project.p50} ms (bare ${r.fanout.bare.p50} ms)`, b && `${b.fanout.project.p50} ms (bare ${b.fanout.bare.p50} ms)`],
    [
      `Call → number painted on the hall display page (headless Chromium) with ${r.painted.sockets} more displays as socket.io clients, ${r.painted.calls} calls, sound off`,
      `p50 **${r.painted.p50} ms**, p99 ${r.painted.p99} ms`,
      b && `p50 ${b.painted.p50} ms, p99 ${b.painted.p99} ms`,
    ],
    ...(r.day
      ? [
          [`Floor CPU per issued ticket in process, tickets 1–${r.day.window} → ${r.day.tickets - r.day.window + 1}–${r.day.tickets} of one day`, `${r.day.firstMs} → ${r.day.lastMs} ms: **${r.day.lastOverFirst}×** (user CPU ${r.day.userLastOverFirst}×; bare insert ${r.day.bareMs} ms)`, null],
        ]
      : []),
    ...(few && many ? [[`Display snapshot (every socket's (re)connect), median`, `${few.medianMs} ms after ${few.pastCalls} past calls, ${many.medianMs} ms after ${many.pastCalls.toLocaleString('en')}: **${(many.medianMs / few.medianMs).toFixed(2)}×**`, null]] : []),
  ] as [string, string, string | null][];
  const head = b ? `| Figure | ${labels.before} | ${labels.after} |\n|---|---|---|` : '| Figure | Result |\n|---|---|';
  const top = (x: PerfResult) => x.profile.top.slice(0, 10).map((t) => `${t.fn} ${pct(t.share)}`).join('; ');
  return `<!-- perf:begin -->
## Cost of each floor operation (issue 16) — measured ${new Date().toISOString().slice(0, 10)}

Machine: ${machine}, shared with other work while measuring (**load average ${r.load ? `${r.load.min.toFixed(1)}–${r.load.max.toFixed(1)}` : 'not recorded'}** on its 2 cores${b ? `; the "${labels.before}" run: ${b.load ? `${b.load.min.toFixed(1)}–${b.load.max.toFixed(1)}` : 'not recorded'}` : ''}): the
absolute figures move between runs; read the ratios to the bare baselines, each measured in the same run, alternating
with the project's. Medians of ${r.kiosk.runs} runs. Command: \`npm run bench\` (this section alone: \`npx tsx bench/src/perf-run.ts\`;
an older checkout with \`BENCH_SERVER_ROOT=<its folder>\`).

${head}
${rows.map(([what, after, old]) => `| ${what} ${col(after, old)}`).join('\n')}

### Profile

\`node --cpu-prof\` on the real server (\`bench/src/profile.ts\`): ${r.profile.tickets} kiosk tickets (token, Idempotency-Key,
printing on), then ${r.profile.tickets / 2} call-next + finish at six counters. Share of the busy samples, self time
(a native call's wait, e.g. the commit's fsync under \`sqliteTransaction\`, counts as busy):

${b ? `- ${labels.before}: ${top(b)}\n- ${labels.after}: ${top(r)}` : `- ${top(r)}`}

Inclusive (project functions), ${labels.after}: ${r.profile.inclusive.slice(0, 12).map((t) => `${t.fn.replace(/ dist\/main\.mjs$/, '')} ${pct(t.share)}`).join('; ')}.
<!-- perf:end -->`;
}
