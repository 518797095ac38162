import { displayLatency } from './display-latency';

/** Issue 16's "call → painted" figure alone: `npx tsx bench/src/paint-run.ts [runs] [calls]`, medians of the runs. */
const runs = Number(process.argv[2] ?? 3);
const calls = Number(process.argv[3] ?? 30);
const all: Awaited<ReturnType<typeof displayLatency>>[] = [];
for (let i = 0; i < runs; i++) {
  const r = await displayLatency({ pages: 1, sockets: 19, calls, sound: false });
  console.log(r);
  all.push(r);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log({ runs, p50: median(all.map((r) => r.p50)), p99: median(all.map((r) => r.p99)) });
