import { localDate, localParts } from '@qms/protocol';
import { QueueError, type CenterDay, type IssuingHours, type Service } from './types';

/** `1` + width 3 + seq 23 → `1023`; `A` → `A023`. */
export function formatTicketNumber(service: Pick<Service, 'prefix' | 'width'>, seq: number): string {
  return `${service.prefix}${String(seq).padStart(service.width, '0')}`;
}

/** The service day an instant belongs to: the local date in the center's time zone, never UTC. */
export function serviceDayOf(ms: number, timeZone: string): string {
  return localDate(ms, timeZone);
}

/** The sequence number a service's next ticket gets, given the last one issued today (or null). */
export function nextSeq(service: Pick<Service, 'startNumber' | 'width' | 'name' | 'nameEn'>, lastSeq: number | null): number {
  const seq = lastSeq === null ? service.startNumber : lastSeq + 1;
  if (String(seq).length > service.width) throw new QueueError('numbers_exhausted', { service: service.name, serviceEn: service.nameEn });
  return seq;
}

export interface IssuingCheck {
  service: Service;
  now: number;
  timeZone: string;
  issuedToday: number;
  /** Demo centers issue at any hour with no cap. */
  demo: boolean;
  /** The center's weekly hours and calendar; checked before the service's own hours. Absent: the service's hours only. */
  center?: CenterDay | null;
}

/** A make-up working day (ngày làm bù) is worked with the hours of a normal Monday. */
export const MAKE_UP_DAY_HOURS_OF = 1;

/** Why a ticket for the service cannot be issued now, or null when it can. */
export function issuingBlock({ service, now, timeZone, issuedToday, demo, center }: IssuingCheck): QueueError | null {
  // An admin's stop holds in demo mode too: it is a decision, not opening hours.
  if (service.stopped && service.stopped.day === serviceDayOf(now, timeZone)) {
    return new QueueError('stopped_today', { service: service.name, reason: service.stopped.reason });
  }
  if (demo) return null;
  const p = localParts(now, timeZone);
  const minute = p.hour * 60 + p.minute;
  let weekday = p.weekday;
  if (center) {
    if (center.special?.kind === 'holiday') {
      return new QueueError('holiday', { service: service.name, holiday: center.special.name, holidayEn: center.special.nameEn || center.special.name });
    }
    if (center.special?.kind === 'workday') weekday = MAKE_UP_DAY_HOURS_OF;
    const block = hoursBlock(center.hours, weekday, minute, service.name);
    if (block) return block;
  }
  if (service.hours) {
    const block = hoursBlock(service.hours, weekday, minute, service.name);
    if (block) return block;
  }
  if (service.dailyCap !== null && issuedToday >= service.dailyCap) {
    return new QueueError('daily_cap_reached', { service: service.name, cap: service.dailyCap });
  }
  return null;
}

/** The windows of a weekday (0 = Sunday), or null when it is not a working day. */
export function windowsOf(hours: IssuingHours, weekday: number): IssuingHours['windows'] | null {
  if (!hours.workingDays.includes(weekday)) return null;
  return hours.days?.[String(weekday)] ?? hours.windows;
}

function hoursBlock(hours: IssuingHours, weekday: number, minute: number, service: string): QueueError | null {
  const windows = windowsOf(hours, weekday);
  if (!windows) return new QueueError('not_working_day', { service });
  if (windows.some((w) => minute >= toMinutes(w.from) && minute < toMinutes(w.to))) return null;
  return new QueueError('outside_hours', { service, windows: windows.map((w) => `${w.from}–${w.to}`).join(', ') });
}

export function toMinutes(t: string): number {
  const [h, m] = t.split(':').map(Number) as [number, number];
  return h * 60 + m;
}
