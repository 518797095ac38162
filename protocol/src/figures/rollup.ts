// A rollup: what the figures of docs/figures.md need from a set of tickets, kept as counts, sums, the exact max and a
// DurationSketch, so rollups of days, fields, counters and officers add up to any period's figures without the
// tickets. Counts and rates come out exact; mean and max exact; median and p90 within the sketch's error bound.
// A ticket can be taken out again (`add(fact, -1)`), except for the max: `add` tells when a max may have gone stale.
import type { Figures } from '../stats';
import { emptyCounts, isBookedTicket, satisfiedShare, type FigureOptions, type TicketFact } from './accumulator';
import { ByteReader, ByteWriter, DurationSketch, writeSketch } from './sketch';

const levels = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied'] as const;
/** The wait buckets' edges in minutes (docs/figures.md), the last bucket open. */
export const waitBucketEdges = [5, 10, 15, 30, 60];

const round1 = (x: number) => Math.round(x * 10) / 10;

/** A duration's part of a rollup: count, sum, max (and how many values equal it) in ms, and the sketch. */
class Durations {
  n = 0;
  sum = 0;
  max = -Infinity;
  atMax = 0;
  sketch = new DurationSketch();

  private addMax(ms: number, times: number) {
    if (ms > this.max) [this.max, this.atMax] = [ms, times];
    else if (ms === this.max) this.atMax += times;
  }

  /** Adds (or takes out) a value; true when the last value equal to the max was taken out (find the max again). */
  add(ms: number, sign: number): boolean {
    this.n += sign;
    this.sum += sign * ms;
    this.sketch.add(ms, sign);
    if (sign > 0) {
      this.addMax(ms, 1);
      return false;
    }
    if (ms === this.max) this.atMax--;
    if (this.n === 0) [this.max, this.atMax] = [-Infinity, 0];
    return this.n > 0 && (this.atMax <= 0 || ms > this.max);
  }

  merge(o: Durations) {
    this.n += o.n;
    this.sum += o.sum;
    if (o.n > 0) this.addMax(o.max, o.atMax);
    this.sketch.merge(o.sketch);
  }

  distribution() {
    if (this.n <= 0) return { mean: null, median: null, p90: null, max: null };
    return {
      mean: round1(this.sum / 1000 / this.n),
      median: round1(this.sketch.median()! / 1000),
      p90: round1(this.sketch.p90()! / 1000),
      max: round1(this.max / 1000),
    };
  }

  write(w: ByteWriter) {
    w.int(this.n);
    w.int(this.sum);
    w.int(this.n > 0 ? this.max : 0);
    w.int(this.n > 0 ? this.atMax : 0);
    writeSketch(w, this.sketch);
  }

  /** Adds a stored part (`sign` −1 takes out its counts, sum and sketch, not its max). */
  addParsed(p: ParsedDurations, sign: number) {
    this.n += sign * p.n;
    this.sum += sign * p.sum;
    if (p.n > 0 && sign > 0) this.addMax(p.max, p.atMax);
    for (let i = 0; i < p.bins.length; i++) this.sketch.addBin(p.bins[i]!, sign * p.counts[i]!);
  }
}

/**
 * A signed duration (punctuality: first call − slot start, negative when called before the slot) as two Durations:
 * the lates (≥ 0) and the earlies (their size). Ranks run through the earlies largest first, then the lates. Mean is
 * exact; median and p90 within the sketch's bound; max exact when any value is ≥ 0, else read from the sketch.
 */
class SignedDurations {
  late = new Durations();
  early = new Durations();

  add(ms: number, sign: number): boolean {
    if (ms >= 0) return this.late.add(ms, sign);
    this.early.add(-ms, sign); // its max is never shown
    return false;
  }

  merge(o: SignedDurations) {
    this.late.merge(o.late);
    this.early.merge(o.early);
  }

  private atRank(r: number): number {
    const e = this.early.n;
    return r <= e ? -this.early.sketch.atRank(e - r + 1)! : this.late.sketch.atRank(r - e)!;
  }

  distribution() {
    const n = this.late.n + this.early.n;
    if (n <= 0) return { mean: null, median: null, p90: null, max: null };
    const median = n % 2 ? this.atRank((n + 1) / 2) : (this.atRank(n / 2) + this.atRank(n / 2 + 1)) / 2;
    return {
      mean: round1((this.late.sum - this.early.sum) / 1000 / n),
      median: round1(median / 1000),
      p90: round1(this.atRank(Math.ceil(0.9 * n)) / 1000),
      max: round1((this.late.n > 0 ? this.late.max : this.atRank(n)) / 1000),
    };
  }
}

interface ParsedDurations {
  n: number;
  sum: number;
  max: number;
  atMax: number;
  bins: number[];
  counts: number[];
}

function readDurations(r: ByteReader): ParsedDurations {
  const p: ParsedDurations = { n: r.int(), sum: r.int(), max: r.int(), atMax: r.int(), bins: [], counts: [] };
  const entries = r.uint();
  let bin = 0;
  for (let i = 0; i < entries; i++) {
    bin += r.uint();
    p.bins.push(bin);
    p.counts.push(r.int());
  }
  return p;
}

