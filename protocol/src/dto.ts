import { z } from 'zod';
import { Channel, CounterStatus, RatingLevel, Role, TicketStatus } from './enums';
import { PhotoVersion } from './staff';
import { BackupHealth, StorageHealth } from './backups';

const isoTime = z.string().describe('ISO-8601 time with the center offset');

export const LocalizedName = z.object({ vi: z.string(), en: z.string() });

export const ServiceDto = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  prefix: z.string(),
  width: z.number().int(),
  dailyCap: z.number().int().nullable(),
  waiting: z.number().int(),
  estimatedWaitSeconds: z.number().int(),
  issuingNow: z.boolean(),
  /** Why tickets cannot be taken now (code), or null when they can. */
  closedReason: z.string().nullable(),
  /** The holiday that closes the center today (`closedReason: "holiday"`), or null. */
  holiday: z.object({ name: z.string(), nameEn: z.string() }).nullable().optional(),
  /** With `closedReason` `stopped_today`: the reason the admin gave, for the kiosk tile and the phone page. */
  stoppedReason: z.string().nullable().optional(),
});
export type ServiceDto = z.infer<typeof ServiceDto>;

export const TicketDto = z.object({
  id: z.string(),
  number: z.string(),
  serviceId: z.string(),
  serviceDay: z.string(),
  status: TicketStatus,
  priority: z.string().nullable(),
  channel: Channel,
  counterId: z.number().int().nullable(),
  targetCounterId: z.number().int().nullable(),
  issuedAt: isoTime,
  calledAt: isoTime.nullable(),
  startedAt: isoTime.nullable(),
  finishedAt: isoTime.nullable(),
  callCount: z.number().int(),
  dossierCode: z.string().nullable(),
  printed: z.boolean().nullable(),
  /** Channel `appointment`: the booked slot's start, when the ticket is called ahead of walk-ins. */
  appointmentAt: isoTime.nullable().optional(),
});
export type TicketDto = z.infer<typeof TicketDto>;

export const IssuedTicketDto = TicketDto.extend({
  waitingAhead: z.number().int(),
  estimatedWaitSeconds: z.number().int(),
});
export type IssuedTicketDto = z.infer<typeof IssuedTicketDto>;

export const CounterDto = z.object({
  id: z.number().int(),
  number: z.number().int(),
  name: z.string(),
  serviceIds: z.array(z.string()),
  priority: z.boolean(),
  status: CounterStatus,
  /** `title` (the officer's post, for the rating tablet) and `photoVersion` are absent where the server did not look them up. */
  staff: z.object({ id: z.number().int(), name: z.string(), title: z.string().optional(), photoVersion: PhotoVersion.optional() }).nullable(),
  currentTicket: TicketDto.nullable(),
});
export type CounterDto = z.infer<typeof CounterDto>;

export const UserDto = z.object({
  id: z.number().int(),
  username: z.string(),
  name: z.string(),
  role: Role,
  counterId: z.number().int().nullable(),
  /** True after a password reset: only `POST /api/auth/password` (and sign-out) works until the password is changed. */
  mustChangePassword: z.boolean().optional(),
});
export type UserDto = z.infer<typeof UserDto>;

export const LoginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });
export const LoginReply = z.object({
  token: z.string(),
  expiresAt: isoTime,
  user: UserDto,
  /** See `UserDto.mustChangePassword`; present (true) only when the password must be changed now. */
  mustChangePassword: z.boolean().optional(),
});
export type LoginReply = z.infer<typeof LoginReply>;

export const IssueTicketBody = z.object({
  serviceId: z.string().min(1).max(64),
  priority: z.string().min(1).max(32).nullish(),
  channel: Channel.optional(),
  /** Print a paper ticket for a desk-issued ticket too (kiosk tickets are always printed). */
  print: z.boolean().optional(),
});
export type IssueTicketBody = z.infer<typeof IssueTicketBody>;

export const FinishBody = z.object({
  dossierCode: z.string().trim().min(1).max(64).optional(),
  /** The administrative procedure (thủ tục) the citizen came for, as the officer chose it; kept in the event log. */
  procedure: z.string().trim().min(1).max(200).optional(),
});
export const TransferBody = z
  .object({ serviceId: z.string().min(1).max(64).optional(), counterId: z.number().int().positive().optional() })
  .refine((b) => b.serviceId !== undefined || b.counterId !== undefined, { message: 'serviceId or counterId is required' });
export const UnholdBody = z.object({ ticketId: z.string().min(1).max(64) });
export const CallNextBody = z
  .object({
    ticketId: z.string().min(1).max(64).optional(),
    /** The ticket the desk shows as current (null: none); when the counter has moved on since, 409 `stale_view`. */
    currentTicketId: z.string().min(1).max(64).nullable().optional(),
  })
  .optional();

export const RatingBody = z.object({
  ticketId: z.string().min(1).max(64),
  level: RatingLevel,
  reasons: z.array(z.string().min(1).max(64)).max(10).optional(),
  comment: z.string().max(1000).optional(),
  /** The ticket's rating key from its QR (`/t/<id>?k=<key>`); required from anyone but a rating tablet. */
  key: z.string().min(1).max(64).optional(),
});
export type RatingBody = z.infer<typeof RatingBody>;
export const RatingDto = z.object({
  id: z.number().int(),
  ticketId: z.string(),
  level: RatingLevel,
  counterId: z.number().int().nullable(),
  staffId: z.number().int().nullable(),
  serviceId: z.string(),
  at: isoTime,
});

/** Anonymous callers get `ok`, `version` and `demo` only; signed-in users and devices get the rest. */
export const HealthReply = z.object({
  ok: z.boolean(),
  version: z.string(),
  db: z.object({ ok: z.boolean(), journalMode: z.string(), synchronous: z.string() }).optional(),
  demo: z.boolean(),
  storage: StorageHealth.optional(),
  backups: BackupHealth.optional(),
  devices: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      ok: z.boolean(),
      /** The state as a code screens have words for (`paper_out`, `ready`, `connected`…), or null. */
      code: z.string().nullable(),
      /** The technical detail, for the IT officer. */
      detail: z.string().nullable(),
    }),
  ).optional(),
});
export type HealthReply = z.infer<typeof HealthReply>;

export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** Bad input: a message per form field (path joined with dots, e.g. `prefix`, `serviceIds.0`), in the request's language. */
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

export const EventDto = z.object({
  id: z.number().int(),
  type: z.string(),
  ticketId: z.string().nullable(),
  counterId: z.number().int().nullable(),
  staffId: z.number().int().nullable(),
  payload: z.record(z.string(), z.unknown()),
  at: isoTime,
});
export type EventDto = z.infer<typeof EventDto>;

export const TicketWithEventsDto = TicketDto.extend({
  serviceName: z.string(),
  waitingAhead: z.number().int().nullable(),
  events: z.array(EventDto).optional(),
});
