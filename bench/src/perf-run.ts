import { machine, writeSection } from './doc';
import { perfBench, perfSection } from './perf';

process.env.LOG_LEVEL ??= 'warn';
const r = await perfBench();
console.log(JSON.stringify(r, null, 1));
writeSection(perfSection(r, machine));
