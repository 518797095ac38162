import { z } from 'zod';
import { PASSWORD_MIN_LENGTH, prefixPattern, serviceIdPattern } from './admin';
import { UserDto } from './dto';

/**
 * First-run setup (`/api/setup`): a server started on an empty data folder without a config file has no center, no
 * fields, no counters and no account until an admin fills in the wizard at `/admin/`. Done once, in one transaction.
 */

/** A field the wizard offers; `prefix` is only a suggestion (Vietnamese letters, spelled by the voice: A015 → "a mười lăm"). */
export interface CommonField {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  prefix: string;
  /** A vertical agency's counter in the same hall (land registry branch, social insurance, police…). */
  agency: boolean;
}

/** The common fields of a ward-level center and the vertical agencies that sit in its hall (shared/DOMAIN.md). */
export const commonFields: readonly CommonField[] = [
  { id: 'ho-tich', code: 'HT', name: 'Hộ tịch', nameEn: 'Civil status', prefix: 'A', agency: false },
  { id: 'chung-thuc', code: 'CT', name: 'Chứng thực', nameEn: 'Certification', prefix: 'B', agency: false },
  { id: 'dat-dai', code: 'DD', name: 'Đất đai', nameEn: 'Land', prefix: 'C', agency: false },
  { id: 'xay-dung', code: 'XD', name: 'Xây dựng', nameEn: 'Construction', prefix: 'D', agency: false },
  { id: 'nguoi-co-cong', code: 'NCC', name: 'Người có công', nameEn: 'People with meritorious service', prefix: 'E', agency: false },
  { id: 'bao-tro-xa-hoi', code: 'BTXH', name: 'Bảo trợ xã hội', nameEn: 'Social protection', prefix: 'G', agency: false },
  { id: 'ho-kinh-doanh', code: 'HKD', name: 'Hộ kinh doanh', nameEn: 'Household business', prefix: 'H', agency: false },
  { id: 'vpdk-dat-dai', code: 'VPDK', name: 'Chi nhánh Văn phòng đăng ký đất đai', nameEn: 'Land registration office branch', prefix: 'K', agency: true },
  { id: 'bhxh', code: 'BHXH', name: 'Bảo hiểm xã hội', nameEn: 'Social insurance', prefix: 'L', agency: true },
  { id: 'cong-an', code: 'CA', name: 'Công an', nameEn: 'Police', prefix: 'M', agency: true },
  { id: 'quan-su', code: 'QS', name: 'Quân sự', nameEn: 'Military', prefix: 'N', agency: true },
  { id: 'buu-dien', code: 'BD', name: 'Bưu điện', nameEn: 'Post office', prefix: 'P', agency: true },
];

export function knownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Numbers are prefix + digits: "" and "1", or "1" and "10", could issue the same number. */
export const numbersOverlap = (a: string, b: string) =>
  (b.startsWith(a) && /^\d*$/.test(b.slice(a.length))) || (a.startsWith(b) && /^\d*$/.test(a.slice(b.length)));

/** A field id from a typed name: `Tư pháp` → `tu-phap`. */
export function fieldIdOf(name: string): string {
  const plain = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '');
  return plain || 'linh-vuc';
}

const username = z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{2,32}$/, '2–32 lowercase letters, digits, . _ or -');
const name = z.string().trim().min(1).max(200);

export const SetupStatusReply = z.object({ needed: z.boolean() });
export type SetupStatusReply = z.infer<typeof SetupStatusReply>;

export const FirstSetupBody = z
  .object({
    center: z.object({ name, nameEn: z.string().trim().max(200).nullish(), hotline: z.string().trim().max(40).optional() }).strict(),
    timezone: z.string().trim().min(1).max(64).optional(),
    admin: z
      .object({
        name: name.optional(),
        username,
        password: z.string().min(PASSWORD_MIN_LENGTH).max(256),
      })
      .strict(),
    fields: z
      .array(
        z
          .object({
            id: z.string().regex(serviceIdPattern, 'lowercase letters, digits, - or _'),
            code: z.string().trim().min(1).max(16).optional(),
            name,
            nameEn: z.string().trim().max(200).nullish(),
            prefix: z.string().trim().toUpperCase().regex(prefixPattern, 'the prefix is up to 4 capital letters or digits'),
          })
          .strict(),
      )
      .max(50)
      .default([]),
    counters: z
      .array(
        z
          .object({
            number: z.number().int().positive().max(999),
            name,
            /** The ids of the fields it serves, from `fields`. */
            fieldIds: z.array(z.string().min(1).max(64)).min(1).max(50),
            /** The counter for the elderly, pregnant women and people with disabilities. */
            priority: z.boolean().default(false),
          })
          .strict(),
      )
      .max(200)
      .default([]),
    officers: z
      .array(
        z
          .object({
            name,
            username,
            /** The number of the counter the officer usually sits at, from `counters`; null: none. */
            counter: z.number().int().positive().max(999).nullable().default(null),
          })
          .strict(),
      )
      // Each officer's one-time password is hashed (scrypt, ~50 ms): more are added later on the admin page.
      .max(100)
      .default([]),
  })
  .strict()
  .superRefine((b, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (b.timezone !== undefined && !knownTimeZone(b.timezone)) issue(['timezone'], 'unknown time zone');
    const fieldIds = new Set<string>();
    b.fields.forEach((f, i) => {
      if (fieldIds.has(f.id)) issue(['fields', i, 'id'], 'the field is listed twice');
      fieldIds.add(f.id);
      const clash = b.fields.slice(0, i).find((o) => numbersOverlap(o.prefix, f.prefix));
      if (clash) issue(['fields', i, 'prefix'], 'two fields could issue the same number: choose another prefix');
    });
    const numbers = new Set<number>();
    b.counters.forEach((c, i) => {
      if (numbers.has(c.number)) issue(['counters', i, 'number'], 'the counter number is listed twice');
      numbers.add(c.number);
      c.fieldIds.forEach((id, j) => {
        if (!fieldIds.has(id)) issue(['counters', i, 'fieldIds', j], 'no such field in the list');
      });
      if (new Set(c.fieldIds).size !== c.fieldIds.length) issue(['counters', i, 'fieldIds'], 'a field is chosen twice');
    });
    const usernames = new Set([b.admin.username]);
    b.officers.forEach((o, i) => {
      if (usernames.has(o.username)) issue(['officers', i, 'username'], 'the username is listed twice');
      usernames.add(o.username);
      if (o.counter !== null && !numbers.has(o.counter)) issue(['officers', i, 'counter'], 'no counter with this number');
    });
  });
export type FirstSetupBody = z.input<typeof FirstSetupBody>;
export type FirstSetup = z.output<typeof FirstSetupBody>;

export const FirstSetupReply = z.object({
  /** The admin's session: the wizard's browser is signed in (also set as the session cookie). */
  token: z.string(),
  user: UserDto,
  /** Each officer's one-time password, shown once; it must be changed at the first sign-in. */
  officers: z.array(z.object({ username: z.string(), name: z.string(), counter: z.number().int().nullable(), temporaryPassword: z.string() })),
  /** The server's addresses on the LAN (`http://192.168.1.10:8080`), for the screens. */
  addresses: z.array(z.string()),
  /** The chosen time zone differs from the one the server runs with: it applies at the next start. */
  restartForTimezone: z.boolean(),
});
export type FirstSetupReply = z.infer<typeof FirstSetupReply>;
