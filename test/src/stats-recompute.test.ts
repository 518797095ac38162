import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOfLocalDay } from '@qms/protocol';
import { simulateMonth } from './support/stats-month';
import { client, login, startTestServer, testClock, type TestServer } from './support/server';

/**
 * The summary is recomputed here by another route: the issue date from the `ticket.issued` event's instant through
 * Intl (not `service_day`), wait and service times and transfers from the event log, the counter and officer from the
 * last call event, ratings from the ratings table; then every figure is compared.
 */
const tz = 'Asia/Ho_Chi_Minh';
const dayFmt = new Intl.DateTimeFormat('sv-SE', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' });
const hourFmt = new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', hourCycle: 'h23' });
const localDay = (ms: number) => dayFmt.format(ms);
const localHour = (ms: number) => Number(hourFmt.format(ms));

interface Event {
  type: string;
  ticket_id: string;
  counter_id: number | null;
  staff_id: number | null;
  at: number;
}
interface Rating {
  ticket_id: string;
  level: string;
  channel: string;
  dossier_code: string | null;
}
interface Visit {
  id: string;
  serviceId: string;
  channel: string;
  day: string;
  hour: number;
  weekday: number;
  counterId: number | null;
  staffId: number | null;
  outcome: 'done' | 'no_show' | 'cancelled' | 'open';
  wait: number | null;
  service: number | null;
  transferred: boolean;
  /** Transferred after its last call and never called again: waiting once more, with no counter on its row. */
  transferredLast: boolean;
  skipped: boolean;
  rating: Rating | undefined;
}

function visits(server: TestServer): Visit[] {
  const tickets = server.db.prepare<[], { id: string; service_id: string; channel: string }>(`SELECT id, service_id, channel FROM tickets`).all();
  const events = server.db.prepare<[], Event>(`SELECT type, ticket_id, counter_id, staff_id, at FROM events WHERE ticket_id IS NOT NULL ORDER BY id`).all();
  const ratings = new Map(server.db.prepare<[], Rating>(`SELECT ticket_id, level, channel, dossier_code FROM ratings`).all().map((r) => [r.ticket_id, r]));
  const byTicket = groupBy(events, (e) => e.ticket_id);
  return tickets.map((t) => {
    const evs = byTicket.get(t.id) ?? [];
    const of = (type: string) => evs.filter((e) => e.type === `ticket.${type}`);
    const issued = of('issued')[0]!.at;
    const calls = of('called');
    // Called, called again, or brought back from hold: each is a counter calling the citizen.
    const lastCall = evs.filter((e) => ['ticket.called', 'ticket.recalled', 'ticket.unheld'].includes(e.type)).at(-1);
    const finished = of('finished').at(-1);
    const lastTransferAt = of('transferred').at(-1)?.at ?? -Infinity;
    const startAfterTransfer = of('started').filter((e) => e.at >= lastTransferAt).at(-1);
    const terminal = evs.filter((e) => ['ticket.finished', 'ticket.no_show', 'ticket.cancelled'].includes(e.type)).at(-1)?.type;
    const day = localDay(issued);
    return {
      id: t.id,
      serviceId: t.service_id,
      channel: t.channel,
      day,
      hour: localHour(issued),
      weekday: ((new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7) + 1,
      counterId: lastCall?.counter_id ?? null,
      staffId: lastCall?.staff_id ?? null,
      outcome: terminal === 'ticket.finished' ? 'done' : terminal === 'ticket.no_show' ? 'no_show' : terminal === 'ticket.cancelled' ? 'cancelled' : 'open',
      wait: calls.length ? (calls[0]!.at - issued) / 1000 : null,
      service: finished ? (finished.at - (startAfterTransfer?.at ?? calls[0]!.at)) / 1000 : null,
      transferred: of('transferred').length > 0,
      transferredLast: lastCall !== undefined && lastTransferAt >= lastCall.at,
      skipped: evs.some((e) => e.type === 'rating.skipped') && !ratings.has(t.id),
      rating: ratings.get(t.id),
    };
  });
}

function groupBy<T, K>(xs: T[], key: (x: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}

const tenth = (x: number) => Math.round(x * 10) / 10;
function stats(values: number[]) {
  if (!values.length) return { mean: null, median: null, p90: null, max: null };
  const s = [...values].sort((a, b) => a - b);
  const half = s.length / 2;
  const median = Number.isInteger(half) ? (s[half - 1]! + s[half]!) / 2 : s[Math.floor(half)]!;
  return { mean: tenth(s.reduce((a, b) => a + b, 0) / s.length), median: tenth(median), p90: tenth(s[Math.ceil(s.length * 0.9) - 1]!), max: tenth(Math.max(...s)) };
}
const countBy = <T,>(xs: T[], key: (x: T) => string) => xs.reduce<Record<string, number>>((m, x) => ((m[key(x)] = (m[key(x)] ?? 0) + 1), m), {});

function expected(vs: Visit[]) {
  const served = vs.filter((v) => v.outcome === 'done').length;
  const rated = vs.flatMap((v) => (v.rating ? [v.rating] : []));
  const lv = (l: string) => rated.filter((r) => r.level === l).length;
  const ratings = { very_satisfied: lv('very_satisfied'), satisfied: lv('satisfied'), neutral: lv('neutral'), dissatisfied: lv('dissatisfied'), very_dissatisfied: lv('very_dissatisfied'), total: rated.length };
  const waits = vs.flatMap((v) => (v.wait === null ? [] : [v.wait]));
  const within = waits.filter((w) => w <= 15 * 60).length;
  return {
    issued: vs.length,
    served,
    noShow: vs.filter((v) => v.outcome === 'no_show').length,
    cancelled: vs.filter((v) => v.outcome === 'cancelled').length,
    transferred: vs.filter((v) => v.transferred).length,
    issuedByChannel: countBy(vs, (v) => v.channel),
    waitSeconds: stats(waits),
    serviceSeconds: stats(vs.flatMap((v) => (v.outcome === 'done' && v.service !== null ? [v.service] : []))),
    waitWithinTarget: { targetSeconds: 900, count: within, share: waits.length ? within / waits.length : null },
    waitBuckets: [5, 10, 15, 30, 60, null].map((m, i, all) => ({
      upToMinutes: m,
      count: waits.filter((w) => (m === null || w <= m * 60) && (i === 0 || w > (all[i - 1] as number) * 60)).length,
    })),
    ratings,
    satisfactionRate: rated.length ? (ratings.very_satisfied + ratings.satisfied) / rated.length : null,
    responseRate: served ? rated.length / served : null,
    rate766: served ? 1 - (ratings.dissatisfied + ratings.very_dissatisfied) / served : null,
    ratingsByChannel: countBy(rated, (r) => r.channel),
    ratingsWithDossier: rated.filter((r) => r.dossier_code).length,
    ratingsSkipped: vs.filter((v) => v.skipped).length,
  };
}

const pick = (f: Record<string, unknown>) => Object.fromEntries(Object.keys(expected([])).map((k) => [k, f[k]]));

describe('figures recomputed independently from a generated month', () => {
  let server: TestServer;
  let api: ReturnType<typeof client>;
  const clock = testClock();
  const march = Array.from({ length: 31 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`).filter((d) => ![0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay()));
  const edge: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer({ now: clock.now, dataDir: undefined });
    await simulateMonth(server, clock, march);
    // Tickets taken just before and after local midnight (the demo center issues at any hour).
    const issueAt = (name: string, day: string, h: number, m: number) => {
      clock.set(startOfLocalDay(day, tz) + (h * 60 + m) * 60_000);
      edge[name] = server.floor.issue({ serviceId: 'ho-tich', channel: 'kiosk', staffId: null }).id;
    };
    issueAt('feb28_2359', '2026-02-28', 23, 59);
    issueAt('mar01_0001', '2026-03-01', 0, 1);
    issueAt('mar31_2359', '2026-03-31', 23, 59);
    issueAt('apr01_0001', '2026-04-01', 0, 1);
    api = client(server.url, await login(server.url, 'quanly'));
  }, 120_000);
  afterAll(async () => server?.stop());

  const inMarch = () => visits(server).filter((v) => v.day >= '2026-03-01' && v.day <= '2026-03-31');

  it('the month is big enough to mean something', () => {
    const vs = inMarch();
    expect(vs.length).toBeGreaterThan(500);
    expect(vs.filter((v) => v.rating).length).toBeGreaterThan(200);
    expect(vs.some((v) => v.transferred)).toBe(true);
    // Counted under the counter and officer that last called them, not under "not called".
    expect(vs.filter((v) => v.transferredLast && v.counterId !== null && v.staffId !== null).length).toBeGreaterThanOrEqual(20);
    expect(vs.some((v) => v.outcome === 'no_show')).toBe(true);
    expect(vs.some((v) => v.outcome === 'cancelled')).toBe(true);
  });

  it('totals equal the recomputation', async () => {
    const res = await api.get('/api/stats/summary?from=2026-03-01&to=2026-03-31');
    expect(res.status).toBe(200);
    expect(pick(res.body.totals)).toEqual(expected(inMarch()));
  });

  const groupings: [string, (v: Visit) => string | number][] = [
    ['service', (v) => v.serviceId],
    ['counter', (v) => v.counterId ?? 'none'],
    ['staff', (v) => v.staffId ?? 'none'],
    ['day', (v) => v.day],
    ['hour', (v) => v.hour],
    ['weekday', (v) => v.weekday],
    ['weekday_hour', (v) => `${v.weekday}-${String(v.hour).padStart(2, '0')}`],
  ];
  it.each(groupings)('groupBy=%s equals the recomputation, group by group', async (by, keyOf) => {
    const res = await api.get(`/api/stats/summary?from=2026-03-01&to=2026-03-31&groupBy=${by}`);
    expect(res.status).toBe(200);
    const mine = groupBy(inMarch(), keyOf);
    const got = new Map<string | number, Record<string, unknown>>((res.body.groups as Record<string, unknown>[]).map((g) => [g.key as string | number, g]));
    const nonEmpty = [...got.keys()].filter((k) => (got.get(k)!.issued as number) > 0);
    expect(nonEmpty.map(String).sort()).toEqual([...mine.keys()].map(String).sort());
    for (const [key, vs] of mine) expect(pick(got.get(key)!), `group ${key}`).toEqual(expected(vs));
  });

  it('a ticket issued at 23:59 local belongs to that day; one at 00:01 to the next', async () => {
    const days = await api.get('/api/stats/summary?from=2026-02-28&to=2026-04-01&groupBy=day');
    const issuedOn = (d: string) => (days.body.groups as { key: string; issued: number }[]).find((g) => g.key === d)?.issued ?? 0;
    expect(issuedOn('2026-02-28')).toBe(1);
    expect(issuedOn('2026-04-01')).toBe(1);
    const last = server.db.prepare<[string], { service_day: string }>(`SELECT service_day FROM tickets WHERE id = ?`);
    expect(last.get(edge.mar31_2359!)!.service_day).toBe('2026-03-31');
    expect(last.get(edge.apr01_0001!)!.service_day).toBe('2026-04-01');
    const hours = await api.get('/api/stats/summary?from=2026-04-01&to=2026-04-01&groupBy=hour');
    expect(hours.body.groups).toEqual([expect.objectContaining({ key: 0, issued: 1 })]);
    const lastDay = await api.get('/api/stats/summary?from=2026-03-31&to=2026-03-31&groupBy=hour');
    expect(lastDay.body.groups.at(-1)).toEqual(expect.objectContaining({ key: 23, issued: 1, label: '23:00–24:00' }));
    const month = await api.get('/api/stats/summary?from=2026-03-01&to=2026-03-31');
    expect(month.body.totals.issued).toBe(inMarch().length);
    expect(inMarch().some((v) => v.id === edge.mar01_0001)).toBe(true);
    expect(inMarch().some((v) => v.id === edge.feb28_2359 || v.id === edge.apr01_0001)).toBe(false);
  });

  it('paper ballots inside the period are shown apart, combined, and checked against each field’s target', async () => {
    const ballot = (serviceId: string, from: string, to: string, counts: number[]) =>
      api.post('/api/stats/paper-ballots', { serviceId, from, to, very_satisfied: counts[0], satisfied: counts[1], neutral: counts[2], dissatisfied: counts[3], very_dissatisfied: counts[4] });
    expect((await ballot('dat-dai', '2026-03-01', '2026-03-31', [10, 20, 5, 40, 5])).status).toBe(201);
    expect((await ballot('ho-tich', '2026-03-20', '2026-04-10', [50, 0, 0, 0, 0])).status).toBe(201);
    const res = await api.get('/api/stats/summary?from=2026-03-01&to=2026-03-31&groupBy=service');
    const land = (res.body.groups as Record<string, any>[]).find((g) => g.key === 'dat-dai')!;
    expect(land.paperBallots).toEqual({ very_satisfied: 10, satisfied: 20, neutral: 5, dissatisfied: 40, very_dissatisfied: 5, total: 80 });
    const device = land.ratings;
    const combinedRate = (device.very_satisfied + device.satisfied + 30) / (device.total + 80);
    expect(land.combined).toEqual({ total: device.total + 80, satisfactionRate: combinedRate });
    expect(land.satisfactionTarget).toBe(0.9);
    expect(land.belowTarget).toBe(combinedRate < 0.9);
    expect(land.belowTarget).toBe(true);
    expect(res.body.totals.paperBallots.total).toBe(80);
    const civil = (res.body.groups as Record<string, any>[]).find((g) => g.key === 'ho-tich')!;
    expect(civil.paperBallots.total).toBe(0);
    expect(civil.satisfactionTarget).toBe(0.95);
  });
});
