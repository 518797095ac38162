import { z } from 'zod';
import { CounterStatus, DeviceKind, Role } from './enums';
import { PriorityCategory, PriorityCategoryInput } from './priority';

/** How many levels the satisfaction question has (docs/ratings.md). */
export const RatingScale = z.union([z.literal(3), z.literal(4), z.literal(5)]);

/**
 * The center's setup as the admin pages edit it (services, counters, accounts, the center itself). The database is
 * the source of truth; the JSON config file is only imported on a first start or from the admin page.
 */

const isoTime = z.string().describe('ISO-8601 time with the center offset');
/** An optional English name: absent, null or blank all mean "none" (screens then show the Vietnamese name). */
const optionalEnglish = z.string().trim().max(200).nullish();

export const serviceIdPattern = /^[a-z0-9_-]{1,32}$/;
export const prefixPattern = /^[A-Z0-9]{0,4}$/;

export const AdminServiceDto = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  prefix: z.string(),
  width: z.number().int(),
  startNumber: z.number().int(),
  dailyCap: z.number().int().nullable(),
  defaultServiceSeconds: z.number().int(),
  satisfactionTarget: z.number(),
  /** Position on the kiosk. */
  sort: z.number().int(),
  /** Archived fields are kept for history and reports but never shown on the kiosk. */
  archived: z.boolean(),
  /** Issuing stopped for the rest of today by an admin, with the reason screens show; a new day clears it. */
  stoppedToday: z.object({ reason: z.string() }).nullable(),
  /** Names the field had before (oldest first); reports show the current name. */
  formerNames: z.array(z.string()),
});
export type AdminServiceDto = z.infer<typeof AdminServiceDto>;

const serviceFields = {
  code: z.string().trim().min(1).max(16),
  name: z.string().trim().min(1).max(200),
  nameEn: optionalEnglish,
  prefix: z.string().trim().toUpperCase().regex(prefixPattern, 'the prefix is up to 4 capital letters or digits'),
  width: z.number().int().min(1).max(6),
  startNumber: z.number().int().min(0).max(99999),
  dailyCap: z.number().int().positive().max(100000).nullable(),
  defaultServiceSeconds: z.number().int().min(30).max(4 * 3600),
  satisfactionTarget: z.number().min(0).max(1),
  sort: z.number().int().min(0).max(1000),
};

export const CreateServiceBody = z
  .object({
    id: z.string().regex(serviceIdPattern, 'lowercase letters, digits, - or _'),
    ...serviceFields,
    width: serviceFields.width.default(3),
    startNumber: serviceFields.startNumber.default(1),
    dailyCap: serviceFields.dailyCap.default(null),
    defaultServiceSeconds: serviceFields.defaultServiceSeconds.default(420),
    satisfactionTarget: serviceFields.satisfactionTarget.optional(),
    sort: serviceFields.sort.optional(),
  })
  .strict();
export type CreateServiceBody = z.infer<typeof CreateServiceBody>;

export const UpdateServiceBody = z
  .object({
    code: serviceFields.code.optional(),
    name: serviceFields.name.optional(),
    nameEn: optionalEnglish,
    prefix: serviceFields.prefix.optional(),
    width: serviceFields.width.optional(),
    startNumber: serviceFields.startNumber.optional(),
    dailyCap: serviceFields.dailyCap.optional(),
    defaultServiceSeconds: serviceFields.defaultServiceSeconds.optional(),
    satisfactionTarget: serviceFields.satisfactionTarget.optional(),
    sort: serviceFields.sort.optional(),
    archived: z.boolean().optional(),
    /** `{ reason }` stops issuing for the rest of today; null lifts the stop. */
    stoppedToday: z.object({ reason: z.string().trim().min(1).max(200) }).nullable().optional(),
  })
  .strict();
export type UpdateServiceBody = z.infer<typeof UpdateServiceBody>;

export const AdminCounterDto = z.object({
  id: z.number().int(),
  number: z.number().int(),
  name: z.string(),
  /** The fields it serves, in its order. */
  serviceIds: z.array(z.string()),
  priority: z.boolean(),
  serviceOrder: z.enum(['fifo', 'ordered']),
  /** Disabled counters are hidden from every screen and cannot be signed in to. */
  enabled: z.boolean(),
  /** The address of its LED board (set here; first taken from the machine's hardware file), or null for none. */
  ledAddress: z.number().int().nullable(),
  status: CounterStatus,
  staff: z.object({ id: z.number().int(), name: z.string() }).nullable(),
});
export type AdminCounterDto = z.infer<typeof AdminCounterDto>;

export const CreateCounterBody = z
  .object({
    number: z.number().int().positive().max(999),
    name: z.string().trim().min(1).max(200),
    serviceIds: z.array(z.string().min(1).max(64)).min(1).max(50),
    priority: z.boolean().default(false),
    serviceOrder: z.enum(['fifo', 'ordered']).default('fifo'),
  })
  .strict();
export type CreateCounterBody = z.infer<typeof CreateCounterBody>;

export const UpdateCounterBody = z
  .object({
    number: z.number().int().positive().max(999).optional(),
    name: z.string().trim().min(1).max(200).optional(),
    serviceIds: z.array(z.string().min(1).max(64)).min(1).max(50).optional(),
    priority: z.boolean().optional(),
    serviceOrder: z.enum(['fifo', 'ordered']).optional(),
    enabled: z.boolean().optional(),
    /** The LED board showing its number (1–254, on the counter's LED bus); null: no board. */
    ledAddress: z.number().int().nullable().optional(),
  })
  .strict();
export type UpdateCounterBody = z.infer<typeof UpdateCounterBody>;

