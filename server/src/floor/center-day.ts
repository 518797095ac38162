import type { CenterConfig } from '../config/schema';
import { issuingBlock, type CenterDay, type IssuingCheck, type QueueError } from '../queue';
import { calendarQueries } from '../store/calendar';
import type { Db } from '../store/open';

/**
 * The floor's issuing check with the center's calendar: weekly hours (stored; the config's `defaultHours` until
 * the admin saves some), then the day's holiday or make-up working day, then the service's own hours.
 */
export function centerCalendar(db: Db, config: CenterConfig) {
  const q = calendarQueries(db);

  function on(day: string): CenterDay {
    const special = q.day(day);
    return { hours: q.hours() ?? config.defaultHours, special: special && { kind: special.kind, name: special.name, nameEn: special.nameEn } };
  }

  /** Why the service cannot issue now on `day`, or null. */
  function block(check: Omit<IssuingCheck, 'center'>, day: string, center = on(day)): QueueError | null {
    // Services without hours of their own are loaded with the config's defaultHours object; they follow the
    // center's weekly hours instead, which the admin may have changed since.
    const service = check.service.hours === config.defaultHours ? { ...check.service, hours: null } : check.service;
    return issuingBlock({ ...check, service, center });
  }

  return { q, on, block };
}
export type CenterCalendar = ReturnType<typeof centerCalendar>;
