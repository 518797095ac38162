import { localDate, localParts } from '@qms/protocol';
import { QueueError, type Service } from './types';

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
}

/** Why a ticket for the service cannot be issued now, or null when it can. */
export function issuingBlock({ service, now, timeZone, issuedToday, demo }: IssuingCheck): QueueError | null {
  // An admin's stop holds in demo mode too: it is a decision, not opening hours.
  if (service.stopped && service.stopped.day === serviceDayOf(now, timeZone)) {
    return new QueueError('stopped_today', { service: service.name, reason: service.stopped.reason });
  }
  if (demo) return null;
  if (service.hours) {
    const p = localParts(now, timeZone);
    if (!service.hours.workingDays.includes(p.weekday)) return new QueueError('not_working_day', { service: service.name });
    const minute = p.hour * 60 + p.minute;
    const open = service.hours.windows.some((w) => minute >= toMinutes(w.from) && minute < toMinutes(w.to));
    if (!open) {
      const windows = service.hours.windows.map((w) => `${w.from}–${w.to}`).join(', ');
      return new QueueError('outside_hours', { service: service.name, windows });
    }
  }
  if (service.dailyCap !== null && issuedToday >= service.dailyCap) {
    return new QueueError('daily_cap_reached', { service: service.name, cap: service.dailyCap });
  }
  return null;
}

export function toMinutes(t: string): number {
  const [h, m] = t.split(':').map(Number) as [number, number];
  return h * 60 + m;
}
