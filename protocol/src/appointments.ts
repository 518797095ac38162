import { z } from 'zod';
import { IssuedTicketDto } from './dto';

const isoTime = z.string().describe('ISO-8601 time with the center offset');
const localDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD');

/**
 * The booking code: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B), so it can be
 * read out on the phone and typed on the kiosk keypad. Lower case and spaces are accepted and normalised.
 */
export const appointmentCodeAlphabet = '34679ACDEFGHJKMNPQRTUVWXY';
export const appointmentCodeLength = 6;
export function normaliseAppointmentCode(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}
export const AppointmentCode = z
  .string()
  .transform(normaliseAppointmentCode)
  .pipe(z.string().regex(new RegExp(`^[${appointmentCodeAlphabet}]{${appointmentCodeLength}}$`), 'expected a 6-character booking code'));

/** `booked` → `checked_in` (a ticket on channel `appointment`) | `cancelled` | `no_show` (no check-in by the end of its window). */
export const AppointmentStatus = z.enum(['booked', 'checked_in', 'cancelled', 'no_show']);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

/** Where a booking was made: the phone page on the center's Wi-Fi, an officer at the desk, or the city hub's public page over the sync link. */
export const AppointmentOrigin = z.enum(['phone', 'desk', 'hub']);
export type AppointmentOrigin = z.infer<typeof AppointmentOrigin>;

/** A field's booking rules, set by the admin. */
export const AppointmentRules = z
  .object({
    enabled: z.boolean(),
    /** Minutes per slot (e.g. 15). */
    slotMinutes: z.number().int().min(5).max(240),
    /** Bookings one slot takes. */
    perSlot: z.number().int().min(1).max(50),
    /** Largest share of the field's day capacity bookings may take, in percent (default 30). */
    maxSharePercent: z.number().int().min(1).max(100),
  })
  .strict();
export type AppointmentRules = z.infer<typeof AppointmentRules>;

/** Center-wide booking settings. */
export const AppointmentSettings = z
  .object({
    /** Check-in opens this many minutes before the slot … */
    checkInBeforeMinutes: z.number().int().min(0).max(120),
    /** … and closes this many minutes after the slot start; later the booking becomes `no_show`. */
    checkInAfterMinutes: z.number().int().min(0).max(120),
    /** The phone number is erased this many days after the slot. */
    phoneRetentionDays: z.number().int().min(1).max(365),
    perPhonePerDay: z.number().int().min(1).max(20),
    perDevicePerDay: z.number().int().min(1).max(50),
    /** After this many booked calls in a row a counter takes a walk-in who waited `walkInWaitMinutes` or more. */
    bookedCallsInARow: z.number().int().min(0).max(50),
    walkInWaitMinutes: z.number().int().min(0).max(240),
  })
  .strict();
export type AppointmentSettings = z.infer<typeof AppointmentSettings>;

export const SlotDto = z.object({
  start: isoTime,
  end: isoTime,
  capacity: z.number().int(),
  booked: z.number().int(),
  /** Bookable now: in the future, room in the slot and under the field's day share. */
  available: z.boolean(),
});
export type SlotDto = z.infer<typeof SlotDto>;

export const SlotsQuery = z.object({ serviceId: z.string().min(1).max(64), date: localDay });
export const SlotsReply = z.object({
  serviceId: z.string(),
  date: z.string(),
  slotMinutes: z.number().int(),
  /** Why there are no slots that day (`bookings_off`, `holiday`, `not_working_day`), or null. */
  closedReason: z.string().nullable(),
  /** Bookings the field may take that day (its share of the day capacity) and those taken. */
  dayLimit: z.number().int(),
  dayBooked: z.number().int(),
  slots: z.array(SlotDto),
});
export type SlotsReply = z.infer<typeof SlotsReply>;

/** Phone numbers: digits, optionally a leading +, 9–15 digits (spaces, dots and dashes are dropped). */
export const PhoneNumber = z
  .string()
  .transform((s) => s.replace(/[\s.-]/g, ''))
  .pipe(z.string().regex(/^\+?\d{9,15}$/, 'expected a phone number'));

