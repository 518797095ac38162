// The figure definitions (docs/figures.md) for every workspace that computes them: the center's reports and the city
// hub's. Zod-free, pure.
import type { RatingLevel } from '../enums';
import type { Figures, RatingCounts } from '../stats';

/** One ticket as the figures need it; times in ms since the epoch. */
export interface TicketFact {
  status: string;
  channel: string;
  issuedAt: number;
  firstCalledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  transferred: boolean;
  ratingSkipped: boolean;
  rating: RatingLevel | null;
  ratingChannel: string | null;
  ratingDossier: boolean;
  /** A booked ticket's slot start (absent or null for walk-ins, and at the city hub). */
  appointmentAt?: number | null | undefined;
}

/** A ticket from a checked-in booking (docs/figures.md "Lịch hẹn"). */
export const isBookedTicket = (t: TicketFact) => t.channel === 'appointment';

export interface FigureOptions {
  targetWaitSeconds: number;
}

const bucketEdges = [5, 10, 15, 30, 60];

const round1 = (x: number) => Math.round(x * 10) / 10;

/** mean, median, p90 (nearest rank) and max of the values, in seconds to 0.1 s; null where there are none. */
export function distribution(values: number[]) {
  if (values.length === 0) return { mean: null, median: null, p90: null, max: null };
  const s = values.sort((a, b) => a - b);
  const n = s.length;
  const mid = n >> 1;
  const median = n % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return {
    mean: round1(s.reduce((a, b) => a + b, 0) / n),
    median: round1(median),
    p90: round1(s[Math.ceil(0.9 * n) - 1]!),
    max: round1(s[n - 1]!),
  };
}

export const emptyCounts = (): RatingCounts => ({ very_satisfied: 0, satisfied: 0, neutral: 0, dissatisfied: 0, very_dissatisfied: 0, total: 0 });

export const satisfiedShare = (c: RatingCounts) => (c.total ? (c.very_satisfied + c.satisfied) / c.total : null);

/** Adds tickets one by one; `figures()` gives the contract's figures (definitions in docs/figures.md). */
export class FigureAccumulator {
  private ratings = emptyCounts();
  private waits: number[] = [];
  private services: number[] = [];
  private issued = 0;
  private served = 0;
  private noShow = 0;
  private cancelled = 0;
  private transferred = 0;
  private withinTarget = 0;
  private buckets = new Array<number>(bucketEdges.length + 1).fill(0);
  private skipped = 0;
  private withDossier = 0;
  private byChannel: Record<string, number> = {};
  private ratingChannels: Record<string, number> = {};
  private bookedWaits: number[] = [];
  private walkInWaits: number[] = [];
  private punctuality: number[] = [];

  constructor(private readonly opts: FigureOptions) {}

  add(t: TicketFact): void {
    this.issued++;
    this.byChannel[t.channel] = (this.byChannel[t.channel] ?? 0) + 1;
    if (t.firstCalledAt !== null) {
      const wait = (t.firstCalledAt - t.issuedAt) / 1000;
      this.waits.push(wait);
      if (wait <= this.opts.targetWaitSeconds) this.withinTarget++;
      const b = bucketEdges.findIndex((m) => wait <= m * 60);
      this.buckets[b === -1 ? bucketEdges.length : b]!++;
      (isBookedTicket(t) ? this.bookedWaits : this.walkInWaits).push(wait);
      if (t.appointmentAt != null) this.punctuality.push((t.firstCalledAt - t.appointmentAt) / 1000);
    }
    if (t.status === 'done') {
      this.served++;
      const begin = t.startedAt ?? t.firstCalledAt;
      if (begin !== null && t.finishedAt !== null) this.services.push((t.finishedAt - begin) / 1000);
    } else if (t.status === 'no_show') this.noShow++;
    else if (t.status === 'cancelled') this.cancelled++;
    if (t.transferred) this.transferred++;
    if (t.ratingSkipped && !t.rating) this.skipped++;
    if (t.rating) {
      this.ratings[t.rating]++;
      this.ratings.total++;
      if (t.ratingDossier) this.withDossier++;
      const ch = t.ratingChannel ?? 'unknown';
      this.ratingChannels[ch] = (this.ratingChannels[ch] ?? 0) + 1;
    }
  }

  figures(): Figures {
    const r = this.ratings;
    const called = this.waits.length;
    return {
      issued: this.issued,
      served: this.served,
      noShow: this.noShow,
      cancelled: this.cancelled,
      waitSeconds: distribution(this.waits),
      serviceSeconds: distribution(this.services),
      ratings: { ...r },
      satisfactionRate: satisfiedShare(r),
      transferred: this.transferred,
      issuedByChannel: { ...this.byChannel },
      waitWithinTarget: { targetSeconds: this.opts.targetWaitSeconds, count: this.withinTarget, share: called ? this.withinTarget / called : null },
      waitBuckets: this.buckets.map((count, i) => ({ upToMinutes: bucketEdges[i] ?? null, count })),
      responseRate: this.served ? r.total / this.served : null,
      ratingsByChannel: { ...this.ratingChannels },
      ratingsWithDossier: this.withDossier,
      ratingsSkipped: this.skipped,
      rate766: this.served ? 1 - (r.dissatisfied + r.very_dissatisfied) / this.served : null,
      bookedWaitSeconds: distribution(this.bookedWaits),
      walkInWaitSeconds: distribution(this.walkInWaits),
      punctualitySeconds: distribution(this.punctuality),
    };
  }
}

/** Adds paper ballots, the combined rate and the target check to figures. */
export function withPaper(f: Figures, paper: RatingCounts, target: number | undefined): Figures {
  const combined = { ...emptyCounts() };
  for (const k of ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied', 'total'] as const) combined[k] = f.ratings[k] + paper[k];
  const rate = satisfiedShare(combined);
  return {
    ...f,
    paperBallots: paper,
    combined: { total: combined.total, satisfactionRate: rate },
    ...(target !== undefined ? { satisfactionTarget: target, belowTarget: rate === null ? null : rate < target } : {}),
  };
}

/** Figures over a list of tickets (tests and small callers). */
export function figuresOf(tickets: readonly TicketFact[], opts: FigureOptions = { targetWaitSeconds: 900 }): Figures {
  const acc = new FigureAccumulator(opts);
  for (const t of tickets) acc.add(t);
  return acc.figures();
}

export * from './sketch';
export * from './rollup';
