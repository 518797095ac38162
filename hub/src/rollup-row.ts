// One rollup row (a center × field × day, or × month) and how rows add up to a report's figures. Counts and sums add
// exactly, so every count and rate of a report read from rollups is the one read from the tickets; medians and p90
// come from the rows' sketches (sketch.ts). The per-ticket rules are the figures' own (FigureAccumulator).
import type { Figures } from '@qms/protocol';
import { FigureAccumulator, figuresOf, satisfiedShare, type TicketFact } from '@qms/protocol/figures';
import { sketchOf, SketchMerger, exactMax, type Sketch } from './sketch';

export const targetWaitSeconds = 15 * 60;
const levels = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied'] as const;
const bucketEdges = figuresOf([]).waitBuckets.map((b) => b.upToMinutes);

export interface RollupRow {
  center_id: number;
  day: string;
  service_id: string;
  issued: number;
  served: number;
  no_show: number;
  cancelled: number;
  transferred: number;
  called: number;
  wait_seconds_sum: number;
  wait_seconds_max: number | null;
  service_timed: number;
  service_seconds_sum: number;
  service_seconds_max: number | null;
  very_satisfied: number;
  satisfied: number;
  neutral: number;
  dissatisfied: number;
  very_dissatisfied: number;
  ratings_with_dossier: number;
  ratings_skipped: number;
  wait_within_target: number;
  wait_buckets: number[];
  issued_by_channel: Record<string, number>;
  ratings_by_channel: Record<string, number>;
  wait_sketch: Sketch | null;
  service_sketch: Sketch | null;
}

export const rollupColumns = [
  'center_id', 'day', 'service_id', 'issued', 'served', 'no_show', 'cancelled', 'transferred', 'called', 'wait_seconds_sum', 'wait_seconds_max',
  'service_timed', 'service_seconds_sum', 'service_seconds_max', ...levels, 'ratings_with_dossier', 'ratings_skipped', 'wait_within_target', 'wait_buckets',
  'issued_by_channel', 'ratings_by_channel', 'wait_sketch', 'service_sketch',
] as const;

/** A day's row from its tickets (in a fixed order, so a rebuild writes the same row). */
export function rowOfFacts(centerId: number, day: string, serviceId: string, facts: readonly TicketFact[]): RollupRow {
  const acc = new FigureAccumulator({ targetWaitSeconds });
  const waits: number[] = [];
  const services: number[] = [];
  let waitMs = 0;
  let serviceMs = 0;
  for (const t of facts) {
    acc.add(t);
    if (t.firstCalledAt !== null) {
      waitMs += t.firstCalledAt - t.issuedAt;
      waits.push((t.firstCalledAt - t.issuedAt) / 1000);
    }
    const begin = t.startedAt ?? t.firstCalledAt;
    if (t.status === 'done' && begin !== null && t.finishedAt !== null) {
      serviceMs += t.finishedAt - begin;
      services.push((t.finishedAt - begin) / 1000);
    }
  }
  const f = acc.figures();
  return {
    center_id: centerId,
    day,
    service_id: serviceId,
    issued: f.issued,
    served: f.served,
    no_show: f.noShow,
    cancelled: f.cancelled,
    transferred: f.transferred,
    called: waits.length,
    wait_seconds_sum: waitMs / 1000,
    wait_seconds_max: waits.length ? Math.max(...waits) : null,
    service_timed: services.length,
    service_seconds_sum: serviceMs / 1000,
    service_seconds_max: services.length ? Math.max(...services) : null,
    ...Object.fromEntries(levels.map((k) => [k, f.ratings[k]])),
    ratings_with_dossier: f.ratingsWithDossier,
    ratings_skipped: f.ratingsSkipped,
    wait_within_target: f.waitWithinTarget.count,
    wait_buckets: f.waitBuckets.map((b) => b.count),
    issued_by_channel: f.issuedByChannel,
    ratings_by_channel: f.ratingsByChannel,
    wait_sketch: sketchOf(waits),
    service_sketch: sketchOf(services),
  } as RollupRow;
}

