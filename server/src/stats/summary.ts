import type { Figures, RatingLevel, StatsGroupBy, SummaryReply } from '@qms/protocol';
import type { Db } from '../store/open';
import { emptyCounts, FigureAccumulator, withPaper, type FigureRollup, type TicketFact } from '@qms/protocol/figures';
import { keyFunction, labelFunction, type GroupSource } from './groups';
import { paperBallotsIn, paperCountsByService, sumCounts } from './paper';
import { figuresFromRollups } from './summary-rollups';
import { bookingsIn, noBookings } from './bookings';
import type { ReportConfig } from './report-config';

export type GroupBy = StatsGroupBy;

export interface SummaryRequest {
  from: string;
  to: string;
  groupBy?: GroupBy | undefined;
  timeZone: string;
  reports?: ReportConfig | undefined;
  /** Ranges of at most this many tickets are computed from the tickets, larger ones from the rollups (tests lower it). */
  exactUpTo?: number | undefined;
}

export type RawRow = [
  id: string,
  serviceId: string,
  serviceDay: string,
  status: string,
  channel: string,
  counterId: number | null,
  staffId: number | null,
  issuedAt: number,
  firstCalledAt: number | null,
  startedAt: number | null,
  finishedAt: number | null,
  level: RatingLevel | null,
  ratingChannel: string | null,
  ratingDossier: string | null,
  transferred: number,
  skipped: number,
  appointmentAt: number | null,
];

// A ticket's counter and officer are the last ones that called it (docs/figures.md). The row holds them, except when a
// transfer or a closing counter sent the ticket back to waiting: its counter is cleared then (the ticket is nobody's
// yet), so they come from its last call event. Only those few rows read the events (one seek on events_ticket each);
// the CASE keeps every other row on the covering index alone.
const lastCall = (column: 'counter_id' | 'staff_id') => `
  CASE WHEN t.counter_id IS NULL AND t.first_called_at IS NOT NULL
    THEN (SELECT e.${column} FROM events e INDEXED BY events_ticket
          WHERE e.ticket_id = t.id AND e.type IN ('ticket.called', 'ticket.recalled', 'ticket.unheld') ORDER BY e.id DESC LIMIT 1)
    ELSE t.${column} END`;

const factColumns = `
  t.id, t.service_id, t.service_day, t.status, t.channel, ${lastCall('counter_id')}, ${lastCall('staff_id')}, t.issued_at, t.first_called_at, t.started_at, t.finished_at,
  r.level, r.channel, r.dossier_code,
  EXISTS (SELECT 1 FROM events e INDEXED BY events_ticket WHERE e.ticket_id = t.id AND e.type = 'ticket.transferred'),
  EXISTS (SELECT 1 FROM events e INDEXED BY events_ticket WHERE e.ticket_id = t.id AND e.type = 'rating.skipped'),
  t.appointment_at`;

/** Every ticket issued on local dates ? … ? as `RawRow`s, in the order of the day. */
export const ticketsSql = `SELECT ${factColumns} FROM tickets t INDEXED BY tickets_report LEFT JOIN ratings r ON r.ticket_id = t.id WHERE t.service_day BETWEEN ? AND ?`;
/** One ticket (by id) as a `RawRow`. */
export const oneTicketSql = `SELECT ${factColumns} FROM tickets t LEFT JOIN ratings r ON r.ticket_id = t.id WHERE t.id = ?`;

const defaults: ReportConfig = { targetWaitMinutes: 15, satisfactionTarget: 0.95 };

/** Figures for the tickets issued on local dates `from`…`to` (inclusive), from ticket, rating and event rows and paper ballots. */
export function summarize(db: Db, req: SummaryRequest): SummaryReply {
  return summaryReply(req, summarizeMany(db, req, req.groupBy ? [req.groupBy] : []));
}

/** The `/api/stats/summary` reply from a `summarizeMany` result that holds `req.groupBy`. */
export function summaryReply(req: SummaryRequest, { totals, groups }: ManySummary): SummaryReply {
  const reply: SummaryReply = { from: req.from, to: req.to, timezone: req.timeZone, totals };
  if (req.groupBy) reply.groups = groups.get(req.groupBy)!;
  return reply;
}

export type Group = NonNullable<SummaryReply['groups']>[number];

/** The totals and each asked grouping's groups, in order. */
export interface ManySummary {
  totals: Figures;
  groups: Map<GroupBy, Group[]>;
}

