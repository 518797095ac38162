import { describe, expect, it } from 'vitest';
import { binOf, binRange, DurationSketch, figuresOf, FigureRollup, sketchErrorMs, type TicketFact } from './accumulator';

/** Deterministic pseudo-random numbers (mulberry32). */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const levels = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied'] as const;

/** Tickets with ms-precise times: waits from 0 to ~3 h (long tail), services from seconds to ~1 h. */
function tickets(n: number, seed: number): TicketFact[] {
  const rnd = prng(seed);
  return Array.from({ length: n }, () => {
    const issuedAt = 1_700_000_000_000 + Math.floor(rnd() * 9 * 3600_000);
    const roll = rnd();
    const status = roll < 0.07 ? 'no_show' : roll < 0.1 ? 'cancelled' : roll < 0.13 ? 'waiting' : 'done';
    const called = status === 'cancelled' || status === 'waiting' ? null : issuedAt + Math.floor(rnd() ** 2.5 * 3 * 3600_000);
    const startedAt = status === 'done' && rnd() < 0.8 ? called! + Math.floor(rnd() * 60_000) : null;
    const finishedAt = status === 'done' ? (startedAt ?? called!) + Math.floor(rnd() ** 2 * 3600_000) : null;
    const rated = status === 'done' && rnd() < 0.6;
    return {
      status,
      channel: rnd() < 0.8 ? 'kiosk' : rnd() < 0.5 ? 'desk' : 'api',
      issuedAt,
      firstCalledAt: called,
      startedAt,
      finishedAt,
      transferred: rnd() < 0.05,
      ratingSkipped: status === 'done' && rnd() < 0.2,
      rating: rated ? levels[Math.floor(rnd() ** 2 * 5)]! : null,
      ratingChannel: rated ? (rnd() < 0.7 ? 'tablet' : 'phone') : null,
      ratingDossier: rated && rnd() < 0.4,
    };
  });
}

/** Some tickets made booked ones: channel `appointment`, first called from 10 min before to 20 min after their slot (odd seeds: 25 min before to 5 min after). */
function withBookings(ts: TicketFact[], seed: number): TicketFact[] {
  const rnd = prng(seed);
  return ts.map((t) => {
    if (rnd() >= 0.2) return t;
    const slot = (t.firstCalledAt ?? t.issuedAt + 600_000) - Math.floor(rnd() * 30 * 60_000) + (seed % 2 ? 25 : 10) * 60_000;
    return { ...t, channel: 'appointment', appointmentAt: slot };
  });
}

/** The stated tolerance on a figure in seconds: the sketch's bound, plus 0.1 s for rounding both to 0.1 s. */
const within = (got: number, exact: number) => Math.abs(got - exact) <= sketchErrorMs(exact * 1000) / 1000 + 0.1 + 1e-9;

describe('DurationSketch', () => {
  it('puts every value in the bin whose range holds it, and the bins tile the line', () => {
    const rnd = prng(3);
    for (let i = 0; i < 20_000; i++) {
      const ms = Math.floor(rnd() ** 4 * 48 * 3600_000);
      const [lo, hi] = binRange(binOf(ms));
      expect(lo <= ms && ms < hi, `${ms} in [${lo}, ${hi})`).toBe(true);
    }
    for (let b = 0; b < 1500; b++) expect(binRange(b)[1]).toBe(binRange(b + 1)[0]);
    for (let k = 0; k < 20; k++) expect(binRange(binOf(6400 * 2 ** k))[0]).toBe(6400 * 2 ** k);
  });

  it('gives median and p90 within the stated bound of the exact ones, on generated data of many sizes', () => {
    for (const [n, seed] of [[1, 1], [2, 2], [7, 3], [100, 4], [1001, 5], [50_000, 6]] as const) {
      const ts = tickets(n, seed);
      const exact = figuresOf(ts);
      const r = new FigureRollup();
      for (const t of ts) r.add(t);
      const got = r.figures({ targetWaitSeconds: 900 });
      for (const d of ['waitSeconds', 'serviceSeconds'] as const) {
        const e = exact[d];
        const g = got[d];
        if (e.median === null) {
          expect(g).toEqual(e);
          continue;
        }
        expect(within(g.median!, e.median), `${d} median n=${n}: ${g.median} vs ${e.median}`).toBe(true);
        expect(within(g.p90!, e.p90!), `${d} p90 n=${n}: ${g.p90} vs ${e.p90}`).toBe(true);
        expect(g.max).toBe(e.max);
        expect(Math.abs(g.mean! - e.mean!)).toBeLessThanOrEqual(0.1);
      }
    }
  });

  it('is not just lucky: a coarser sketch (one bin per doubling) falls outside the tolerance on the same data', () => {
    const ts = tickets(50_000, 6);
    const waits = ts.flatMap((t) => (t.firstCalledAt === null ? [] : [t.firstCalledAt - t.issuedAt])).sort((a, b) => a - b);
    const coarse = new DurationSketch();
    for (const w of waits) coarse.add(Math.max(1, 2 ** Math.floor(Math.log2(Math.max(w, 1)))));
    const p90 = waits[Math.ceil(0.9 * waits.length) - 1]! / 1000;
    expect(within(Math.round(coarse.p90()! / 100) / 10, p90)).toBe(false);
  });
});

