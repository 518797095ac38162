import { WeeklyHours, type CalendarDay } from '@qms/protocol';
import type { Db } from './open';

interface DayRow {
  date: string;
  kind: CalendarDay['kind'];
  name: string;
  name_en: string;
  source: CalendarDay['source'];
}

const toDay = (r: DayRow): CalendarDay => ({ date: r.date, kind: r.kind, name: r.name, nameEn: r.name_en, source: r.source });

/** The center's weekly hours and special days (holidays, make-up working days). */
export function calendarQueries(db: Db) {
  const hoursRow = db.prepare<[], { hours: string }>(`SELECT hours FROM center_hours WHERE id = 1`);
  const saveHours = db.prepare<[string, string, number | null]>(
    `INSERT INTO center_hours (id, hours, updated_at, updated_by) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET hours = excluded.hours, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  const dayRow = db.prepare<[string], DayRow>(`SELECT * FROM calendar_days WHERE date = ?`);
  const yearRows = db.prepare<[string, string], DayRow>(`SELECT * FROM calendar_days WHERE date >= ? AND date < ? ORDER BY date`);
  const deleteYear = db.prepare<[string, string]>(`DELETE FROM calendar_days WHERE date >= ? AND date < ?`);
  const insertDay = db.prepare<[string, string, string, string, string]>(`INSERT INTO calendar_days (date, kind, name, name_en, source) VALUES (?, ?, ?, ?, ?)`);
  const yearKnown = db.prepare<[number], { year: number }>(`SELECT year FROM calendar_years WHERE year = ?`);
  const touchYear = db.prepare<[number, string, number | null]>(
    `INSERT INTO calendar_years (year, updated_at, updated_by) VALUES (?, ?, ?)
     ON CONFLICT (year) DO UPDATE SET updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  const span = (year: number): [string, string] => [`${year}-01-01`, `${year + 1}-01-01`];

  // Every issue reads the hours: the row is read each time, but parsed again only when its text changed.
  let parsedHours: { text: string; hours: WeeklyHours | null } | null = null;

  return {
    /** The stored weekly hours, or null before the first save (the config's `defaultHours` apply). */
    hours(): WeeklyHours | null {
      const row = hoursRow.get();
      if (!row) return null;
      if (parsedHours?.text !== row.hours) {
        const parsed = WeeklyHours.safeParse(JSON.parse(row.hours));
        parsedHours = { text: row.hours, hours: parsed.success ? parsed.data : null };
      }
      return parsedHours.hours;
    },
    saveHours(hours: WeeklyHours, at: string, userId: number | null) {
      saveHours.run(JSON.stringify(hours), at, userId);
    },
    day: (date: string): CalendarDay | null => {
      const r = dayRow.get(date);
      return r ? toDay(r) : null;
    },
    year: (year: number): CalendarDay[] => yearRows.all(...span(year)).map(toDay),
    /** Replaces the year's days with `days`. */
    replaceYear(year: number, days: CalendarDay[], at: string, userId: number | null) {
      deleteYear.run(...span(year));
      for (const d of days) insertDay.run(d.date, d.kind, d.name, d.nameEn, d.source);
      touchYear.run(year, at, userId);
    },
    yearKnown: (year: number) => yearKnown.get(year) !== undefined,
  };
}
export type CalendarQueries = ReturnType<typeof calendarQueries>;
