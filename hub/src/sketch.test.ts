import { describe, expect, it } from 'vitest';
import { distribution } from '@qms/protocol/figures';
import { exactMax, mergeExactMax, SketchMerger, sketchOf } from './sketch';

// A deterministic generator (no Math.random): waits with a long tail, as a busy center has them.
function generated(n: number, seed: number) {
  let x = seed;
  const next = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: n }, () => Math.round(-Math.log(1 - next()) * 600_000 + next() * 2000) / 1000);
}

/** Median and p90 of the merged sketches of days of values. */
function fromSketches(days: number[][]) {
  const m = new SketchMerger();
  for (const d of days) m.add(sketchOf(d));
  return m.quantiles();
}

describe('duration sketch', () => {
  it('is exact while small: the same median and p90 as the figures computed over the values', () => {
    const days = [generated(300, 1), generated(exactMax, 2), generated(7, 3)];
    const exact = distribution(days.flat());
    const q = fromSketches(days);
    expect(Math.round(q.median! * 10) / 10).toBe(exact.median);
    expect(Math.round(q.p90! * 10) / 10).toBe(exact.p90);
    expect(sketchOf(days[1]!).v).toHaveLength(exactMax);
    expect(sketchOf(generated(exactMax + 1, 4)).v).toBeUndefined();
  });

  it('keeps median and p90 within 1 % of the exact ones on a city month of generated waits', () => {
    // 300 days × 1,000 waits = 300,000 values: more than a merge keeps exact, and each day is binned.
    const days = Array.from({ length: 300 }, (_, i) => generated(1000, 100 + i));
    expect(days.flat().length).toBeGreaterThan(mergeExactMax);
    const exact = distribution(days.flat());
    const q = fromSketches(days);
    expect(Math.abs(q.median! - exact.median!) / exact.median!).toBeLessThanOrEqual(0.01);
    expect(Math.abs(q.p90! - exact.p90!) / exact.p90!).toBeLessThanOrEqual(0.01);
    // A stored month row merged from binned days gives the same quantiles as the days themselves.
    const month = new SketchMerger();
    for (const d of days) month.add(sketchOf(d));
    const again = new SketchMerger();
    again.add(month.sketch(exactMax));
    expect(again.quantiles()).toEqual(q);
  });

  it('answers null for no values', () => {
    expect(new SketchMerger().quantiles()).toEqual({ median: null, p90: null });
  });
});
