import { toLocalIso, type RatingBody } from '@qms/protocol';
import { QueueError } from '../queue';
import type { FloorContext } from './context';

/** Who sends a rating: the rating device of a counter, or the phone page opened from the ticket's QR. */
export type Rater = { kind: 'device'; deviceId: string; counterId: number | null } | { kind: 'phone' };

/**
 * One rating per ticket, only once it was served, only within the rating window; a counter's device may rate only
 * the ticket its counter finished last, so repeated taps cannot inflate the figures.
 */
export function rateTicket(ctx: FloorContext, body: RatingBody, rater: Rater) {
  return ctx.run((tx) => {
    const t = ctx.q.tickets.get(body.ticketId);
    if (!t) throw new QueueError('unknown_ticket', { ticket: body.ticketId });
    if (t.status !== 'done' || t.finishedAt === null) throw new QueueError('not_served_yet', { number: t.number });
    const rated = ctx.db.prepare<[string], { id: number }>(`SELECT id FROM ratings WHERE ticket_id = ?`).get(t.id);
    if (rated) throw new QueueError('already_rated', { number: t.number });
    if (tx.now - t.finishedAt > ctx.config.ratingWindowMinutes * 60_000) throw new QueueError('rating_window_closed', { number: t.number });
    if (rater.kind === 'device') {
      const last = ctx.db
        .prepare<[number], { id: string }>(`SELECT id FROM tickets WHERE counter_id = ? AND status = 'done' ORDER BY finished_at DESC LIMIT 1`)
        .get(rater.counterId ?? -1);
      if (rater.counterId === null || t.counterId !== rater.counterId || last?.id !== t.id) {
        throw new QueueError('rating_wrong_counter', { counter: rater.counterId ?? '?' });
      }
    }
    const channel = rater.kind === 'device' ? 'tablet' : 'phone';
    const id = Number(
      ctx.db
        .prepare(
          `INSERT INTO ratings (ticket_id, level, reasons, comment, counter_id, staff_id, service_id, dossier_code, channel, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(t.id, body.level, JSON.stringify(body.reasons ?? []), body.comment ?? null, t.counterId, t.staffId, t.serviceId, t.dossierCode, channel, tx.now)
        .lastInsertRowid,
    );
    tx.log({ type: 'rating.received', ticketId: t.id, counterId: t.counterId, staffId: t.staffId, payload: { level: body.level, channel } });
    return { id, ticketId: t.id, level: body.level, counterId: t.counterId, staffId: t.staffId, serviceId: t.serviceId, at: toLocalIso(tx.now, ctx.timeZone) };
  });
}
