import { callLatency } from './call-latency';
import { deskBench, deskSection } from './desk';
import { displayBench, displaySection } from './display';
import { displayMemory, displayMemorySection } from './display-memory';
import { machine, writeSection } from './doc';
import { hubCityBench, hubCitySection } from './hub-city';
import { issueThroughput } from './http-issue';
import { perfBench, perfSection } from './perf';
import { printerBench, printerSection } from './printer';
import { statsSection, statsSummaryBench } from './stats-summary';
import { rollupsBench, rollupsSection } from './stats-rollups';

// `npm run bench`: every section of docs/benchmarks.md, each written as soon as it is measured; `npm run bench -- perf
// rollups`: only those sections (foundation, desk, display, stats, rollups, printer, perf, city).
// The servers log warnings and errors only (no line a request) unless LOG_LEVEL says otherwise.
process.env.LOG_LEVEL ??= 'warn';
const sections: Record<string, () => Promise<unknown>> = {
  foundation: async () => {
    const issue = await issueThroughput();
    console.log('HTTP ticket issuing:', issue);
    const latency = await callLatency();
    console.log('call-next → display event:', latency);
    writeSection(foundationSection(issue, latency));
  },
  desk: async () => writeSection(deskSection(shown('desk and keypads', await deskBench()), machine)),
  display: async () => {
    writeSection(displaySection(shown('hall display', await displayBench()), machine));
    writeSection(displayMemorySection(shown('hall display memory', await displayMemory()), machine));
  },
  stats: async () => writeSection(statsSection(machine, shown('stats summary', await statsSummaryBench()))),
  rollups: async () => writeSection(rollupsSection(machine, await rollupsBench())),
  printer: async () => writeSection(printerSection(shown('kiosk and printer', await printerBench()), machine)),
  perf: async () => {
    const perf = await perfBench();
    console.log('floor operations (issue 16):', perf.kiosk, perf.snapshot, perf.day);
    writeSection(perfSection(perf, machine));
  },
  city: async () => {
    const city = await hubCityBench();
    console.log('city hub:', city.load, city.reports.year, city.catchUp);
    writeSection(hubCitySection(city, machine));
  },
};
const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !Object.hasOwn(sections, a));
if (unknown.length) throw new Error(`unknown section(s) ${unknown.join(', ')}: choose among ${Object.keys(sections).join(', ')}`);
console.log(`Machine: ${machine}`);
for (const [name, measure] of Object.entries(sections)) if (asked.length === 0 || asked.includes(name)) await measure();

/** Prints a result as it comes (the section is written from it next). */
function shown<T>(label: string, result: T): T {
  console.log(`${label}:`, result);
  return result;
}

function foundationSection(issue: Awaited<ReturnType<typeof issueThroughput>>, latency: Awaited<ReturnType<typeof callLatency>>) {
  return `<!-- foundation:begin -->
## Foundation (issue 2) — measured ${new Date().toISOString().slice(0, 10)}

Machine: ${machine} (a shared, noisy VM: read medians and ratios, not single runs).
Command: \`npm run bench\` (server in its own process, fresh SQLite file, \`journal_mode=WAL\`, \`synchronous=FULL\`).

| Figure | Result |
|---|---|
| Tickets issued per second through \`POST /api/tickets\` (${issue.tickets} tickets, ${issue.clients} requests in flight, as admin so nothing is printed) | median **${issue.median}/s** over ${issue.runs} runs (${issue.perRun.join(', ')}) |
| Call-next latency: HTTP request sent → \`ticket.called\` at a connected display socket (${latency.calls} calls) | p50 **${latency.p50} ms**, p99 **${latency.p99} ms**, max ${latency.max} ms |

A busy center issues about 300 tickets a day: at the median rate the server issues a whole day's tickets in ${(300 / issue.median).toFixed(1)} s.
<!-- foundation:end -->`;
}
