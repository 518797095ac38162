import { machine, writeSection } from './doc';
import { rollupsBench, rollupsSection } from './stats-rollups';

// `npx tsx bench/src/stats-rollups-run.ts [tickets …] [--runs=N]`: the rollups section alone, e.g. with 2000000 only.
process.env.LOG_LEVEL ??= 'warn';
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7)) || undefined;
const results = await rollupsBench({ ...(sizes.length ? { sizes } : {}), ...(runs ? { runs } : {}) });
writeSection(rollupsSection(machine, results));
