import { z } from 'zod';

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

export const IssuingWindow = z
  .object({ from: timeOfDay, to: timeOfDay })
  .strict()
  .refine((w) => w.from < w.to, { message: 'a window must end after it starts' });
export type IssuingWindow = z.infer<typeof IssuingWindow>;

export const Weekday = z.enum(['0', '1', '2', '3', '4', '5', '6']);
export type Weekday = z.infer<typeof Weekday>;

/**
 * When tickets are issued in a normal week. `windows` applies to every working day unless `days` gives that
 * weekday its own windows (e.g. `{ "6": [{ "from": "07:30", "to": "11:30" }] }` for Saturday mornings).
 * Weekdays: 0 = Sunday … 6 = Saturday.
 */
export const WeeklyHours = z
  .object({
    workingDays: z.array(z.number().int().min(0).max(6)).min(1),
    windows: z.array(IssuingWindow).min(1),
    days: z.partialRecord(Weekday, z.array(IssuingWindow).min(1)).optional(),
  })
  .strict();
export type WeeklyHours = z.infer<typeof WeeklyHours>;

export const CalendarDayKind = z.enum(['holiday', 'workday']);
export const CalendarDaySource = z.enum(['prefilled', 'manual']);

const localDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD');

/** A day that differs from the normal week: a holiday (no tickets), or a make-up working day (ngày làm bù). */
export const CalendarDay = z
  .object({
    date: localDay,
    kind: CalendarDayKind,
    name: z.string().trim().min(1).max(100),
    nameEn: z.string().trim().max(100).default(''),
    source: CalendarDaySource.default('manual'),
  })
  .strict();
export type CalendarDay = z.infer<typeof CalendarDay>;

export const CalendarYear = z.coerce.number().int().min(2000).max(2100);

/** `GET /api/admin/calendar?year=` answers the center's weekly hours and that year's special days. */
export const CalendarDto = z.object({
  year: z.number().int(),
  hours: WeeklyHours,
  days: z.array(CalendarDay),
});
export type CalendarDto = z.infer<typeof CalendarDto>;

/** `PUT /api/admin/calendar`: new weekly hours, and/or the whole list of a year's special days. */
export const CalendarUpdate = z
  .object({
    year: CalendarYear.optional(),
    hours: WeeklyHours.optional(),
    days: z.array(CalendarDay).max(366).optional(),
  })
  .strict()
  .refine((u) => u.hours !== undefined || u.days !== undefined, { message: 'give hours or days' })
  .refine((u) => u.days === undefined || u.year !== undefined, { message: 'days need their year', path: ['year'] })
  .superRefine((u, ctx) => {
    const seen = new Set<string>();
    (u.days ?? []).forEach((d, i) => {
      if (u.year !== undefined && !d.date.startsWith(`${u.year}-`)) ctx.addIssue({ code: 'custom', path: ['days', i, 'date'], message: 'the date is not in that year' });
      if (seen.has(d.date)) ctx.addIssue({ code: 'custom', path: ['days', i, 'date'], message: 'the date is listed twice' });
      if (Number.isNaN(Date.parse(`${d.date}T00:00:00Z`)) || new Date(`${d.date}T00:00:00Z`).toISOString().slice(0, 10) !== d.date) {
        ctx.addIssue({ code: 'custom', path: ['days', i, 'date'], message: 'no such date' });
      }
      seen.add(d.date);
    });
  });
export type CalendarUpdate = z.infer<typeof CalendarUpdate>;

export const CalendarPrefill = z.object({ year: CalendarYear }).strict();

/** The windows of a weekday under these hours, or null when it is not a working day. */
export function windowsOn(hours: WeeklyHours, weekday: number): IssuingWindow[] | null {
  if (!hours.workingDays.includes(weekday)) return null;
  return hours.days?.[String(weekday) as Weekday] ?? hours.windows;
}
