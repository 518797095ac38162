import { z } from 'zod';
import { Figures, SummaryReply } from './stats';

// The city hub's wire: what a center pushes (events, heartbeat) and what city accounts read (docs/hub.md).

const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { message: 'not a calendar date' });
/** Text PostgreSQL can store (no NUL character), at most `max` characters. */
const text = (max: number) => z.string().max(max).refine((v) => !v.includes('\u0000'), { message: 'holds a NUL character' });
/** Times the hub can store: 2000-01-01 … 2200-01-01, in ms since the epoch. */
const eventTime = z.number().int().min(946_684_800_000).max(7_258_118_400_000);

/** One row of a center's event log, as the center stored it (`at` in ms since the epoch). */
export const HubEvent = z.object({
  id: z.number().int().positive(),
  type: text(64).min(1),
  ticketId: text(64).nullable(),
  counterId: z.number().int().nullable(),
  staffId: z.number().int().nullable(),
  // PostgreSQL's jsonb cannot hold a NUL character; no event of a center has one.
  payload: z.record(z.string(), z.unknown()).refine((p) => !JSON.stringify(p).includes('\\u0000'), { message: 'payload holds a NUL character' }),
  at: eventTime,
  /** The ticket's local service day, on `ticket.issued` events (the center's own day, not recomputed by the hub). */
  serviceDay: localDate.optional(),
});
export type HubEvent = z.infer<typeof HubEvent>;

export const maxPushBatch = 1000;

/** `POST /api/hub/events`: the next events of the center's log, in order of `id`. */
export const HubPushBody = z.object({
  events: z
    .array(HubEvent)
    .min(1)
    .max(maxPushBatch)
    .refine((es) => es.every((e, i) => i === 0 || e.id > es[i - 1]!.id), { message: 'events must be in increasing order of id' }),
});
export type HubPushBody = z.infer<typeof HubPushBody>;

export const HubPushReply = z.object({
  /** The last event id of the batch: the center may move its cursor past it. */
  through: z.number().int(),
  stored: z.number().int(),
  duplicates: z.number().int(),
  /** Events whose id the hub already holds with other content (a center restored from an old backup): kept beside the old ones. */
  diverged: z.number().int(),
});
export type HubPushReply = z.infer<typeof HubPushReply>;

export const HubServiceInfo = z.object({ id: text(32), code: text(32), name: text(200), satisfactionTarget: z.number().min(0).max(1) });

export const HubLiveFloor = z.object({
  waiting: z.array(z.object({ serviceId: text(32), count: z.number().int().min(0), longestWaitSeconds: z.number().min(0).nullable() })).max(200),
  waitingTotal: z.number().int().min(0),
  longestWaitSeconds: z.number().min(0).nullable(),
  countersOpen: z.number().int().min(0),
  /** Events of the log not yet pushed (how far behind the hub is). */
  eventsBehind: z.number().int().min(0),
});
export type HubLiveFloor = z.infer<typeof HubLiveFloor>;

/** `POST /api/hub/heartbeat`, every ~10 s. */
export const HubHeartbeat = z.object({
  at: eventTime,
  timezone: text(64),
  version: text(32),
  centerName: text(200),
  services: z.array(HubServiceInfo).max(200),
  floor: HubLiveFloor,
});
export type HubHeartbeat = z.infer<typeof HubHeartbeat>;

/** A district (quận, huyện, or the city office's own grouping); empty text means none. */
const district = text(100)
  .trim()
  .transform((d) => (d === '' ? null : d))
  .nullable();

export const HubCenterBody = z.object({
  code: z.string().trim().regex(/^[A-Za-z0-9_.-]{1,32}$/, 'code: 1–32 letters, digits, "_", "-" or "."'),
  name: text(200).trim().min(1),
  district: district.optional(),
});
export type HubCenterBody = z.infer<typeof HubCenterBody>;

/** `PATCH /api/hub/centers/:id`: a new name or district (null: none); at least one of them. */
export const HubCenterPatch = z
  .object({ name: text(200).trim().min(1).optional(), district: district.optional() })
  .refine((p) => p.name !== undefined || p.district !== undefined, { message: 'give "name" or "district"' });
export type HubCenterPatch = z.infer<typeof HubCenterPatch>;

/**
 * What the live city view raises: a center silent for over 15 min in working hours (`since` null: never connected), or
 * a wait over the target (15 min) at a center that is online.
 */
export const HubAlarm = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('offline'), since: z.string().nullable(), minutes: z.number().int().nullable() }),
  z.object({ kind: z.literal('wait'), longestWaitSeconds: z.number(), targetSeconds: z.number() }),
]);
export type HubAlarm = z.infer<typeof HubAlarm>;

