import type { Db } from './open';

/** A done ticket's service time, as the estimate reads it: (finished − started, or first called) in seconds. */
export interface DoneTime {
  id: string;
  finishedAt: number;
  seconds: number;
}

export interface DayCounts {
  waiting: Map<string, { total: number; priority: number }>;
  issued: Map<string, number>;
  /** Per service, its done tickets of the day, oldest finish first. */
  done: Map<string, DoneTime[]>;
}

/** The day's counts straight from the tickets table (at start, on a new day, and in tests as the reference). */
export function dayCountsFromDb(db: Db, day: string): DayCounts {
  const waiting = new Map(
    db
      .prepare<[string], { service_id: string; total: number; priority: number }>(
        `SELECT service_id, count(*) AS total, count(priority) AS priority FROM tickets WHERE status = 'waiting' AND service_day = ? GROUP BY service_id`,
      )
      .all(day)
      .map((r) => [r.service_id, { total: r.total, priority: r.priority }]),
  );
  const issued = new Map(
    db
      .prepare<[string], { service_id: string; n: number }>(`SELECT service_id, count(*) AS n FROM tickets WHERE service_day = ? GROUP BY service_id`)
      .all(day)
      .map((r) => [r.service_id, r.n]),
  );
  const done = new Map<string, DoneTime[]>();
  const rows = db
    .prepare<[string], { id: string; service_id: string; finished_at: number; s: number | null }>(
      `SELECT id, service_id, finished_at, (finished_at - coalesce(started_at, first_called_at)) / 1000.0 AS s FROM tickets
       WHERE service_day = ? AND status = 'done' ORDER BY finished_at, rowid`,
    )
    .all(day);
  for (const r of rows) {
    const list = done.get(r.service_id) ?? [];
    list.push({ id: r.id, finishedAt: r.finished_at, seconds: r.s ?? NaN });
    done.set(r.service_id, list);
  }
  return { waiting, issued, done };
}
