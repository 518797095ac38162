import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SummaryReply } from '@qms/protocol';
import { ApiFailure } from '../http/errors';
import { isErrorCode } from '../http/messages';
import type { Db } from '../store/open';
import { summarizeMany, summaryReply, type GroupBy, type ManySummary, type SummaryRequest } from './summary';
import type { PragmaProbe, StatsAnswer, StatsJob, StatsJobError, StatsWorkerData, WorkerPragmas } from './worker-protocol';

/** The report figures, computed off the server's event loop when the database is a file. */
export interface Stats {
  summarizeMany(req: Omit<SummaryRequest, 'groupBy'>, groupBys: readonly GroupBy[]): Promise<ManySummary>;
  summarize(req: SummaryRequest): Promise<SummaryReply>;
  /** How the worker's own connection is set up (synchronous, journal mode); null when figures are computed in process. */
  workerPragmas(): Promise<WorkerPragmas | null>;
  /** Whether a worker thread is running now (it stops when left idle). */
  workerRunning(): boolean;
  /** Stops the worker (pending jobs fail); later calls fail too. */
  close(): Promise<void>;
}

/**
 * A worker left without work this long is stopped and its memory returned (its own V8 heap and SQLite connection: tens
 * of MB after a year's report); the next report starts a new one, which costs a few tens of ms. Long enough for the
 * report page's requests to share one worker.
 */
const defaultIdleMs = 15_000;

/**
 * The stats of this database (one per server): one worker thread, started on the first report and reused, with its
 * own read-only connection. An in-memory database cannot be opened by another thread, so its figures are computed in
 * process. `QMS_STATS_WORKER=off` also computes in process (checked on each call; a way out if the worker cannot
 * start). Close it before the database.
 */
export function createStats(db: Db, { idleMs = defaultIdleMs }: { idleMs?: number } = {}): Stats {
  const file = db.memory || db.name === '' || db.name === ':memory:' ? null : resolve(db.name);
  const pool = file === null ? null : new StatsWorker(file, idleMs);
  const many = (req: Omit<SummaryRequest, 'groupBy'>, groupBys: readonly GroupBy[]): Promise<ManySummary> => {
    if (pool === null || process.env.QMS_STATS_WORKER === 'off') {
      try {
        return Promise.resolve(summarizeMany(db, req, groupBys));
      } catch (err) {
        return Promise.reject(err as Error);
      }
    }
    return pool.run({ req: { from: req.from, to: req.to, timeZone: req.timeZone, reports: req.reports }, groupBys: [...groupBys] });
  };
  return {
    summarizeMany: many,
    summarize: async (req) => summaryReply(req, await many(req, req.groupBy ? [req.groupBy] : [])),
    workerPragmas: async () => (pool ? pool.probe() : null),
    workerRunning: () => pool?.running() ?? false,
    close: async () => pool?.close(),
  };
}

interface Pending {
  resolve: (r: ManySummary | WorkerPragmas) => void;
  reject: (err: Error) => void;
}

/** One worker thread, started lazily, restarted after a crash or an idle stop; jobs carry ids and answer in any order. */
class StatsWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idle: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly idleMs: number,
  ) {}

  running(): boolean {
    return this.worker !== null;
  }

  run(job: Omit<StatsJob, 'id'>): Promise<ManySummary> {
    return this.send(job) as Promise<ManySummary>;
  }

  probe(): Promise<WorkerPragmas> {
    return this.send({ probe: 'pragmas' }) as Promise<WorkerPragmas>;
  }

  private send(job: Omit<StatsJob, 'id'> | Omit<PragmaProbe, 'id'>): Promise<ManySummary | WorkerPragmas> {
    if (this.closed) return Promise.reject(new Error('the stats worker is stopped (server closing)'));
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    worker.ref();
    return new Promise<ManySummary | WorkerPragmas>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...job, id });
    });
  }

  private start(): Worker {
    // Beside this module: `worker.mjs` in server/src/stats (from source), or the bundled one in server/dist (built).
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
      name: 'qms-stats',
      workerData: { file: this.file } satisfies StatsWorkerData,
      // Not the parent's flags: the entry registers tsx itself, and vitest's or tsx's own flags are not for a worker.
      execArgv: [],
      // A small young generation: left at V8's default it grows to ~45 MB over a year's report, for no gain in time.
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    });
    worker.unref();
    worker.on('message', (a: StatsAnswer) => {
      const p = this.pending.get(a.id);
      if (!p) return;
      this.pending.delete(a.id);
      if (a.ok) p.resolve('pragmas' in a ? a.pragmas : a.result);
      else p.reject(fromWorker(a.error));
      if (this.pending.size === 0 && this.worker === worker) this.rest(worker);
    });
    worker.on('error', (err) => this.failAll(worker, err));
    worker.on('exit', (code) => this.failAll(worker, new Error(`the stats worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  /** No work left: let the process exit without it, and stop it after a while. */
  private rest(worker: Worker) {
    worker.unref();
    this.idle = setTimeout(() => {
      if (this.worker !== worker || this.pending.size > 0) return;
      this.worker = null;
      void worker.terminate();
    }, this.idleMs);
    this.idle.unref();
  }

  private failAll(worker: Worker, err: Error) {
    if (this.worker !== worker) return;
    this.worker = null;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  async close() {
    this.closed = true;
    if (this.idle) clearTimeout(this.idle);
    const worker = this.worker;
    if (!worker) return;
    this.failAll(worker, new Error('the stats worker is stopped (server closing)'));
    await worker.terminate();
  }
}

/** The worker's error as the route would have thrown it: an `ApiFailure` keeps its 4xx code, anything else is a 500. */
function fromWorker(e: StatsJobError): Error {
  if (e.name === 'ApiFailure' && e.code && isErrorCode(e.code)) return new ApiFailure(e.code, e.params ?? {});
  const err = new Error(`stats worker: ${e.name}: ${e.message}`);
  if (e.code) Object.assign(err, { code: e.code });
  return err;
}