export const HubCenterCreated = z.object({ id: z.number().int(), key: z.string() });

export const HubCenter = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  district: z.string().nullable(),
  lastContactAt: z.string().nullable(),
  /** A heartbeat within the last 60 s. */
  online: z.boolean(),
  live: HubLiveFloor.nullable(),
  lastEventId: z.number().int().nullable(),
  eventsStored: z.number().int(),
  /** Set when the center sent events that contradict ones the hub already had (restored from an old backup). */
  divergence: z.object({ firstAt: z.string(), events: z.number().int(), fromEventId: z.number().int() }).nullable(),
  alarms: z.array(HubAlarm),
  /** When its current key was issued (at registration, or by `POST /api/hub/centers/:id/key`). */
  keyIssuedAt: z.string().nullable(),
});
export type HubCenter = z.infer<typeof HubCenter>;

export const HubStatsGroupBy = z.enum(['center', 'service', 'district']);
const centerCode = z.string().regex(/^[A-Za-z0-9_.-]{1,32}$/, 'a center code');
export const HubStatsQuery = z
  .object({
    from: localDate,
    to: localDate,
    groupBy: HubStatsGroupBy.optional(),
    /** Only this center (its code): a drill-down, e.g. with groupBy=service its own report per field. */
    center: centerCode.optional(),
  })
  .refine((q) => q.from <= q.to, { message: '"from" must not be after "to"' });
export type HubStatsQuery = z.infer<typeof HubStatsQuery>;

/** `GET /api/hub/stats/report` and the Excel export: the range, the language of the paragraph. */
export const HubReportQuery = z
  .object({ from: localDate, to: localDate, lang: z.enum(['vi', 'en']).optional() })
  .refine((q) => q.from <= q.to, { message: '"from" must not be after "to"' });
export type HubReportQuery = z.infer<typeof HubReportQuery>;

export const HubLoginBody = z.object({ username: text(64).min(1), password: z.string().min(1).max(200) });

const Groups = SummaryReply.shape.groups.unwrap();

/**
 * The city report page in one answer: the totals, the lines per center, per field and per district (each the reply of
 * `/api/hub/stats/summary` with that groupBy), and the ready-to-paste paragraph built from these very figures.
 */
export const HubReportReply = z.object({
  from: z.string(),
  to: z.string(),
  timezone: z.string(),
  totals: Figures,
  groups: z.object({ center: Groups, service: Groups, district: Groups }),
  /**
   * Centers by their satisfaction rate (devices and paper together, the rate checked against the target), best first;
   * equal rates share a rank; centers without a rating come last, without a rank.
   */
  ranking: z.array(
    z.object({ rank: z.number().int().nullable(), key: z.string(), label: z.string(), rate: z.number().nullable(), ratings: z.number().int(), issued: z.number().int(), belowTarget: z.boolean().nullable() }),
  ),
  text: z.string(),
});
export type HubReportReply = z.infer<typeof HubReportReply>;

// City accounts (docs/hub.md "Accounts and centers"): the city admin creates viewer accounts and resets their passwords.

export const HubRole = z.enum(['city_admin', 'city_viewer']);
export const hubPasswordMinLength = 8;
const hubPassword = z
  .string()
  .min(hubPasswordMinLength, `password: at least ${hubPasswordMinLength} characters`)
  .max(200)
  .refine((v) => !v.includes('\u0000'), { message: 'holds a NUL character' });

/** `POST /api/hub/accounts`: a viewer account (sees the live view and the reports, changes nothing). */
export const HubAccountBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,32}$/, 'username: 3–32 letters (no diacritics), digits, "_", "-" or "."')
    .transform((u) => u.toLowerCase()),
  name: text(200).trim().min(1),
  password: hubPassword,
});
export type HubAccountBody = z.infer<typeof HubAccountBody>;

/** `PUT /api/hub/accounts/:id/password`: a new password for a viewer account (its sessions end). */
export const HubPasswordBody = z.object({ password: hubPassword });

/** `PATCH /api/hub/accounts/:id`: a viewer account's name, or turning it off (`active: false`: it cannot sign in, its sessions end) and on. */
export const HubAccountPatch = z
  .object({ name: text(200).trim().min(1).optional(), active: z.boolean().optional() })
  .refine((p) => p.name !== undefined || p.active !== undefined, { message: 'give "name" or "active"' });
export type HubAccountPatch = z.infer<typeof HubAccountPatch>;

export const HubAccount = z.object({ id: z.number().int(), username: z.string(), name: z.string(), role: HubRole, active: z.boolean(), createdAt: z.string().nullable() });
export type HubAccount = z.infer<typeof HubAccount>;
