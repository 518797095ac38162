import { offsetMinutes, startOfLocalDay, type RatingLevel, type SummaryReply } from '@qms/protocol';
import type { Db } from '../store/open';
import { figuresOf, type TicketFact } from './figures';

export type GroupBy = 'service' | 'counter' | 'staff' | 'day' | 'hour';

interface Row {
  service_id: string;
  service_day: string;
  status: string;
  counter_id: number | null;
  staff_id: number | null;
  issued_at: number;
  first_called_at: number | null;
  started_at: number | null;
  finished_at: number | null;
  level: RatingLevel | null;
}

export interface SummaryRequest {
  from: string;
  to: string;
  groupBy?: GroupBy | undefined;
  timeZone: string;
}

/** Figures for the tickets issued on local dates `from`…`to` (inclusive), from the ticket and rating rows. */
export function summarize(db: Db, req: SummaryRequest): SummaryReply {
  const rows = db
    .prepare<[string, string], Row>(
      `SELECT t.service_id, t.service_day, t.status, t.counter_id, t.staff_id, t.issued_at, t.first_called_at, t.started_at, t.finished_at, r.level
       FROM tickets t LEFT JOIN ratings r ON r.ticket_id = t.id
       WHERE t.service_day BETWEEN ? AND ?`,
    )
    .all(req.from, req.to);
  const facts = rows.map(toFact);
  const reply: SummaryReply = { from: req.from, to: req.to, timezone: req.timeZone, totals: figuresOf(facts) };
  if (!req.groupBy) return reply;

  const keyOf = keyFunction(req.groupBy, req.timeZone);
  const groups = new Map<string | number, TicketFact[]>();
  rows.forEach((row, i) => {
    const key = keyOf(row);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(facts[i]!);
  });
  const labelOf = labelFunction(db, req.groupBy);
  reply.groups = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, g]) => ({ key, label: labelOf(key), ...figuresOf(g) }));
  return reply;
}

const toFact = (r: Row): TicketFact => ({
  status: r.status,
  issuedAt: r.issued_at,
  firstCalledAt: r.first_called_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  rating: r.level,
});

function keyFunction(groupBy: GroupBy, timeZone: string): (r: Row) => string | number {
  switch (groupBy) {
    case 'service':
      return (r) => r.service_id;
    case 'counter':
      return (r) => r.counter_id ?? 'none';
    case 'staff':
      return (r) => r.staff_id ?? 'none';
    case 'day':
      return (r) => r.service_day;
    case 'hour': {
      // One Intl lookup per day instead of per ticket: the offset is fixed within a service day in Vietnam and nearly everywhere else.
      const dayStart = new Map<string, number>();
      return (r) => {
        let start = dayStart.get(r.service_day);
        if (start === undefined) dayStart.set(r.service_day, (start = startOfLocalDay(r.service_day, timeZone)));
        const hour = Math.floor((r.issued_at - start) / 3600_000);
        return hour >= 0 && hour < 24 ? hour : new Date(r.issued_at + offsetMinutes(r.issued_at, timeZone) * 60000).getUTCHours();
      };
    }
  }
}

function labelFunction(db: Db, groupBy: GroupBy): (key: string | number) => string {
  const none = 'Chưa gọi / Not called';
  const names = (sql: string) => new Map(db.prepare<[], { id: string | number; name: string }>(sql).all().map((r) => [r.id, r.name]));
  switch (groupBy) {
    case 'service': {
      const m = names(`SELECT id, name FROM services`);
      return (k) => m.get(k) ?? String(k);
    }
    case 'counter': {
      const m = names(`SELECT id, name FROM counters`);
      return (k) => (k === 'none' ? none : (m.get(k) ?? `Quầy ${k}`));
    }
    case 'staff': {
      const m = names(`SELECT id, name FROM users`);
      return (k) => (k === 'none' ? none : (m.get(k) ?? String(k)));
    }
    case 'day':
      return (k) => String(k).split('-').reverse().join('/');
    case 'hour':
      return (k) => `${String(k).padStart(2, '0')}:00–${String(Number(k) + 1).padStart(2, '0')}:00`;
  }
}
