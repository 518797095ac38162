import { describe, it, expect } from 'vitest';
import { estimateWaitSeconds, median, type WaitEstimateInput } from './estimate';

const est = (over: Partial<WaitEstimateInput>) =>
  estimateWaitSeconds({ ahead: 4, recentServiceSeconds: [], defaultServiceSeconds: 300, openCounters: 1, ...over });

describe('median', () => {
  it('odd count: the middle value after sorting', () => {
    expect(median([5])).toBe(5);
    expect(median([300, 100, 200])).toBe(200);
    expect(median([9, 1, 8, 2, 7])).toBe(7);
  });

  it('even count: the mean of the two middle values', () => {
    expect(median([100, 200])).toBe(150);
    expect(median([1000, 100, 300, 200])).toBe(250);
  });

  it('sorts numerically, not as strings', () => {
    expect(median([90, 100, 1000])).toBe(100);
    expect(median([5, 40, 300, 2000, 10])).toBe(40);
  });

  it('does not reorder its input', () => {
    const xs = [300, 100, 200];
    median(xs);
    expect(xs).toEqual([300, 100, 200]);
  });
});

describe('estimateWaitSeconds', () => {
  it('0 when nobody is ahead, whatever the rest', () => {
    expect(est({ ahead: 0 })).toBe(0);
    expect(est({ ahead: 0, recentServiceSeconds: [100, 200, 300], openCounters: 0 })).toBe(0);
    expect(est({ ahead: -1 })).toBe(0);
  });

  it('uses the default service time with fewer than 3 recent samples', () => {
    expect(est({ ahead: 4, recentServiceSeconds: [] })).toBe(1200);
    expect(est({ ahead: 4, recentServiceSeconds: [10] })).toBe(1200);
    expect(est({ ahead: 4, recentServiceSeconds: [10, 20] })).toBe(1200);
  });

  it('uses the median of recent durations from 3 samples on', () => {
    expect(est({ ahead: 3, recentServiceSeconds: [100, 300, 200] })).toBe(600);
    expect(est({ ahead: 2, recentServiceSeconds: [1000, 100, 300, 200] })).toBe(500);
    // the median, not the mean: one very long dossier does not blow up the estimate
    expect(est({ ahead: 1, recentServiceSeconds: [120, 120, 3600] })).toBe(120);
  });

  it('divides by the open counters', () => {
    expect(est({ ahead: 4, openCounters: 2 })).toBe(600);
    expect(est({ ahead: 6, recentServiceSeconds: [60, 60, 60], openCounters: 3 })).toBe(120);
  });

  it('rounds to whole seconds', () => {
    expect(est({ ahead: 1, defaultServiceSeconds: 100, openCounters: 3 })).toBe(33);
    expect(est({ ahead: 2, defaultServiceSeconds: 100, openCounters: 3 })).toBe(67);
    expect(Number.isInteger(est({ ahead: 1, recentServiceSeconds: [1, 2, 3, 4], openCounters: 1 }))).toBe(true);
  });

  it('fewer than one open counter counts as one', () => {
    expect(est({ ahead: 4, openCounters: 0 })).toBe(1200);
    expect(est({ ahead: 4, openCounters: -3 })).toBe(1200);
    expect(Number.isFinite(est({ ahead: 4, openCounters: 0 }))).toBe(true);
  });

  it('grows linearly with the people ahead', () => {
    expect(est({ ahead: 1 })).toBe(300);
    expect(est({ ahead: 10 })).toBe(3000);
  });
});
