import { readdirSync, readFileSync } from 'node:fs';

/** utime + stime of a /proc `stat` line, in ms (clock ticks of 100 Hz). */
const msOf = (statLine: string) => {
  const f = statLine.split(') ')[1]!.split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
};

/** CPU milliseconds (user + system) a process has used so far. */
export const cpuOf = (pid: number) => msOf(readFileSync(`/proc/${pid}/stat`, 'utf8'));

/** CPU milliseconds of a process's main thread and of its other threads (libuv's pool, V8's compiler and GC). */
export function cpuOfThreads(pid: number) {
  const sum = { main: 0, others: 0 };
  for (const t of readdirSync(`/proc/${pid}/task`)) sum[t === String(pid) ? 'main' : 'others'] += msOf(readFileSync(`/proc/${pid}/task/${t}/stat`, 'utf8'));
  return sum;
}