export const AdminUserDto = z.object({
  id: z.number().int(),
  username: z.string(),
  name: z.string(),
  title: z.string(),
  role: Role,
  /** The counter the officer usually sits at (keypads, the desk's default), or null. */
  counterId: z.number().int().nullable(),
  /** The counters the account may sign in at; null: any counter. */
  counterIds: z.array(z.number().int()).nullable(),
  disabled: z.boolean(),
  /** A temporary password was given: every route but `POST /api/auth/password` refuses until it is changed. */
  mustChangePassword: z.boolean(),
});
export type AdminUserDto = z.infer<typeof AdminUserDto>;

const username = z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{2,32}$/, '2–32 lowercase letters, digits, . _ or -');

export const CreateUserBody = z
  .object({
    username,
    name: z.string().trim().min(1).max(200),
    title: z.string().trim().max(200).default(''),
    role: Role,
    counterId: z.number().int().positive().nullable().default(null),
    counterIds: z.array(z.number().int().positive()).max(100).nullable().default(null),
  })
  .strict();
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UpdateUserBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    title: z.string().trim().max(200).optional(),
    role: Role.optional(),
    counterId: z.number().int().positive().nullable().optional(),
    counterIds: z.array(z.number().int().positive()).max(100).nullable().optional(),
    /** true: the account can no longer sign in and its sessions end at once. */
    disabled: z.boolean().optional(),
  })
  .strict();
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

/** A new account or a reset: the temporary password is shown once and must be changed at the next sign-in. */
export const CreatedUserReply = z.object({ user: AdminUserDto, temporaryPassword: z.string() });
export const TemporaryPasswordReply = z.object({ temporaryPassword: z.string() });

export const PASSWORD_MIN_LENGTH = 8;
export const ChangePasswordBody = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(PASSWORD_MIN_LENGTH).max(256) })
  .strict();
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const AdminCenterDto = z.object({
  name: z.string(),
  nameEn: z.string().nullable(),
  hotline: z.string(),
  /** Changing the time zone takes effect at the next start of the server. */
  timezone: z.string(),
  /** The priority groups the kiosk and the desk offer, in order (a removed one is refused from then on). */
  priorityCategories: z.array(PriorityCategory),
  /** Levels of the satisfaction question (3, 4 or 5); ratings already given keep their levels. */
  ratingScale: RatingScale,
  /** How long after service a ticket may still be rated. */
  ratingWindowMinutes: z.number(),
  /** Report targets: served within `targetWaitMinutes`, center-wide satisfaction target (0–1; fields have their own). */
  reports: z.object({ targetWaitMinutes: z.number(), satisfactionTarget: z.number() }),
});
export type AdminCenterDto = z.infer<typeof AdminCenterDto>;

export const UpdateCenterBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    nameEn: optionalEnglish,
    hotline: z.string().trim().max(40).optional(),
    timezone: z.string().trim().min(1).max(64).optional(),
    /** Bare codes (`"elderly"`) are still accepted; the three known ones get their words. */
    priorityCategories: z.array(PriorityCategoryInput).max(10).optional(),
    ratingScale: RatingScale.optional(),
    ratingWindowMinutes: z.number().positive().max(24 * 60).optional(),
    reports: z
      .object({ targetWaitMinutes: z.number().positive().max(24 * 60).optional(), satisfactionTarget: z.number().min(0).max(1).optional() })
      .strict()
      .optional(),
  })
  .strict();
export type UpdateCenterBody = z.infer<typeof UpdateCenterBody>;

export const setupEntities = ['center', 'service', 'counter', 'user', 'device'] as const;
export const SetupEntity = z.enum(setupEntities);
export type SetupEntity = z.infer<typeof SetupEntity>;

export const AuditQuery = z.object({
  /** Entries older than this id (the previous page's `nextBefore`). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  entity: z.string().regex(/^[a-z]{2,20}$/).optional(),
});

/** One line of the change log ("Nhật ký thay đổi"): an event `setup.<entity>.<action>`. */
export const AuditEntryDto = z.object({
  id: z.number().int(),
  at: isoTime,
  type: z.string(),
  entity: z.string(),
  action: z.string(),
  targetId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  by: z.object({ id: z.number().int(), name: z.string() }).nullable(),
});
export type AuditEntryDto = z.infer<typeof AuditEntryDto>;
export const AuditReply = z.object({ entries: z.array(AuditEntryDto), nextBefore: z.number().int().nullable() });
export type AuditReply = z.infer<typeof AuditReply>;

/** The setup in the config file's format (see docs/config.md); the server validates it in full on import. */
export const SetupFile = z.looseObject({
  center: z.looseObject({ name: z.string(), nameEn: z.string().optional(), hotline: z.string().optional() }),
  timezone: z.string().optional(),
  services: z.array(z.looseObject({ id: z.string() })),
  counters: z.array(z.looseObject({ id: z.number() })),
  accounts: z.array(z.looseObject({ username: z.string() })).optional(),
  devices: z.array(z.looseObject({ id: z.string(), kind: DeviceKind })).optional(),
});
export type SetupFile = z.infer<typeof SetupFile>;

export const ImportQuery = z.object({ dryRun: z.enum(['0', '1', 'true', 'false']).optional() });

export const SetupChange = z.object({
  entity: SetupEntity,
  id: z.string(),
  action: z.enum(['added', 'changed', 'archived']),
  /** The fields that differ, for `changed`. */
  fields: z.array(z.string()),
});
export type SetupChange = z.infer<typeof SetupChange>;
export const ImportReply = z.object({ dryRun: z.boolean(), changes: z.array(SetupChange) });
export type ImportReply = z.infer<typeof ImportReply>;