/** A stored rollup read once, to be added to several (a report's totals and each grouping's group). */
export interface ParsedRollup {
  /** issued, served, noShow, cancelled, transferred, skipped, withDossier, the five rating levels, the six buckets. */
  counts: number[];
  byChannel: [string, number][];
  ratingChannels: [string, number][];
  wait: ParsedDurations;
  service: ParsedDurations;
  /** Format 2 on: booked and walk-in waits, punctuality's lates and earlies (empty in a format 1 rollup). */
  bookedWait: ParsedDurations;
  walkInWait: ParsedDurations;
  punctualLate: ParsedDurations;
  punctualEarly: ParsedDurations;
}

const noDurations = (): ParsedDurations => ({ n: 0, sum: 0, max: 0, atMax: 0, bins: [], counts: [] });

const countFields = 7 + 5 + waitBucketEdges.length + 1;

export function parseRollup(bytes: Uint8Array): ParsedRollup {
  const r = new ByteReader(bytes);
  const version = r.uint();
  if (version !== 1 && version !== 2) throw new Error(`unknown rollup format ${version}`);
  const counts: number[] = [];
  for (let i = 0; i < countFields; i++) counts.push(r.int());
  const map = () => {
    const n = r.uint();
    const out: [string, number][] = [];
    for (let i = 0; i < n; i++) out.push([r.str(), r.int()]);
    return out;
  };
  const byChannel = map();
  const ratingChannels = map();
  const wait = readDurations(r);
  const service = readDurations(r);
  const more = () => (version >= 2 ? readDurations(r) : noDurations());
  return { counts, byChannel, ratingChannels, wait, service, bookedWait: more(), walkInWait: more(), punctualLate: more(), punctualEarly: more() };
}

const addTo = (m: Record<string, number>, key: string, by: number) => {
  const n = (m[key] ?? 0) + by;
  if (n === 0) delete m[key];
  else m[key] = n;
};

/** The wait and service time of a fact in ms (null where it has none), as the figures define them. */
export function durationsOf(t: TicketFact): { wait: number | null; service: number | null } {
  const begin = t.startedAt ?? t.firstCalledAt;
  return {
    wait: t.firstCalledAt === null ? null : t.firstCalledAt - t.issuedAt,
    service: t.status === 'done' && begin !== null && t.finishedAt !== null ? t.finishedAt - begin : null,
  };
}

export class FigureRollup {
  issued = 0;
  served = 0;
  noShow = 0;
  cancelled = 0;
  transferred = 0;
  skipped = 0;
  withDossier = 0;
  ratings = [0, 0, 0, 0, 0];
  byChannel: Record<string, number> = {};
  ratingChannels: Record<string, number> = {};
  buckets = new Array<number>(waitBucketEdges.length + 1).fill(0);
  wait = new Durations();
  service = new Durations();
  bookedWait = new Durations();
  walkInWait = new Durations();
  punctuality = new SignedDurations();

  /** Adds a ticket (sign 1) or takes it out (sign −1). True when a max was taken out and must be found again. */
  add(t: TicketFact, sign: 1 | -1 = 1): boolean {
    this.issued += sign;
    addTo(this.byChannel, t.channel, sign);
    const { wait, service } = durationsOf(t);
    let stale = false;
    if (wait !== null) {
      stale = this.wait.add(wait, sign) || stale;
      const b = waitBucketEdges.findIndex((m) => wait / 1000 <= m * 60);
      this.buckets[b === -1 ? waitBucketEdges.length : b]! += sign;
      stale = (isBookedTicket(t) ? this.bookedWait : this.walkInWait).add(wait, sign) || stale;
      if (t.appointmentAt != null) stale = this.punctuality.add(t.firstCalledAt! - t.appointmentAt, sign) || stale;
    }
    if (t.status === 'done') this.served += sign;
    else if (t.status === 'no_show') this.noShow += sign;
    else if (t.status === 'cancelled') this.cancelled += sign;
    if (service !== null) stale = this.service.add(service, sign) || stale;
    if (t.transferred) this.transferred += sign;
    if (t.ratingSkipped && !t.rating) this.skipped += sign;
    if (t.rating) {
      this.ratings[levels.indexOf(t.rating)]! += sign;
      if (t.ratingDossier) this.withDossier += sign;
      addTo(this.ratingChannels, t.ratingChannel ?? 'unknown', sign);
    }
    return stale;
  }

  merge(o: FigureRollup): void {
    this.issued += o.issued;
    this.served += o.served;
    this.noShow += o.noShow;
    this.cancelled += o.cancelled;
    this.transferred += o.transferred;
    this.skipped += o.skipped;
    this.withDossier += o.withDossier;
    for (let i = 0; i < this.ratings.length; i++) this.ratings[i]! += o.ratings[i]!;
    for (const [k, v] of Object.entries(o.byChannel)) addTo(this.byChannel, k, v);
    for (const [k, v] of Object.entries(o.ratingChannels)) addTo(this.ratingChannels, k, v);
    for (let i = 0; i < this.buckets.length; i++) this.buckets[i]! += o.buckets[i]!;
    this.wait.merge(o.wait);
    this.service.merge(o.service);
    this.bookedWait.merge(o.bookedWait);
    this.walkInWait.merge(o.walkInWait);
    this.punctuality.merge(o.punctuality);
  }

