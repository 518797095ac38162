import type { Figures, RatingLevel } from '@qms/protocol';

/** One ticket as the figures need it; times in ms since the epoch. */
export interface TicketFact {
  status: string;
  issuedAt: number;
  firstCalledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  rating: RatingLevel | null;
}

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

/** The contract's figures over a set of tickets; definitions in docs/figures.md. */
export function figuresOf(tickets: readonly TicketFact[]): Figures {
  const ratings = { very_satisfied: 0, satisfied: 0, neutral: 0, dissatisfied: 0, very_dissatisfied: 0, total: 0 };
  const waits: number[] = [];
  const services: number[] = [];
  let served = 0;
  let noShow = 0;
  let cancelled = 0;
  for (const t of tickets) {
    if (t.firstCalledAt !== null) waits.push((t.firstCalledAt - t.issuedAt) / 1000);
    if (t.status === 'done') {
      served++;
      const begin = t.startedAt ?? t.firstCalledAt;
      if (begin !== null && t.finishedAt !== null) services.push((t.finishedAt - begin) / 1000);
    } else if (t.status === 'no_show') noShow++;
    else if (t.status === 'cancelled') cancelled++;
    if (t.rating) {
      ratings[t.rating]++;
      ratings.total++;
    }
  }
  return {
    issued: tickets.length,
    served,
    noShow,
    cancelled,
    waitSeconds: distribution(waits),
    serviceSeconds: distribution(services),
    ratings,
    satisfactionRate: ratings.total ? (ratings.very_satisfied + ratings.satisfied) / ratings.total : null,
  };
}
