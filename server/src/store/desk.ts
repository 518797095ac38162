import type { RatingLevel } from '@qms/protocol';
import type { Db } from './open';

/** Queries for the desk console: an officer's own day and the procedures a counter usually records. */
export function deskQueries(db: Db) {
  const finished = db.prepare<[number, number, number], { n: number; mean: number | null }>(
    `SELECT count(*) AS n, avg((t.finished_at - coalesce(t.started_at, t.called_at)) / 1000.0) AS mean
     FROM events e JOIN tickets t ON t.id = e.ticket_id
     WHERE e.staff_id = ? AND e.type = 'ticket.finished' AND e.at >= ? AND e.at < ?`,
  );
  const countOf = db.prepare<[number, string, number, number], { n: number }>(
    `SELECT count(*) AS n FROM events WHERE staff_id = ? AND type = ? AND at >= ? AND at < ?`,
  );
  const ratings = db.prepare<[number, number, number], { level: RatingLevel; n: number }>(
    `SELECT level, count(*) AS n FROM ratings WHERE staff_id = ? AND at >= ? AND at < ? GROUP BY level`,
  );
  const procedures = db.prepare<[number, number], { p: string }>(
    `SELECT json_extract(payload, '$.procedure') AS p FROM events
     WHERE counter_id = ? AND type = 'ticket.finished' AND at >= ? AND json_extract(payload, '$.procedure') IS NOT NULL
     GROUP BY p ORDER BY count(*) DESC, p LIMIT 60`,
  );
  return {
    day(staffId: number, from: number, to: number) {
      const f = finished.get(staffId, from, to) ?? { n: 0, mean: null };
      return {
        served: f.n,
        meanServiceSeconds: f.mean,
        noShow: countOf.get(staffId, 'ticket.no_show', from, to)?.n ?? 0,
        transferred: countOf.get(staffId, 'ticket.transferred', from, to)?.n ?? 0,
        ratings: ratings.all(staffId, from, to),
      };
    },
    /** Procedures recorded at finish at this counter since `since`, most used first. */
    procedures: (counterId: number, since: number): string[] => procedures.all(counterId, since).map((r) => r.p),
  };
}