/** The totals and several groupings from one pass over the range (exports need five). */
export function summarizeMany(db: Db, req: Omit<SummaryRequest, 'groupBy'>, groupBys: readonly GroupBy[]): ManySummary {
  const cfg = req.reports ?? defaults;
  const opts = { targetWaitSeconds: cfg.targetWaitMinutes * 60 };
  const fromRollups = figuresFromRollups(db, req, groupBys, opts.targetWaitSeconds, req.exactUpTo);
  if (fromRollups) {
    const figuresOf = (r: FigureRollup) => ({ figures: () => r.figures(opts) });
    const groupings = fromRollups.groupings.map(({ by, groups }) => ({ by, groups: new Map([...groups].map(([k, r]) => [k, figuresOf(r)])) }));
    return finish(db, req, figuresOf(fromRollups.totals), groupings);
  }
  const totals = new FigureAccumulator(opts);
  const groupings = groupBys.map((by) => ({ by, keyOf: keyFunction(by, req.timeZone), groups: new Map<string | number, FigureAccumulator>() }));
  const src: GroupSource = { serviceId: '', serviceDay: '', counterId: null, staffId: null, issuedAt: 0 };

  for (const row of db.prepare(ticketsSql).raw().iterate(req.from, req.to) as IterableIterator<RawRow>) {
    const fact = toFact(row);
    totals.add(fact);
    if (groupings.length === 0) continue;
    src.serviceId = row[1];
    src.serviceDay = row[2];
    src.counterId = row[5];
    src.staffId = row[6];
    src.issuedAt = row[7];
    for (const { keyOf, groups } of groupings) {
      const key = keyOf(src);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = new FigureAccumulator(opts)));
      g.add(fact);
    }
  }

  return finish(db, req, totals, groupings);
}

interface HasFigures {
  figures(): Figures;
}

/** Paper ballots, labels, order and targets added to the figures of the totals and of each grouping's groups. */
function finish(db: Db, req: Omit<SummaryRequest, 'groupBy'>, totals: HasFigures, groupings: { by: GroupBy; groups: Map<string | number, HasFigures> }[]): ManySummary {
  const cfg = req.reports ?? defaults;
  const opts = { targetWaitSeconds: cfg.targetWaitMinutes * 60 };
  const paper = paperCountsByService(paperBallotsIn(db, req.from, req.to, req.timeZone));
  const bookings = bookingsIn(db, req, groupings.map((g) => g.by));
  const result = new Map<GroupBy, Group[]>();
  for (const { by, groups } of groupings) {
    const targets = by === 'service' ? serviceTargets(db) : null;
    if (targets) for (const id of paper.keys()) if (!groups.has(id)) groups.set(id, new FigureAccumulator(opts));
    const booked = bookings.groups.get(by);
    if (booked) for (const key of booked.keys()) if (!groups.has(key)) groups.set(key, new FigureAccumulator(opts));
    const labelOf = labelFunction(db, by);
    const list = [...groups.entries()]
      // Keys in order, "not called" (`none`) after the counters and officers it would otherwise fall among.
      .sort(([a], [b]) => (a === b ? 0 : a === 'none' ? 1 : b === 'none' ? -1 : a < b ? -1 : 1))
      .map(([key, g]) => {
        let f: Figures = g.figures();
        if (booked) f.bookings = booked.get(key) ?? noBookings();
        if (targets) f = withPaper(f, paper.get(String(key)) ?? emptyCounts(), targets.get(String(key)) ?? cfg.satisfactionTarget);
        return { key, label: labelOf(key), ...f };
      });
    if (targets) {
      const order = new Map([...targets.keys()].map((id, i) => [id, i]));
      list.sort((a, b) => (order.get(String(a.key)) ?? 1e9) - (order.get(String(b.key)) ?? 1e9));
    }
    result.set(by, list);
  }
  return { totals: { ...withPaper(totals.figures(), sumCounts(paper.values()), cfg.satisfactionTarget), bookings: bookings.totals }, groups: result };
}

function serviceTargets(db: Db): Map<string, number> {
  return new Map(
    db.prepare<[], { id: string; satisfaction_target: number }>(`SELECT id, satisfaction_target FROM services ORDER BY sort, id`).all().map((r) => [r.id, r.satisfaction_target]),
  );
}

export const toFact = (r: RawRow): TicketFact => ({
  status: r[3],
  channel: r[4],
  issuedAt: r[7],
  firstCalledAt: r[8],
  startedAt: r[9],
  finishedAt: r[10],
  rating: r[11],
  ratingChannel: r[12],
  ratingDossier: r[13] !== null && r[13] !== '',
  transferred: r[14] === 1,
  ratingSkipped: r[15] === 1,
  appointmentAt: r[16],
});
