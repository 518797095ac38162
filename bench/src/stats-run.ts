import { machine, writeSection } from './doc';
import { statsSection, statsSummaryBench } from './stats-summary';

// `npx tsx bench/src/stats-run.ts [tickets …]`: the reports section alone, e.g. with 400000 only.
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const results = await statsSummaryBench(sizes.length ? { sizes } : {});
console.log(results);
writeSection(statsSection(machine, results));
