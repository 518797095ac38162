import type { GroupBy, ManySummary, SummaryRequest } from './summary';

/** Main thread → stats worker: one `summarizeMany` to run. */
export interface StatsJob {
  id: number;
  req: Omit<SummaryRequest, 'groupBy'>;
  groupBys: GroupBy[];
}

/** What the worker tells of an error: enough to answer the same 4xx (`ApiFailure` code and params) or log a 500. */
export interface StatsJobError {
  name: string;
  message: string;
  code?: string | undefined;
  params?: Record<string, string | number> | undefined;
}

/** Main thread → stats worker: tell how the worker's own connection is set up (checked by the tests). */
export interface PragmaProbe {
  id: number;
  probe: 'pragmas';
}

export interface WorkerPragmas {
  synchronous: string;
  journalMode: string;
}

/** Stats worker → main thread: the result of job `id`, or its error. */
export type StatsAnswer =
  | { id: number; ok: true; result: ManySummary }
  | { id: number; ok: true; pragmas: WorkerPragmas }
  | { id: number; ok: false; error: StatsJobError };

/** What the worker is started with. */
export interface StatsWorkerData {
  /** Absolute path of the SQLite file the server writes. */
  file: string;
}
