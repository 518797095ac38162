import type { IssuingWindow, WeeklyHours } from '@qms/protocol';

/** One weekday as the form shows it: open or not, and its windows as text ("07:30-11:30, 13:30-17:00"). */
export interface DayRow {
  weekday: number;
  working: boolean;
  text: string;
}

/** Monday first, as Vietnamese calendars print the week. */
export const weekOrder = [1, 2, 3, 4, 5, 6, 0];

const windowsText = (ws: IssuingWindow[]) => ws.map((x) => `${x.from}-${x.to}`).join(', ');

export function toRows(hours: WeeklyHours): DayRow[] {
  return weekOrder.map((weekday) => ({
    weekday,
    working: hours.workingDays.includes(weekday),
    text: windowsText(hours.days?.[String(weekday) as '0'] ?? hours.windows),
  }));
}

const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "07:30-11:30, 13:30-17:00" → windows, or null when a part is not a valid window. */
export function parseWindows(text: string): IssuingWindow[] | null {
  const parts = text.split(/[,;]/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return null;
  const out: IssuingWindow[] = [];
  for (const p of parts) {
    const [from, to, extra] = p.split(/\s*[-–]\s*/).map((x) => x.trim().replace(/^(\d):/, '0$1:'));
    if (!from || !to || extra !== undefined || !hhmm.test(from) || !hhmm.test(to) || from >= to) return null;
    out.push({ from, to });
  }
  return out;
}

/** The rows back as weekly hours: Monday's windows (or the first open day's) are the common ones, the rest per day. */
export function toHours(rows: DayRow[]): { hours: WeeklyHours | null; badDays: number[] } {
  const badDays = rows.filter((r) => r.working && parseWindows(r.text) === null).map((r) => r.weekday);
  const open = rows.filter((r) => r.working);
  if (badDays.length || open.length === 0) return { hours: null, badDays };
  const common = parseWindows((open.find((r) => r.weekday === 1) ?? open[0]!).text)!;
  const days: NonNullable<WeeklyHours['days']> = {};
  for (const r of open) {
    const ws = parseWindows(r.text)!;
    if (windowsText(ws) !== windowsText(common)) days[String(r.weekday) as '0'] = ws;
  }
  return { hours: { workingDays: open.map((r) => r.weekday).sort(), windows: common, ...(Object.keys(days).length ? { days } : {}) }, badDays };
}