const addTo = (into: Record<string, number>, from: Record<string, number>) => {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
};
const maxOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Adds rollup rows: into figures (a report line) or into one row (a month from its days). */
export class RollupSum {
  private r: Omit<RollupRow, 'center_id' | 'day' | 'service_id' | 'wait_sketch' | 'service_sketch'> = {
    issued: 0, served: 0, no_show: 0, cancelled: 0, transferred: 0, called: 0, wait_seconds_sum: 0, wait_seconds_max: null, service_timed: 0,
    service_seconds_sum: 0, service_seconds_max: null, very_satisfied: 0, satisfied: 0, neutral: 0, dissatisfied: 0, very_dissatisfied: 0,
    ratings_with_dossier: 0, ratings_skipped: 0, wait_within_target: 0, wait_buckets: bucketEdges.map(() => 0), issued_by_channel: {}, ratings_by_channel: {},
  };
  // Sums of durations in whole ms (the events' times are ms): they add exactly, in any order.
  private waitMs = 0;
  private serviceMs = 0;
  private waits = new SketchMerger();
  private services = new SketchMerger();

  add(row: RollupRow): void {
    const r = this.r;
    for (const k of ['issued', 'served', 'no_show', 'cancelled', 'transferred', 'called', 'service_timed', ...levels, 'ratings_with_dossier', 'ratings_skipped', 'wait_within_target'] as const) {
      r[k] += row[k];
    }
    this.waitMs += Math.round(row.wait_seconds_sum * 1000);
    this.serviceMs += Math.round(row.service_seconds_sum * 1000);
    r.wait_seconds_max = maxOf(r.wait_seconds_max, row.wait_seconds_max);
    r.service_seconds_max = maxOf(r.service_seconds_max, row.service_seconds_max);
    row.wait_buckets.forEach((c, i) => (r.wait_buckets[i] = (r.wait_buckets[i] ?? 0) + c));
    addTo(r.issued_by_channel, row.issued_by_channel);
    addTo(r.ratings_by_channel, row.ratings_by_channel);
    this.waits.add(row.wait_sketch);
    this.services.add(row.service_sketch);
  }

  row(centerId: number, day: string, serviceId: string): RollupRow {
    return {
      ...this.r,
      center_id: centerId,
      day,
      service_id: serviceId,
      wait_seconds_sum: this.waitMs / 1000,
      service_seconds_sum: this.serviceMs / 1000,
      wait_sketch: this.waits.sketch(exactMax),
      service_sketch: this.services.sketch(exactMax),
    };
  }

  figures(): Figures {
    const r = this.r;
    const ratings = { ...Object.fromEntries(levels.map((k) => [k, r[k]])), total: levels.reduce((s, k) => s + r[k], 0) } as Figures['ratings'];
    const dist = (n: number, ms: number, max: number | null, q: SketchMerger) => {
      if (n === 0) return { mean: null, median: null, p90: null, max: null };
      const { median, p90 } = q.quantiles();
      return { mean: round1(ms / 1000 / n), median: round1(median!), p90: round1(p90!), max: round1(max!) };
    };
    return {
      issued: r.issued,
      served: r.served,
      noShow: r.no_show,
      cancelled: r.cancelled,
      waitSeconds: dist(r.called, this.waitMs, r.wait_seconds_max, this.waits),
      serviceSeconds: dist(r.service_timed, this.serviceMs, r.service_seconds_max, this.services),
      ratings,
      satisfactionRate: satisfiedShare(ratings),
      transferred: r.transferred,
      issuedByChannel: { ...r.issued_by_channel },
      waitWithinTarget: { targetSeconds: targetWaitSeconds, count: r.wait_within_target, share: r.called ? r.wait_within_target / r.called : null },
      waitBuckets: bucketEdges.map((upToMinutes, i) => ({ upToMinutes, count: r.wait_buckets[i] ?? 0 })),
      responseRate: r.served ? ratings.total / r.served : null,
      ratingsByChannel: { ...r.ratings_by_channel },
      ratingsWithDossier: r.ratings_with_dossier,
      ratingsSkipped: r.ratings_skipped,
      rate766: r.served ? 1 - (ratings.dissatisfied + ratings.very_dissatisfied) / r.served : null,
    };
  }
}
