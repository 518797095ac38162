import type { Channel, TicketStatus } from '@qms/protocol';

/** A local time of day, `HH:MM`. */
export type TimeOfDay = string;

export interface IssuingHours {
  /** 0 = Sunday … 6 = Saturday. */
  workingDays: number[];
  windows: { from: TimeOfDay; to: TimeOfDay }[];
  /** A weekday's own windows (key `"0"` … `"6"`), instead of `windows`. */
  days?: Partial<Record<string, { from: TimeOfDay; to: TimeOfDay }[]>> | undefined;
}

/** The center's day as the calendar sees it: its weekly hours, and whether today is a holiday or a make-up working day. */
export interface CenterDay {
  hours: IssuingHours;
  special: { kind: 'holiday' | 'workday'; name: string; nameEn: string } | null;
}

export interface Service {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  prefix: string;
  width: number;
  startNumber: number;
  dailyCap: number | null;
  hours: IssuingHours | null;
  /** Used for wait estimates until enough tickets of the day were served. */
  defaultServiceSeconds: number;
  /** Issuing stopped by an admin for one service day (`day`), with the reason to show. */
  stopped?: { day: string; reason: string } | null;
}

export interface Counter {
  id: number;
  number: number;
  serviceIds: string[];
  priority: boolean;
  /** `fifo`: oldest ticket among all its services; `ordered`: its services in the listed order. */
  serviceOrder: 'fifo' | 'ordered';
}

export interface QueueRules {
  priorityCategories: string[];
  /** After this many priority calls in a row, a counter takes a normal ticket that waited long enough. */
  antiStarvationAfter: number;
  antiStarvationWaitSeconds: number;
  /** After this many booked calls in a row, a counter takes a walk-in who waited `walkInWaitSeconds` (0 or absent: never). */
  bookedCallsInARow?: number;
  walkInWaitSeconds?: number;
}

export interface Ticket {
  id: string;
  serviceDay: string;
  serviceId: string;
  seq: number;
  number: string;
  priority: string | null;
  channel: Channel;
  status: TicketStatus;
  counterId: number | null;
  /** Set by a transfer to a specific counter; only that counter may call it. */
  targetCounterId: number | null;
  /** Place in the queue: the issue time, kept across transfers so a transferred ticket goes ahead of later arrivals. */
  queuedAt: number;
  issuedAt: number;
  firstCalledAt: number | null;
  calledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  callCount: number;
  dossierCode: string | null;
  staffId: number | null;
  printed: boolean | null;
  /** Channel `appointment`: the booked slot's start; the ticket is due at that time, ahead of walk-ins. */
  appointmentAt?: number | null;
}

/** Every refusal of the queue domain; each has its words in `http/messages.ts` (a missing one does not compile). */
export type QueueErrorCode =
  | 'already_rated'
  | 'counter_busy'
  | 'counter_closed'
  | 'counter_in_use'
  | 'counter_not_open'
  | 'counter_not_paused'
  | 'counter_number_taken'
  | 'counter_paused'
  | 'counter_taken'
  | 'daily_cap_reached'
  | 'holiday'
  | 'invalid_setup'
  | 'led_address_invalid'
  | 'led_address_taken'
  | 'invalid_transition'
  | 'last_admin'
  | 'no_current_ticket'
  | 'not_allowed_at_counter'
  | 'not_served_yet'
  | 'not_signed_in_here'
  | 'not_working_day'
  | 'numbering_in_use'
  | 'numbers_exhausted'
  | 'outside_hours'
  | 'password_too_weak'
  | 'prefix_collision'
  | 'prefix_in_use'
  | 'rating_by_staff'
  | 'rating_key_missing'
  | 'rating_key_wrong'
  | 'rating_level_not_offered'
  | 'rating_window_closed'
  | 'rating_wrong_counter'
  | 'reasons_only_when_low'
  | 'service_has_waiting'
  | 'service_id_taken'
  | 'setup_done'
  | 'stale_view'
  | 'stopped_today'
  | 'ticket_not_held_here'
  | 'ticket_not_waiting'
  | 'transfer_nowhere'
  | 'transfer_to_closed'
  | 'transfer_to_self'
  | 'unknown_counter'
  | 'unknown_priority'
  | 'duplicate_priority'
  | 'unknown_rating_reason'
  | 'unknown_service'
  | 'unknown_ticket'
  | 'unknown_timezone'
  | 'unknown_user'
  | 'unknown_device'
  | 'username_taken'
  | 'wrong_password'
  | AppointmentErrorCode
;

/** The booking refusals (words in `http/appointment-messages.ts`). */
export type AppointmentErrorCode =
  | 'appointment_not_found'
  | 'appointment_key_wrong'
  | 'appointment_closed'
  | 'appointment_not_today'
  | 'check_in_too_early'
  | 'bookings_off'
  | 'slot_unavailable'
  | 'slot_full'
  | 'booking_day_full'
  | 'booking_limit_phone'
  | 'booking_limit_device'
  | 'rate_limited';

export class QueueError extends Error {
  constructor(
    readonly code: QueueErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}