export const BookAppointmentBody = z
  .object({
    serviceId: z.string().min(1).max(64),
    /** The slot's `start` as `GET /api/appointments/slots` gave it. */
    slotStart: isoTime,
    /** Optional; taken only with `phoneConsent: true` (the consent text in docs/privacy.md). */
    phone: PhoneNumber.optional(),
    phoneConsent: z.boolean().optional(),
    /** The phone page's device id (also set as a cookie), for the per-device daily limit. */
    deviceId: z.string().min(8).max(64).optional(),
  })
  .strict()
  .refine((b) => b.phone === undefined || b.phoneConsent === true, { message: 'a phone number needs the consent', path: ['phoneConsent'] });
export type BookAppointmentBody = z.infer<typeof BookAppointmentBody>;

export const AppointmentDto = z.object({
  code: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  serviceNameEn: z.string(),
  date: z.string(),
  slotStart: isoTime,
  slotEnd: isoTime,
  status: AppointmentStatus,
  origin: AppointmentOrigin,
  /** The check-in window. */
  checkInFrom: isoTime,
  checkInUntil: isoTime,
  createdAt: isoTime,
  /** Whether a phone number is kept (never the number itself on public answers). */
  hasPhone: z.boolean(),
  /** The phone number, in staff answers only (the desk may call the citizen about this booking), until it is erased. */
  phone: z.string().nullable().optional(),
  /** The ticket of the check-in. */
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  checkedInAt: isoTime.nullable(),
});
export type AppointmentDto = z.infer<typeof AppointmentDto>;

/** `POST /api/appointments`: the booking, and its key, which the booking's link carries to cancel or move it. */
export const BookAppointmentReply = AppointmentDto.extend({
  key: z.string(),
  /** `/book/?code=…&k=…`: the page to show, cancel or move the booking (and what the QR code holds). */
  manageUrl: z.string(),
  /** `/api/appointments/:code/calendar.ics?k=…`. */
  icsUrl: z.string(),
});
export type BookAppointmentReply = z.infer<typeof BookAppointmentReply>;

/** The booking's key from its link; staff need none. */
export const AppointmentKeyBody = z.object({ key: z.string().min(1).max(64).optional() }).strict();
export const AppointmentKeyQuery = z.object({ k: z.string().min(1).max(64).optional() });
export const MoveAppointmentBody = z.object({ key: z.string().min(1).max(64).optional(), slotStart: isoTime }).strict();

/** `on_time`: a ticket on channel `appointment`, called at the slot time; `late`: the window has closed, a normal ticket. */
export const CheckInOutcome = z.enum(['on_time', 'late']);
export const CheckInReply = z.object({
  outcome: CheckInOutcome,
  appointment: AppointmentDto,
  ticket: IssuedTicketDto,
  /** What happens now, in plain words for the kiosk to show. */
  message: z.object({ vi: z.string(), en: z.string() }),
});
export type CheckInReply = z.infer<typeof CheckInReply>;

/** Staff lists: a day's bookings, optionally of some fields only (comma-separated ids). */
export const AppointmentListQuery = z.object({
  date: localDay.optional(),
  serviceIds: z.string().max(1000).optional(),
});
export const AppointmentListReply = z.object({ date: z.string(), appointments: z.array(AppointmentDto) });
export type AppointmentListReply = z.infer<typeof AppointmentListReply>;

export const AppointmentRulesReply = z.object({
  settings: AppointmentSettings,
  services: z.array(z.object({ serviceId: z.string(), rules: AppointmentRules })),
});
export type AppointmentRulesReply = z.infer<typeof AppointmentRulesReply>;
export const UpdateAppointmentRulesBody = z
  .object({
    settings: AppointmentSettings.partial().optional(),
    services: z.array(z.object({ serviceId: z.string().min(1).max(64), rules: AppointmentRules })).max(100).optional(),
  })
  .strict();
/** Rules are saved at once; bookings already made are kept, and those now outside the rules are listed as a warning. */
export const UpdateAppointmentRulesReply = AppointmentRulesReply.extend({ affected: z.array(AppointmentDto) });
export type UpdateAppointmentRulesReply = z.infer<typeof UpdateAppointmentRulesReply>;
