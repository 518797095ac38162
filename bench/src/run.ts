import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { callLatency } from './call-latency';
import { issueThroughput } from './http-issue';
import { statsSection, statsSummaryBench } from './stats-summary';
import { writeSection as writeStatsSection } from './stats-doc';
import { deskBench, deskSection } from './desk';
import { displayBench, writeDisplaySection } from './display';
import { printerBench, writePrinterSection } from './printer';

const docPath = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));
const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;

console.log(`Machine: ${machine}`);
const issue = await issueThroughput();
console.log('HTTP ticket issuing:', issue);
const latency = await callLatency();
console.log('call-next → display event:', latency);
const desk = await deskBench();
console.log('desk and keypads:', desk);

const section = `<!-- foundation:begin -->
## Foundation (issue 2) — measured ${new Date().toISOString().slice(0, 10)}

Machine: ${machine} (a shared, noisy VM: read medians and ratios, not single runs).
Command: \`npm run bench\` (server in its own process, fresh SQLite file, \`journal_mode=WAL\`, \`synchronous=FULL\`).

| Figure | Result |
|---|---|
| Tickets issued per second through \`POST /api/tickets\` (${issue.tickets} tickets, ${issue.clients} requests in flight) | median **${issue.median}/s** over ${issue.runs} runs (${issue.perRun.join(', ')}) |
| Call-next latency: HTTP request sent → \`ticket.called\` at a connected display socket (${latency.calls} calls) | p50 **${latency.p50} ms**, p99 **${latency.p99} ms**, max ${latency.max} ms |

A busy center issues about 300 tickets a day: at the median rate the server issues a whole day's tickets in ${(300 / issue.median).toFixed(1)} s.
<!-- foundation:end -->`;

const old = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Benchmarks\n\nEach section is rewritten by `npm run bench`.\n';
const next = /<!-- foundation:begin -->[\s\S]*<!-- foundation:end -->/.test(old)
  ? old.replace(/<!-- foundation:begin -->[\s\S]*<!-- foundation:end -->/, section)
  : `${old.trimEnd()}\n\n${section}\n`;
const withDesk = /<!-- desk:begin -->[\s\S]*<!-- desk:end -->/.test(next)
  ? next.replace(/<!-- desk:begin -->[\s\S]*<!-- desk:end -->/, deskSection(desk, machine))
  : `${next.trimEnd()}\n\n${deskSection(desk, machine)}\n`;
writeFileSync(docPath, withDesk);
console.log(`Written to ${docPath}`);

const display = await displayBench();
console.log('hall display:', display);
writeDisplaySection(docPath, display, machine);

const stats = await statsSummaryBench();
console.log('stats summary:', stats);
writeStatsSection(statsSection(machine, stats));

const printer = await printerBench();
console.log('kiosk and printer:', printer);
writePrinterSection(docPath, printer, machine);
