import { z } from 'zod';
import { numbersOverlap, PriorityCategoryInput, priorityCategoryOf } from '@qms/protocol';
import { HardwareConfig } from './hardware';
import { RatingConfig } from './rating';
import { ReportConfig } from '../stats/report-config';

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

/** When and where the database is copied (docs/config.md, docs/operations.md). */
export const BackupConfig = z.strictObject({
  /** Local times of the day a copy is taken: midday and after closing by default. */
  times: z.array(timeOfDay).min(1).default(['12:00', '17:30']),
  /** Days of copies kept; older ones are removed. */
  keepDays: z.number().int().min(1).max(3650).default(14),
  /** A second folder (USB disk, network share) that gets its own copy; its failure is reported, not fatal. */
  secondDir: z.string().min(1).nullable().default(null),
});

const IssuingHours = z.strictObject({
  workingDays: z.array(z.number().int().min(0).max(6)).min(1),
  windows: z.array(z.strictObject({ from: timeOfDay, to: timeOfDay })).min(1),
  /** A weekday's own windows, e.g. `{ "6": [{ "from": "07:30", "to": "11:30" }] }` for Saturday mornings only. */
  days: z.partialRecord(z.enum(['0', '1', '2', '3', '4', '5', '6']), z.array(z.strictObject({ from: timeOfDay, to: timeOfDay })).min(1)).optional(),
});

export const ServiceConfig = z.strictObject({
  id: z.string().regex(/^[a-z0-9_-]{1,32}$/, 'lowercase letters, digits, - or _'),
  code: z.string().min(1).max(16),
  name: z.string().min(1),
  /** Optional: screens show the Vietnamese name where there is no English one. */
  nameEn: z.string().min(1).optional(),
  prefix: z.string().max(4).default(''),
  width: z.number().int().min(1).max(6).default(3),
  startNumber: z.number().int().min(0).default(1),
  dailyCap: z.number().int().positive().nullable().default(null),
  /** null: the center's default hours. */
  hours: IssuingHours.nullable().default(null),
  defaultServiceSeconds: z.number().int().positive().default(420),
  /** Kept for history and reports, never offered on the kiosk (an exported setup carries it). */
  archived: z.boolean().optional(),
  /** Names the field had before (an exported setup carries them). */
  formerNames: z.array(z.string()).optional(),
  /** Satisfaction target for reports, 0–1; by default 0.90 for land, construction and investment, 0.95 otherwise. */
  satisfactionTarget: z.number().min(0).max(1).optional(),
}).transform((s) => ({ ...s, satisfactionTarget: s.satisfactionTarget ?? defaultSatisfactionTarget(s.name) }));

/** The city's targets (DOMAIN.md): ≥ 95 % satisfaction, ≥ 90 % for đất đai, xây dựng and đầu tư. */
export function defaultSatisfactionTarget(name: string): number {
  const plain = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  return /\b(dat dai|xay dung|dau tu)\b/.test(plain) ? 0.9 : 0.95;
}

export const CounterConfig = z.strictObject({
  id: z.number().int().positive(),
  number: z.number().int().positive(),
  name: z.string().min(1),
  serviceIds: z.array(z.string()).min(1),
  priority: z.boolean().default(false),
  serviceOrder: z.enum(['fifo', 'ordered']).default('fifo'),
  /** false: hidden from every screen, cannot be signed in to. */
  enabled: z.boolean().optional(),
});

export const AccountConfig = z.strictObject({
  username: z.string().regex(/^[a-z0-9._-]{2,32}$/),
  name: z.string().min(1),
  title: z.string().default(''),
  role: z.enum(['staff', 'manager', 'admin']),
  /** scrypt hash from `npm run hash-password`; demo centers may give `password` in clear instead. */
  passwordHash: z.string().optional(),
  password: z.string().optional(),
  counterId: z.number().int().positive().nullable().default(null),
  /** The counters the account may sign in at; absent or null: any. */
  counterIds: z.array(z.number().int().positive()).nullable().optional(),
  disabled: z.boolean().optional(),
  /** The account must choose a new password at its next sign-in. */
  mustChangePassword: z.boolean().optional(),
});

export const DeviceConfig = z.strictObject({
  id: z.string().min(1),
  kind: z.enum(['kiosk', 'display', 'rating']),
  token: z.string().min(16, 'device tokens need at least 16 characters'),
  counterId: z.number().int().positive().nullable().default(null),
});

