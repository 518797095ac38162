import { toLocalIso, type RatingBody, type RatingChannel, type RatingPromptDto, type TicketRatingDto } from '@qms/protocol';
import { deviceWindowSeconds, ratingQuestion, scaleLevels } from '../config/rating';
import { QueueError, type QueueErrorCode, type Ticket } from '../queue';
import { ratingQueries } from '../store/ratings';
import { ratingsWithRollups } from '../stats/rollups';
import { ratingSecret } from '../store/secrets';
import type { FloorContext, Tx } from './context';
import { ratingKeys } from './rate-key';

/**
 * Who sends a rating: a counter's tablet, a counter's button box, the phone page opened from the ticket's QR (with
 * the ticket's rating key from that QR, if it has one), or someone signed in with an account, who never may.
 */
export type Rater =
  | { channel: 'tablet'; deviceId: string; counterId: number | null }
  | { channel: 'box'; deviceId: string; counterId: number; buttons: 3 | 4 | 5 }
  | { channel: 'phone'; key: string | null }
  | { channel: 'account'; userId: number };

/** How far back the "not rated" sweep looks, so a restart still closes the prompts of the last hours. */
const SWEEP_LOOKBACK_MS = 12 * 3600_000;

/**
 * The rating rules, the same for every channel: one rating per ticket, only once it was served, only within the
 * window. A counter's devices (tablet, box) may rate only the ticket that counter finished last, within a short
 * window; when that passes unanswered the ticket is recorded as "not rated" (`rating_skips`), never as a rating.
 * The phone page must show the ticket's rating key, which only the ticket's QR carries (the id alone is seen by the
 * whole LAN), and may rate within `ratingWindowMinutes`. An account (officer, manager, admin) never rates.
 */
