// A mergeable sketch of a set of durations (seconds), for medians and p90 read from rollups instead of tickets.
// Exact while small: up to `exactMax` values are kept as they are (a center × field × day row rarely holds more),
// and a merge stays exact while the union holds at most `mergeExactMax` values. Beyond that the values fall into
// logarithmic bins: bin k ≥ 1 holds [γ^(k−1), γ^k) seconds with γ = 1.02, bin 0 holds [0, 1) s. A quantile then
// answers the middle of its bin: within 1 % of the exact value for durations of a second or more, within 0.5 s below.

export interface Sketch {
  /** How many values. */
  n: number;
  /** The values themselves, while there are at most `exactMax` (stored rows) or `mergeExactMax` (merges). */
  v?: number[];
  /** Otherwise: bin → count. */
  b?: Record<string, number>;
}

export const exactMax = 512;
export const mergeExactMax = 200_000;
const gamma = 1.02;
const logGamma = Math.log(gamma);

export const binOf = (x: number) => (x < 1 ? 0 : 1 + Math.floor(Math.log(x) / logGamma));
const binValue = (k: number) => (k === 0 ? 0.5 : (Math.pow(gamma, k - 1) + Math.pow(gamma, k)) / 2);

/** The sketch of a row's values. */
export function sketchOf(values: readonly number[]): Sketch {
  if (values.length <= exactMax) return { n: values.length, v: [...values] };
  const b: Record<string, number> = {};
  for (const x of values) b[binOf(x)] = (b[binOf(x)] ?? 0) + 1;
  return { n: values.length, b };
}

/** Merges sketches; exact while the union is small and every part is exact. */
export class SketchMerger {
  private values: number[] | null = [];
  private bins = new Map<number, number>();
  private n = 0;

  add(s: Sketch | null | undefined): void {
    if (!s || s.n === 0) return;
    this.n += s.n;
    if (this.values && s.v && this.values.length + s.v.length <= mergeExactMax) {
      for (const x of s.v) this.values.push(x);
      return;
    }
    if (this.values) {
      for (const x of this.values) this.bin(binOf(x), 1);
      this.values = null;
    }
    if (s.v) for (const x of s.v) this.bin(binOf(x), 1);
    else for (const [k, c] of Object.entries(s.b ?? {})) this.bin(Number(k), c);
  }

  private bin(k: number, c: number) {
    this.bins.set(k, (this.bins.get(k) ?? 0) + c);
  }

  /** The union as one sketch to store: its values while exact and at most `max`, else its bins. */
  sketch(max: number): Sketch {
    if (this.values && this.values.length <= max) return { n: this.n, v: [...this.values] };
    const b: Record<string, number> = {};
    if (this.values) for (const x of this.values) b[binOf(x)] = (b[binOf(x)] ?? 0) + 1;
    for (const [k, c] of this.bins) b[k] = (b[k] ?? 0) + c;
    return { n: this.n, b };
  }

  /** The value of rank r (1-based) in the sorted union, exact or its bin's middle. */
  private rankValues(ranks: number[]): number[] {
    if (this.values) {
      const s = this.values.sort((a, b) => a - b);
      return ranks.map((r) => s[r - 1]!);
    }
    const sorted = [...this.bins.entries()].sort(([a], [b]) => a - b);
    return ranks.map((r) => {
      let seen = 0;
      for (const [k, c] of sorted) {
        seen += c;
        if (seen >= r) return binValue(k);
      }
      return binValue(sorted[sorted.length - 1]![0]);
    });
  }

  /** Median (the mean of the two middle values when n is even) and p90 (nearest rank), as a center's report defines them. */
  quantiles(): { median: number | null; p90: number | null } {
    const n = this.n;
    if (n === 0) return { median: null, p90: null };
    const mid = n >> 1;
    const [lo, hi, p90] = this.rankValues(n % 2 ? [mid + 1, mid + 1, Math.ceil(0.9 * n)] : [mid, mid + 1, Math.ceil(0.9 * n)]);
    return { median: (lo! + hi!) / 2, p90: p90! };
  }
}
