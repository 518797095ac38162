import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { summarizeMany } from './summary';
import type { PragmaProbe, StatsAnswer, StatsJob, StatsJobError, StatsWorkerData } from './worker-protocol';

// The stats worker: its own read-only connection to the server's SQLite file (WAL lets it read while the server writes),
// so a long report never holds the server's event loop. Jobs run one after another in arrival order.
const { file } = workerData as StatsWorkerData;
const db = new Database(file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
// A reader writes nothing, but every connection runs at FULL so a check over all of them holds without exceptions.
db.pragma('synchronous = FULL');

const port = parentPort!;
port.on('message', (job: StatsJob | PragmaProbe) => {
  let answer: StatsAnswer;
  try {
    if ('probe' in job) {
      const sync = Number(db.pragma('synchronous', { simple: true }));
      const pragmas = { synchronous: ['OFF', 'NORMAL', 'FULL', 'EXTRA'][sync] ?? String(sync), journalMode: String(db.pragma('journal_mode', { simple: true })) };
      port.postMessage({ id: job.id, ok: true, pragmas } satisfies StatsAnswer);
      return;
    }
    answer = { id: job.id, ok: true, result: summarizeMany(db, job.req, job.groupBys) };
  } catch (err) {
    answer = { id: job.id, ok: false, error: describe(err) };
  }
  port.postMessage(answer);
});

function describe(err: unknown): StatsJobError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  const { code, params } = err as Error & { code?: unknown; params?: unknown };
  return {
    name: err.constructor.name,
    message: err.message,
    code: typeof code === 'string' ? code : undefined,
    params: params && typeof params === 'object' ? (params as Record<string, string | number>) : undefined,
  };
}
