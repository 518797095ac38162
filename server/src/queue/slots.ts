import { startOfLocalDay } from '@qms/protocol';
import { MAKE_UP_DAY_HOURS_OF, toMinutes, windowsOf } from './numbering';
import type { CenterDay, IssuingHours } from './types';

export interface SlotRules {
  enabled: boolean;
  slotMinutes: number;
  perSlot: number;
  /** Largest share of the field's day capacity bookings may take, in percent. */
  maxSharePercent: number;
}

export interface SlotDayInput {
  /** The local date, `YYYY-MM-DD`. */
  day: string;
  timeZone: string;
  /** The center's weekly hours and that day's holiday or make-up day. */
  center: CenterDay;
  /** The field's own hours, or null when it follows the center's. */
  serviceHours: IssuingHours | null;
  rules: SlotRules;
  /** Demo centers have a slot every hour of every day. */
  demo: boolean;
}

export interface SlotDay {
  closedReason: 'bookings_off' | 'holiday' | 'not_working_day' | null;
  slotMinutes: number;
  /** Slot starts and ends, epoch ms, in order. */
  slots: { start: number; end: number }[];
  /** Minutes the field issues tickets that day (the base of its day capacity). */
  openMinutes: number;
}

type Window = { from: number; to: number };

/**
 * A field's booking slots on a day: inside the field's issuing hours (the center's windows met with the field's
 * own), on the calendar's working days: none on a holiday, a make-up working day (ngày làm bù) is worked with
 * Monday's hours, as tickets are. A slot that would run past the end of a window is not offered.
 */
export function slotsOfDay({ day, timeZone, center, serviceHours, rules, demo }: SlotDayInput): SlotDay {
  if (!rules.enabled) return { closedReason: 'bookings_off', slotMinutes: rules.slotMinutes, slots: [], openMinutes: 0 };
  const dayStart = startOfLocalDay(day, timeZone);
  // Demo: a slot at every hour, whatever the calendar says, so anyone can try booking at night.
  if (demo) return { closedReason: null, slotMinutes: 60, slots: cut([{ from: 0, to: 24 * 60 }], 60, dayStart), openMinutes: 24 * 60 };
  if (center.special?.kind === 'holiday') return { closedReason: 'holiday', slotMinutes: rules.slotMinutes, slots: [], openMinutes: 0 };
  const weekday = center.special?.kind === 'workday' ? MAKE_UP_DAY_HOURS_OF : weekdayOf(day);
  const centerWindows = windowsOf(center.hours, weekday);
  const ownWindows = serviceHours ? windowsOf(serviceHours, weekday) : centerWindows;
  if (!centerWindows || !ownWindows) return { closedReason: 'not_working_day', slotMinutes: rules.slotMinutes, slots: [], openMinutes: 0 };
  const open = intersect(centerWindows.map(toWindow), ownWindows.map(toWindow));
  const openMinutes = open.reduce((n, w) => n + (w.to - w.from), 0);
  if (open.length === 0) return { closedReason: 'not_working_day', slotMinutes: rules.slotMinutes, slots: [], openMinutes: 0 };
  return { closedReason: null, slotMinutes: rules.slotMinutes, slots: cut(open, rules.slotMinutes, dayStart), openMinutes };
}

/**
 * How many bookings a field may take on a day: its share of the day's capacity. The capacity is the field's daily
 * cap when it has one, else the tickets its counters can serve in the open minutes at its usual service time.
 * Never more than the slots hold; demo centers have no day limit beyond the slots.
 */
export function bookingDayLimit(input: {
  slotDay: SlotDay;
  rules: SlotRules;
  dailyCap: number | null;
  serviceSeconds: number;
  counters: number;
  demo: boolean;
}): number {
  const slotRoom = input.slotDay.slots.length * input.rules.perSlot;
  if (input.demo) return slotRoom;
  const capacity = input.dailyCap ?? Math.floor((input.slotDay.openMinutes * 60) / Math.max(1, input.serviceSeconds)) * Math.max(1, input.counters);
  return Math.min(slotRoom, Math.floor((capacity * input.rules.maxSharePercent) / 100));
}

export interface CheckInWindowRules {
  checkInBeforeMinutes: number;
  checkInAfterMinutes: number;
}

/** The check-in window of a slot: from `before` minutes before its start to `after` minutes after it. */
export function checkInWindow(slotStart: number, rules: CheckInWindowRules): { from: number; until: number } {
  return { from: slotStart - rules.checkInBeforeMinutes * 60_000, until: slotStart + rules.checkInAfterMinutes * 60_000 };
}

/** `early`: wait until the window opens; `on_time`: a booked ticket; `late`: the window has closed, a normal ticket. */
export function checkInVerdict(now: number, slotStart: number, rules: CheckInWindowRules): 'early' | 'on_time' | 'late' {
  const w = checkInWindow(slotStart, rules);
  if (now < w.from) return 'early';
  return now <= w.until ? 'on_time' : 'late';
}

function weekdayOf(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

const toWindow = (w: { from: string; to: string }): Window => ({ from: toMinutes(w.from), to: toMinutes(w.to) });

function intersect(a: Window[], b: Window[]): Window[] {
  const out: Window[] = [];
  for (const x of a) {
    for (const y of b) {
      const from = Math.max(x.from, y.from);
      const to = Math.min(x.to, y.to);
      if (from < to) out.push({ from, to });
    }
  }
  return out.sort((p, q) => p.from - q.from);
}

function cut(windows: Window[], minutes: number, dayStart: number): SlotDay['slots'] {
  const slots: SlotDay['slots'] = [];
  for (const w of windows) {
    for (let m = w.from; m + minutes <= w.to; m += minutes) {
      // Minutes after local midnight; the offset is the day's (Vietnam has no daylight saving time).
      slots.push({ start: dayStart + m * 60_000, end: dayStart + (m + minutes) * 60_000 });
    }
  }
  return slots;
}
