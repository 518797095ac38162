import { cpus, totalmem } from 'node:os';
import { statsSection, statsSummaryBench } from './stats-summary';
import { writeSection } from './stats-doc';

const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const results = await statsSummaryBench(sizes.length ? { sizes } : {});
console.log(results);
writeSection(statsSection(machine, results));