describe('FigureRollup', () => {
  const pick = (f: ReturnType<FigureRollup['figures']>) => {
    const { waitSeconds, serviceSeconds, bookedWaitSeconds: _b, walkInWaitSeconds: _w, punctualitySeconds: _p, ...counts } = f;
    return { counts, waitMean: waitSeconds.mean, serviceMax: serviceSeconds.max, waitMax: waitSeconds.max };
  };

  it('counts and rates equal the exact figures', () => {
    const ts = tickets(5000, 11);
    const r = new FigureRollup();
    for (const t of ts) r.add(t);
    const { waitSeconds, serviceSeconds, bookedWaitSeconds: _b, walkInWaitSeconds: _w, punctualitySeconds: _p, ...exact } = figuresOf(ts);
    const { waitSeconds: w, serviceSeconds: s, bookedWaitSeconds: _b2, walkInWaitSeconds: _w2, punctualitySeconds: _p2, ...got } = r.figures({ targetWaitSeconds: 900 });
    expect(got).toEqual(exact);
    expect(w.max).toBe(waitSeconds.max);
    expect(s.max).toBe(serviceSeconds.max);
  });

  it('merged parts, and parts through bytes, equal the whole; a ticket taken out is gone', () => {
    const ts = tickets(3000, 12);
    const whole = new FigureRollup();
    for (const t of ts) whole.add(t);
    const parts = [new FigureRollup(), new FigureRollup(), new FigureRollup()];
    ts.forEach((t, i) => parts[i % 3]!.add(t));
    const merged = new FigureRollup();
    for (const p of parts) merged.merge(p);
    const viaBytes = new FigureRollup();
    for (const p of parts) viaBytes.addEncoded(p.encode());
    const opts = { targetWaitSeconds: 600 };
    expect(merged.figures(opts)).toEqual(whole.figures(opts));
    expect(viaBytes.figures(opts)).toEqual(whole.figures(opts));
    expect(FigureRollup.decode(whole.encode()).encode()).toEqual(whole.encode());

    const extra = tickets(50, 13);
    for (const t of extra) viaBytes.add(t);
    for (const t of extra) viaBytes.add(t, -1);
    expect(pick(viaBytes.figures(opts))).toEqual(pick(whole.figures(opts)));
    expect(viaBytes.wait.sketch.counts.slice(0, whole.wait.sketch.counts.length)).toEqual(whole.wait.sketch.counts);
    for (const t of ts) viaBytes.add(t, -1);
    expect(viaBytes.isEmpty()).toBe(true);
  });

  it('tells when the max was taken out', () => {
    const a: TicketFact = { ...tickets(1, 21)[0]!, status: 'no_show', firstCalledAt: 1_700_000_100_000, issuedAt: 1_700_000_000_000 };
    const r = new FigureRollup();
    const longer = { ...a, firstCalledAt: a.firstCalledAt! + 60_000 };
    r.add(a);
    r.add(longer);
    expect(r.add(a, -1)).toBe(false);
    r.add(a);
    expect(r.add(longer, -1)).toBe(true);
    // Taken out and put back in the same place (a ticket whose status changed): the max is still known.
    const same = new FigureRollup();
    same.add(a);
    same.add(longer);
    same.add(longer);
    expect(same.add(longer, -1)).toBe(false);
    same.add(longer);
    expect(same.figures({ targetWaitSeconds: 900 }).waitSeconds.max).toBe(160);
  });

  it('booked and walk-in waits and punctuality (negative when called before the slot) agree with the exact ones, also through bytes and after taking out', () => {
    for (const [n, seed] of [[1, 31], [2, 32], [9, 33], [400, 34], [20_000, 35]] as const) {
      const ts = withBookings(tickets(n, seed), seed + 100);
      const exact = figuresOf(ts);
      const parts = [new FigureRollup(), new FigureRollup()];
      ts.forEach((t, i) => parts[i % 2]!.add(t));
      const r = new FigureRollup();
      for (const p of parts) r.addEncoded(p.encode());
      const got = r.figures({ targetWaitSeconds: 900 });
      // Tickets added and taken out again leave the same figures (but a max taken out must be found again).
      const extra = withBookings(tickets(30, seed + 7), seed + 8);
      for (const t of extra) r.add(t);
      let stale = false;
      for (const t of extra) stale = r.add(t, -1) || stale;
      const noMax = (f: typeof got) => [f.bookedWaitSeconds, f.walkInWaitSeconds, f.punctualitySeconds].map((d) => ({ ...d, max: stale ? 0 : d.max }));
      expect(noMax(r.figures({ targetWaitSeconds: 900 }))).toEqual(noMax(got));
      for (const d of ['bookedWaitSeconds', 'walkInWaitSeconds', 'punctualitySeconds'] as const) {
        const e = exact[d];
        const g = got[d];
        if (e.mean === null) {
          expect(g, `${d} n=${n}`).toEqual(e);
          continue;
        }
        expect(Math.abs(g.mean! - e.mean), `${d} mean n=${n}`).toBeLessThanOrEqual(0.1);
        expect(within(g.median!, e.median!), `${d} median n=${n}: ${g.median} vs ${e.median}`).toBe(true);
        expect(within(g.p90!, e.p90!), `${d} p90 n=${n}: ${g.p90} vs ${e.p90}`).toBe(true);
        if (d !== 'punctualitySeconds' || e.max! >= 0) expect(g.max, `${d} max n=${n}`).toBe(e.max);
      }
      if (n >= 400) {
        expect(exact.punctualitySeconds.median! < 0).toBe(seed % 2 === 1);
        expect(ts.some((t) => t.appointmentAt != null && t.firstCalledAt !== null && t.firstCalledAt < t.appointmentAt)).toBe(true);
      }
    }
  });

  it('reads a format 1 rollup (before bookings) with empty booked parts', () => {
    const ts = tickets(200, 41);
    const r = new FigureRollup();
    for (const t of ts) r.add(t);
    const bare = FigureRollup.decode(r.encode());
    const empty = new FigureRollup();
    [bare.bookedWait, bare.walkInWait, bare.punctuality] = [empty.bookedWait, empty.walkInWait, empty.punctuality];
    const v2 = bare.encode();
    // Format 1 is format 2 without the four trailing parts (each 5 zero bytes when empty: n, sum, max, atMax, no bins).
    expect([...v2.slice(-20)]).toEqual(new Array(20).fill(0));
    const v1 = new Uint8Array([1, ...v2.slice(1, v2.length - 20)]);
    const back = FigureRollup.decode(v1).figures({ targetWaitSeconds: 900 });
    expect(back).toEqual({ ...r.figures({ targetWaitSeconds: 900 }), walkInWaitSeconds: back.bookedWaitSeconds, punctualitySeconds: back.bookedWaitSeconds });
    expect(back.bookedWaitSeconds.mean).toBeNull();
  });

  it('refuses a wait target that is not a bucket edge', () => {
    expect(() => new FigureRollup().figures({ targetWaitSeconds: 700 })).toThrow(/5, 10, 15, 30, 60/);
  });
});