export function createRatings(ctx: FloorContext) {
  const q = ratingsWithRollups(ratingQueries(ctx.db), ctx.rollups);
  // Read at each use: the admin may change the scale and the windows while the server runs (reloadSetup replaces
  // `ctx.config.rating`); ratings already stored keep the level they were given.
  const cfg = () => ctx.config.rating;
  const deviceWindowMs = () => deviceWindowSeconds(cfg()) * 1000;
  const phoneWindowMs = () => ctx.config.ratingWindowMinutes * 60_000;
  const tabletCounters = new Set(ctx.config.devices.flatMap((d) => (d.kind === 'rating' && d.counterId !== null ? [d.counterId] : [])));
  const boxCounters = new Set((ctx.config.hardware.ratingBoxes ?? []).map((b) => b.counterId));
  const askedCounters = [...new Set([...tabletCounters, ...boxCounters])];
  const keys = ratingKeys(ratingSecret(ctx.db));

  function ticketOrThrow(id: string): Ticket {
    const t = ctx.q.tickets.get(id);
    if (!t) throw new QueueError('unknown_ticket', { ticket: id });
    return t;
  }

  function checkAnswer(body: RatingBody, rater: Rater) {
    const offered = rater.channel === 'box' ? scaleLevels[rater.buttons] : scaleLevels[cfg().scale];
    if (!offered.includes(body.level)) throw new QueueError('rating_level_not_offered', { level: body.level, allowed: offered.join(', ') });
    const reasons = [...new Set(body.reasons ?? [])];
    const known = new Set(cfg().reasons.map((r) => r.id));
    const unknown = reasons.find((r) => !known.has(r));
    if (unknown !== undefined) throw new QueueError('unknown_rating_reason', { reason: unknown, allowed: [...known].join(', ') });
    if (reasons.length > 0 && !cfg().askReasonsFor.includes(body.level)) throw new QueueError('reasons_only_when_low', { level: body.level });
    const comment = body.comment?.trim() ? body.comment.trim() : null;
    return { reasons, comment };
  }

  /** A phone without the ticket's key does not hold the citizen's ticket (paper or kiosk screen). */
  function checkKey(t: Ticket, key: string | null) {
    if (!keys.matches(t.id, key)) throw new QueueError(key ? 'rating_key_wrong' : 'rating_key_missing');
  }

  /** Why this rater may not rate this ticket now, or null. */
  function blockedBy(t: Ticket, rater: Exclude<Rater, { channel: 'account' }>, now: number): [QueueErrorCode, Record<string, string | number>] | null {
    if (t.status !== 'done' || t.finishedAt === null) return ['not_served_yet', { number: t.number }];
    if (q.ratingOf(t.id)) return ['already_rated', { number: t.number }];
    if (rater.channel === 'phone') return now - t.finishedAt > phoneWindowMs() ? ['rating_window_closed', { number: t.number }] : null;
    const counter = rater.counterId ?? '?';
    if (rater.counterId === null || t.counterId !== rater.counterId || q.lastFinishedAt(rater.counterId) !== t.id) {
      return ['rating_wrong_counter', { counter }];
    }
    if (now - t.finishedAt > deviceWindowMs() || q.isSkipped(t.id)) return ['rating_window_closed', { number: t.number }];
    return null;
  }

  function rate(body: RatingBody, rater: Rater) {
    if (rater.channel === 'account') throw new QueueError('rating_by_staff');
    return ctx.run((tx) => {
      const t = ticketOrThrow(body.ticketId);
      if (rater.channel === 'phone') checkKey(t, rater.key);
      const { reasons, comment } = checkAnswer(body, rater);
      const blocked = blockedBy(t, rater, tx.now);
      if (blocked) throw new QueueError(...blocked);
      const channel: RatingChannel = rater.channel;
      const id = q.insertRating({
        ticketId: t.id,
        level: body.level,
        reasons,
        comment,
        counterId: t.counterId,
        staffId: t.staffId,
        serviceId: t.serviceId,
        dossierCode: t.dossierCode,
        channel,
        at: tx.now,
      });
      tx.log({ type: 'rating.received', ticketId: t.id, counterId: t.counterId, staffId: t.staffId, payload: { level: body.level, channel, reasons } });
      tx.emit({ type: 'rating.received', ticketId: t.id, counterId: t.counterId, level: body.level, channel });
      return { id, ticketId: t.id, level: body.level, counterId: t.counterId, staffId: t.staffId, serviceId: t.serviceId, at: toLocalIso(tx.now, ctx.timeZone) };
    }, { label: 'rate' });
  }

  /** The ticket a counter's device should ask about now: finished last there, unanswered, still inside the ask time. */
  function prompt(counterId: number): RatingPromptDto {
    const now = ctx.deps.now();
    const id = q.lastFinishedAt(counterId);
    const t = id ? ctx.q.tickets.get(id) : undefined;
    if (!t || t.finishedAt === null || q.ratingOf(t.id) || q.isSkipped(t.id)) return { prompt: null };
    const secondsLeft = Math.ceil(cfg().askSeconds - (now - t.finishedAt) / 1000);
    if (secondsLeft <= 0) return { prompt: null };
    const staff = t.staffId === null ? null : ctx.q.users.byId(t.staffId);
    const service = ctx.services.find((s) => s.id === t.serviceId);
    return {
      prompt: {
        ticketId: t.id,
        number: t.number,
        serviceId: t.serviceId,
        serviceName: service?.name ?? t.serviceId,
        counterId,
        staffName: staff?.name ?? null,
        finishedAt: toLocalIso(t.finishedAt, ctx.timeZone),
        secondsLeft,
      },
    };
  }

  /** What the ticket's QR page shows: whether it can be rated now, and the rating if there is one. */
  function ofTicket(ticketId: string): TicketRatingDto {
    const t = ticketOrThrow(ticketId);
    const r = q.ratingOf(t.id);
    const blocked = blockedBy(t, { channel: 'phone', key: null }, ctx.deps.now());
    return {
      ticketId: t.id,
      number: t.number,
      status: t.status,
      blockedBy: blocked?.[0] ?? null,
      rating: r ? { level: r.level, channel: r.channel, at: toLocalIso(r.at, ctx.timeZone) } : null,
      rateUntil: t.status === 'done' && t.finishedAt !== null ? toLocalIso(t.finishedAt + phoneWindowMs(), ctx.timeZone) : null,
    };
  }

  /** Records "not rated" for every ticket a counter's device asked about whose time ran out unanswered. */
  function expireUnanswered(): number {
    const now = ctx.deps.now();
    const due = askedCounters.flatMap((c) => q.unanswered(c, now - deviceWindowMs() - SWEEP_LOOKBACK_MS, now - deviceWindowMs()));
    if (due.length === 0) return 0;
    ctx.run((tx) => due.forEach((id) => skip(tx, ticketOrThrow(id))));
    return due.length;
  }

  function skip(tx: Tx, t: Ticket) {
    const channel: RatingChannel = t.counterId !== null && tabletCounters.has(t.counterId) ? 'tablet' : 'box';
    q.insertSkip({ ticketId: t.id, counterId: t.counterId, staffId: t.staffId, serviceId: t.serviceId, dossierCode: t.dossierCode, channel, at: tx.now });
    tx.log({ type: 'rating.skipped', ticketId: t.id, counterId: t.counterId, staffId: t.staffId, payload: { reason: 'timeout', channel } });
    tx.emit({ type: 'rating.skipped', ticketId: t.id, counterId: t.counterId });
  }

  return {
    rate,
    prompt,
    ofTicket,
    expireUnanswered,
    /** The ticket's rating key, carried only by its QR (`/t/<id>?k=<key>`). */
    keyOf: keys.keyOf,
    question: () => ratingQuestion(cfg()),
    askedCounters: () => askedCounters,
  };
}
export type Ratings = ReturnType<typeof createRatings>;