export const CenterConfig = z
  .strictObject({
    center: z.strictObject({ name: z.string().min(1), nameEn: z.string().min(1).optional(), hotline: z.string().default('') }),
    timezone: z.string().default('Asia/Ho_Chi_Minh'),
    demo: z.boolean().default(false),
    /** Base URL printed in the ticket QR; defaults to the server's own address. */
    publicUrl: z.string().url().nullable().default(null),
    defaultHours: IssuingHours.default({
      workingDays: [1, 2, 3, 4, 5],
      windows: [
        { from: '07:30', to: '11:30' },
        { from: '13:30', to: '17:00' },
      ],
    }),
    /** Bare codes (`"elderly"`: the three known ones get their words) or `{ code, name, nameEn?, icon? }`. */
    priorityCategories: z
      .array(PriorityCategoryInput)
      .max(10)
      .default(['elderly', 'pregnant', 'disability'])
      .transform((list) => list.map(priorityCategoryOf)),
    antiStarvation: z.strictObject({ afterPriorityCalls: z.number().int().min(0), normalWaitMinutes: z.number().min(0) }).default({ afterPriorityCalls: 3, normalWaitMinutes: 20 }),
    sessionHours: z.number().positive().max(24 * 14).default(12),
    /** How long after a ticket is finished it may still be rated. */
    ratingWindowMinutes: z.number().positive().max(24 * 60).default(15),
    services: z.array(ServiceConfig).min(1),
    counters: z.array(CounterConfig).min(1),
    accounts: z.array(AccountConfig).default([]),
    devices: z.array(DeviceConfig).default([]),
    hardware: HardwareConfig.prefault({}),
    rating: RatingConfig.prefault({}),
    reports: ReportConfig.default({ targetWaitMinutes: 15, satisfactionTarget: 0.95 }),
    backups: BackupConfig.prefault({}),
  })
  .superRefine((c, ctx) => {
    const serviceIds = new Set(c.services.map((s) => s.id));
    const counterIds = new Set(c.counters.map((x) => x.id));
    const dup = (xs: (string | number)[]) => xs.find((x, i) => xs.indexOf(x) !== i);
    const problems: [unknown, string][] = [
      [dup(c.services.map((s) => s.id)), 'duplicate service id'],
      [overlappingPrefixes(c.services.filter((s) => !s.archived)), 'two services\' ticket numbers could collide (one prefix followed by digits is the other, e.g. "1" and "10")'],
      [dup(c.counters.map((x) => x.id)), 'duplicate counter id'],
      [dup(c.priorityCategories.map((p) => p.code)), 'duplicate priority code'],
      [dup(c.counters.map((x) => x.number)), 'duplicate counter number'],
      [dup(c.accounts.map((a) => a.username)), 'duplicate username'],
      [dup(c.devices.map((d) => d.token)), 'two devices share a token'],
      [c.counters.flatMap((x) => x.serviceIds).find((id) => !serviceIds.has(id)), 'a counter serves an unknown service'],
      [c.accounts.map((a) => a.counterId).find((id) => id !== null && !counterIds.has(id)), 'an account names an unknown counter'],
      [c.devices.map((d) => d.counterId).find((id) => id !== null && !counterIds.has(id)), 'a device names an unknown counter'],
      [!c.demo && c.accounts.find((a) => a.password !== undefined)?.username, 'clear-text passwords are only allowed in demo mode; use passwordHash'],
    ];
    for (const [hit, message] of problems) if (hit !== undefined && hit !== false) ctx.addIssue({ code: 'custom', message: `${message}: ${String(hit)}` });
    try {
      new Intl.DateTimeFormat('en', { timeZone: c.timezone });
    } catch {
      ctx.addIssue({ code: 'custom', path: ['timezone'], message: `unknown time zone ${c.timezone}` });
    }
  });
export type CenterConfig = z.infer<typeof CenterConfig>;

/** The first pair of services whose numbers could meet (`numbersOverlap`: "1" and "10", "" and "1"), in words. */
export function overlappingPrefixes(services: { id: string; prefix: string }[]): string | undefined {
  for (const [i, a] of services.entries()) {
    const b = services.slice(i + 1).find((x) => numbersOverlap(a.prefix, x.prefix));
    if (b) return `${a.id} "${a.prefix}", ${b.id} "${b.prefix}"`;
  }
  return undefined;
}
