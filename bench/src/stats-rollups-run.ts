import { machine, writeSection } from './doc';
import { rollupsBench, rollupsSection } from './stats-rollups';

// `npx tsx bench/src/stats-rollups-run.ts [tickets …]`: the rollups section alone, e.g. with 2000000 only.
process.env.LOG_LEVEL ??= 'warn';
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const results = await rollupsBench(sizes.length ? { sizes } : {});
writeSection(rollupsSection(machine, results));
