import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { machine, writeSection } from './doc';
import { perfBench, perfSection, type PerfResult } from './perf';

// `npx tsx bench/src/perf-run.ts [out.json]`: the issue-16 figures; with BENCH_BEFORE=<json of an earlier run> the
// section shows that run beside this one (BENCH_LABELS="before label|after label").
process.env.LOG_LEVEL ??= 'warn';
const r = await perfBench();
if (process.argv[2]) writeFileSync(process.argv[2], JSON.stringify(r, null, 1));
const beforeFile = process.env.BENCH_BEFORE;
const before = beforeFile && existsSync(beforeFile) ? (JSON.parse(readFileSync(beforeFile, 'utf8')) as PerfResult) : null;
const [b = 'before', a = 'after'] = (process.env.BENCH_LABELS ?? '').split('|').filter(Boolean);
if (!process.env.BENCH_SERVER_ROOT) writeSection(perfSection(r, machine, before, { before: b, after: a }));
