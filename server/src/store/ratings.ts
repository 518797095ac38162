import type { RatingChannel, RatingLevel } from '@qms/protocol';
import type { Db } from './open';

export interface NewRating {
  ticketId: string;
  level: RatingLevel;
  reasons: string[];
  comment: string | null;
  counterId: number | null;
  staffId: number | null;
  serviceId: string;
  dossierCode: string | null;
  channel: RatingChannel;
  at: number;
}

/** "Not rated": what a rating records, without the answer. */
export type NewSkip = Omit<NewRating, 'level' | 'reasons' | 'comment'>;

/** The `ratings` table (one per ticket) and `rating_skips` ("not rated": asked, no answer in time). */
export function ratingQueries(db: Db) {
  const ratingOf = db.prepare<[string], { level: RatingLevel; channel: RatingChannel; at: number }>(`SELECT level, channel, at FROM ratings WHERE ticket_id = ?`);
  const skipOf = db.prepare<[string], { at: number }>(`SELECT at FROM rating_skips WHERE ticket_id = ?`);
  const lastFinished = db.prepare<[number], { id: string }>(
    `SELECT id FROM tickets WHERE counter_id = ? AND status = 'done' ORDER BY finished_at DESC, rowid DESC LIMIT 1`,
  );
  const insertRating = db.prepare(
    `INSERT INTO ratings (ticket_id, level, reasons, comment, counter_id, staff_id, service_id, dossier_code, channel, at)
     VALUES (@ticketId, @level, @reasons, @comment, @counterId, @staffId, @serviceId, @dossierCode, @channel, @at)`,
  );
  const insertSkip = db.prepare(
    `INSERT INTO rating_skips (ticket_id, counter_id, staff_id, service_id, dossier_code, channel, at)
     VALUES (@ticketId, @counterId, @staffId, @serviceId, @dossierCode, @channel, @at)`,
  );
  const unanswered = db.prepare<[number, number, number], { id: string }>(
    `SELECT t.id FROM tickets t
     WHERE t.status = 'done' AND t.counter_id = ? AND t.finished_at > ? AND t.finished_at <= ?
       AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.ticket_id = t.id)
       AND NOT EXISTS (SELECT 1 FROM rating_skips s WHERE s.ticket_id = t.id)
     ORDER BY t.finished_at`,
  );
  return {
    ratingOf: (ticketId: string) => ratingOf.get(ticketId) ?? null,
    isSkipped: (ticketId: string) => skipOf.get(ticketId) !== undefined,
    /** The ticket the counter finished last: the only one its devices may rate. */
    lastFinishedAt: (counterId: number) => lastFinished.get(counterId)?.id ?? null,
    insertRating: (r: NewRating) => Number(insertRating.run({ ...r, reasons: JSON.stringify(r.reasons) }).lastInsertRowid),
    insertSkip: (s: NewSkip) => void insertSkip.run(s),
    /** Tickets finished at a counter in (from, to] with neither a rating nor a skip. */
    unanswered: (counterId: number, from: number, to: number) => unanswered.all(counterId, from, to).map((r) => r.id),
  };
}
export type RatingQueries = ReturnType<typeof ratingQueries>;
