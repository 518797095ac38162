import { z } from 'zod';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const StatsGroupBy = z.enum(['service', 'counter', 'staff', 'day', 'hour', 'weekday', 'weekday_hour']);
export type StatsGroupBy = z.infer<typeof StatsGroupBy>;

export const StatsQuery = z
  .object({
    from: localDate,
    to: localDate,
    groupBy: StatsGroupBy.optional(),
  })
  .refine((q) => q.from <= q.to, { message: '"from" must not be after "to"' });

const Distribution = z.object({ mean: z.number().nullable(), median: z.number().nullable(), p90: z.number().nullable(), max: z.number().nullable() });

export const RatingCounts = z.object({
  very_satisfied: z.number().int(),
  satisfied: z.number().int(),
  neutral: z.number().int(),
  dissatisfied: z.number().int(),
  very_dissatisfied: z.number().int(),
  total: z.number().int(),
});
export type RatingCounts = z.infer<typeof RatingCounts>;

export const Bookings = z.object({
  /** Bookings whose slot falls in the range (a moved booking counts once, on its current slot's day). */
  made: z.number().int(),
  /** Checked in within the window: a ticket on channel `appointment`. */
  kept: z.number().int(),
  cancelled: z.number().int(),
  /** No check-in within the window (late arrivals with a normal ticket included). */
  noShow: z.number().int(),
  /** Of the no-shows: came after the window and took a normal ticket. */
  late: z.number().int(),
  /** Still open: the check-in window has not closed yet. */
  open: z.number().int(),
});
export type Bookings = z.infer<typeof Bookings>;

export const Figures = z.object({
  issued: z.number().int(),
  served: z.number().int(),
  noShow: z.number().int(),
  cancelled: z.number().int(),
  waitSeconds: Distribution,
  serviceSeconds: Distribution,
  ratings: RatingCounts,
  satisfactionRate: z.number().nullable(),
  // Additions beyond contract v1 (docs/figures.md defines each).
  transferred: z.number().int(),
  issuedByChannel: z.record(z.string(), z.number().int()),
  waitWithinTarget: z.object({ targetSeconds: z.number(), count: z.number().int(), share: z.number().nullable() }),
  /** Called tickets by wait: up to 5, 10, 15, 30, 60 minutes, then longer (upToMinutes null). */
  waitBuckets: z.array(z.object({ upToMinutes: z.number().nullable(), count: z.number().int() })),
  responseRate: z.number().nullable(),
  ratingsByChannel: z.record(z.string(), z.number().int()),
  ratingsWithDossier: z.number().int(),
  ratingsSkipped: z.number().int(),
  /** 766-style rate: 1 − (dissatisfied + very_dissatisfied) ÷ served. */
  rate766: z.number().nullable(),
  /** Paper-ballot counts; only where ballots can be attributed (totals and field groups). */
  paperBallots: RatingCounts.optional(),
  /** Device ratings and paper ballots together. */
  combined: z.object({ total: z.number().int(), satisfactionRate: z.number().nullable() }).optional(),
  /** The target the combined satisfaction rate is checked against, and whether it falls short (null without ratings). */
  satisfactionTarget: z.number().optional(),
  belowTarget: z.boolean().nullable().optional(),
  /** Wait of tickets on channel `appointment` (a checked-in booking: first call − check-in) and of all others. */
  bookedWaitSeconds: Distribution,
  walkInWaitSeconds: Distribution,
  /** Punctuality of booked tickets: first call − slot start (negative: called before the slot). */
  punctualitySeconds: Distribution,
  /** Bookings by slot day (totals and field, day, weekday and slot-hour groups; docs/figures.md "Lịch hẹn"). */
  bookings: Bookings.optional(),
});
export type Figures = z.infer<typeof Figures>;

export const SummaryReply = z.object({
  from: z.string(),
  to: z.string(),
  timezone: z.string(),
  totals: Figures,
  groups: z.array(Figures.extend({ key: z.union([z.string(), z.number()]), label: z.string() })).optional(),
});
export type SummaryReply = z.infer<typeof SummaryReply>;

/** Paper batches whose survey period straddles the range, so are not counted (docs/figures.md). */
export const PaperLeftOut = z.object({ batches: z.number().int(), ballots: z.number().int() });
export type PaperLeftOut = z.infer<typeof PaperLeftOut>;

/** The groupings the reports page shows, computed in the same pass as the totals by `/api/stats/report`. */
export const reportPageGroupings = ['service', 'counter', 'staff', 'hour', 'weekday_hour'] as const satisfies readonly StatsGroupBy[];
const Groups = SummaryReply.shape.groups.unwrap();

/** `GET /api/stats/report`: the totals, the page's groupings and the paragraph, from one pass over the range. */
export const ReportPageReply = z.object({
  from: z.string(),
  to: z.string(),
  timezone: z.string(),
  totals: Figures,
  groups: z.object(Object.fromEntries(reportPageGroupings.map((by) => [by, Groups])) as Record<(typeof reportPageGroupings)[number], typeof Groups>),
  text: z.string(),
  paperLeftOut: PaperLeftOut,
});
export type ReportPageReply = z.infer<typeof ReportPageReply>;

const ballotCount = z.number().int().min(0).max(1_000_000);
export const PaperBallotBody = z
  .object({
    serviceId: z.string().min(1).max(32),
    from: localDate,
    to: localDate,
    very_satisfied: ballotCount,
    satisfied: ballotCount,
    neutral: ballotCount,
    dissatisfied: ballotCount,
    very_dissatisfied: ballotCount,
    note: z.string().max(500).optional(),
  })
  .refine((q) => q.from <= q.to, { message: '"from" must not be after "to"' });
export type PaperBallotBody = z.infer<typeof PaperBallotBody>;

export const PaperBallot = z.object({
  id: z.number().int(),
  serviceId: z.string(),
  from: z.string(),
  to: z.string(),
  counts: RatingCounts,
  note: z.string().nullable(),
  enteredBy: z.string().nullable(),
  enteredAt: z.string(),
  voided: z.boolean(),
});
export type PaperBallot = z.infer<typeof PaperBallot>;

export const ReportRangeQuery = z
  .object({ from: localDate, to: localDate, lang: z.enum(['vi', 'en']).optional() })
  .refine((q) => q.from <= q.to, { message: '"from" must not be after "to"' });

export const ReportTextReply = z.object({ from: z.string(), to: z.string(), text: z.string() });
export type ReportTextReply = z.infer<typeof ReportTextReply>;
