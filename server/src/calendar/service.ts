import type { CalendarDay, CalendarDto, WeeklyHours } from '@qms/protocol';
import type { Floor } from '../floor';
import type { Tx } from '../floor/context';
import { calendarQueries } from '../store/calendar';
import type { Db } from '../store/open';
import { vietnamHolidays } from './vietnam-holidays';

/**
 * The center's calendar as the admin edits it: weekly issuing hours and each year's holidays and make-up days.
 * Every change is one floor transaction with a `setup.calendar.updated` event row, and open screens get the
 * services again (`services.updated`), since whether they can issue may have changed.
 */
export function createCalendar({ db, floor }: { db: Db; floor: Floor }) {
  const q = calendarQueries(db);
  const hours = (): WeeklyHours => q.hours() ?? floor.config.defaultHours;

  function changed(tx: Tx, staffId: number | null, id: number | 'hours', before: unknown, after: unknown) {
    tx.log({ type: 'setup.calendar.updated', ticketId: null, counterId: null, staffId, payload: { entity: 'calendar', id, before, after } });
    tx.emit({ type: 'services.updated', services: floor.servicesView() });
  }

  function setYear(tx: Tx, year: number, days: CalendarDay[], staffId: number | null) {
    const before = q.year(year);
    q.replaceYear(year, days, new Date(tx.now).toISOString(), staffId);
    changed(tx, staffId, year, before, q.year(year));
  }

  /** The statutory holidays of the year and its published swaps; the admin's own days are kept and win on a clash. */
  function prefilled(year: number): CalendarDay[] {
    const manual = q.year(year).filter((d) => d.source === 'manual');
    const taken = new Set(manual.map((d) => d.date));
    const computed = vietnamHolidays(year).filter((d) => !taken.has(d.date)).map((d) => ({ ...d, source: 'prefilled' as const }));
    return [...manual, ...computed].sort((a, b) => a.date.localeCompare(b.date));
  }

  return {
    get: (year: number): CalendarDto => ({ year, hours: hours(), days: q.year(year) }),

    update(change: { year?: number | undefined; hours?: WeeklyHours | undefined; days?: CalendarDay[] | undefined }, staffId: number): CalendarDto {
      const year = change.year ?? Number(floor.serviceDay().slice(0, 4));
      floor.run((tx) => {
        if (change.hours) {
          const before = hours();
          q.saveHours(change.hours, new Date(tx.now).toISOString(), staffId);
          changed(tx, staffId, 'hours', before, change.hours);
        }
        if (change.days) setYear(tx, year, change.days, staffId);
      });
      return { year, hours: hours(), days: q.year(year) };
    },

    prefill(year: number, staffId: number | null): CalendarDto {
      floor.run((tx) => setYear(tx, year, prefilled(year), staffId));
      return { year, hours: hours(), days: q.year(year) };
    },

    /** At start: the weekly hours from the config's `defaultHours`, and holidays for the years never filled in yet. */
    ensure(years: number[]) {
      const missing = years.filter((y) => !q.yearKnown(y));
      if (q.hours() !== null && missing.length === 0) return;
      floor.run((tx) => {
        if (q.hours() === null) q.saveHours(floor.config.defaultHours, new Date(tx.now).toISOString(), null);
        for (const y of missing) setYear(tx, y, prefilled(y), null);
      });
    },
  };
}
export type Calendar = ReturnType<typeof createCalendar>;