  /** True when nothing is left in it (every ticket taken out again). */
  isEmpty(): boolean {
    return this.issued === 0 && this.wait.n === 0 && this.service.n === 0 && this.ratings.every((r) => r === 0) && this.skipped === 0;
  }

  encode(): Uint8Array {
    const w = new ByteWriter();
    w.uint(2); // format version (1: without the booked, walk-in and punctuality parts)
    for (const v of [this.issued, this.served, this.noShow, this.cancelled, this.transferred, this.skipped, this.withDossier, ...this.ratings, ...this.buckets]) w.int(v);
    for (const m of [this.byChannel, this.ratingChannels]) {
      const entries = Object.entries(m);
      w.uint(entries.length);
      for (const [k, v] of entries) {
        w.str(k);
        w.int(v);
      }
    }
    this.wait.write(w);
    this.service.write(w);
    this.bookedWait.write(w);
    this.walkInWait.write(w);
    this.punctuality.late.write(w);
    this.punctuality.early.write(w);
    return w.bytes();
  }

  /** Adds an encoded rollup into this one (`sign` −1 takes it out, except its max). */
  addEncoded(bytes: Uint8Array, sign: 1 | -1 = 1): void {
    this.addParsed(parseRollup(bytes), sign);
  }

  addParsed(p: ParsedRollup, sign: 1 | -1 = 1): void {
    const c = p.counts;
    this.issued += sign * c[0]!;
    this.served += sign * c[1]!;
    this.noShow += sign * c[2]!;
    this.cancelled += sign * c[3]!;
    this.transferred += sign * c[4]!;
    this.skipped += sign * c[5]!;
    this.withDossier += sign * c[6]!;
    for (let i = 0; i < this.ratings.length; i++) this.ratings[i]! += sign * c[7 + i]!;
    for (let i = 0; i < this.buckets.length; i++) this.buckets[i]! += sign * c[12 + i]!;
    for (const [k, v] of p.byChannel) addTo(this.byChannel, k, sign * v);
    for (const [k, v] of p.ratingChannels) addTo(this.ratingChannels, k, sign * v);
    this.wait.addParsed(p.wait, sign);
    this.service.addParsed(p.service, sign);
    this.bookedWait.addParsed(p.bookedWait, sign);
    this.walkInWait.addParsed(p.walkInWait, sign);
    this.punctuality.late.addParsed(p.punctualLate, sign);
    this.punctuality.early.addParsed(p.punctualEarly, sign);
  }

  static decode(bytes: Uint8Array): FigureRollup {
    const f = new FigureRollup();
    f.addEncoded(bytes);
    return f;
  }

  /**
   * The contract's figures. `waitWithinTarget` comes from the wait buckets, so the target must be one of their edges
   * (`servesTarget`); callers with another target compute from the tickets instead.
   */
  figures(opts: FigureOptions): Figures {
    const [very_satisfied, satisfied, neutral, dissatisfied, very_dissatisfied] = this.ratings as [number, number, number, number, number];
    const r = { ...emptyCounts(), very_satisfied, satisfied, neutral, dissatisfied, very_dissatisfied, total: very_satisfied + satisfied + neutral + dissatisfied + very_dissatisfied };
    const called = this.wait.n;
    const edge = waitBucketEdges.indexOf(opts.targetWaitSeconds / 60);
    if (edge < 0) throw new Error(`a rollup counts waits within ${waitBucketEdges.join(', ')} minutes only, not ${opts.targetWaitSeconds} s`);
    const within = this.buckets.slice(0, edge + 1).reduce((a, b) => a + b, 0);
    return {
      issued: this.issued,
      served: this.served,
      noShow: this.noShow,
      cancelled: this.cancelled,
      waitSeconds: this.wait.distribution(),
      serviceSeconds: this.service.distribution(),
      ratings: r,
      satisfactionRate: satisfiedShare(r),
      transferred: this.transferred,
      issuedByChannel: { ...this.byChannel },
      waitWithinTarget: { targetSeconds: opts.targetWaitSeconds, count: within, share: called ? within / called : null },
      waitBuckets: this.buckets.map((count, i) => ({ upToMinutes: waitBucketEdges[i] ?? null, count })),
      responseRate: this.served ? r.total / this.served : null,
      ratingsByChannel: { ...this.ratingChannels },
      ratingsWithDossier: this.withDossier,
      ratingsSkipped: this.skipped,
      rate766: this.served ? 1 - (r.dissatisfied + r.very_dissatisfied) / this.served : null,
      bookedWaitSeconds: this.bookedWait.distribution(),
      walkInWaitSeconds: this.walkInWait.distribution(),
      punctualitySeconds: this.punctuality.distribution(),
    };
  }
}

/** Whether rollups can give `waitWithinTarget` for this target (it must be a wait-bucket edge). */
export const servesTarget = (targetWaitSeconds: number) => waitBucketEdges.includes(targetWaitSeconds / 60);
