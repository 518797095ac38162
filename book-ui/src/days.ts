import type { Lang } from '@qms/ui-kit';

/** How far ahead the page offers days. */
export const DAYS_AHEAD = 14;

/** Today's date (YYYY-MM-DD) as a wall clock in `timeZone` shows it. */
export function localDate(ms: number, timeZone: string): string {
  const p: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(ms))) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day}`;
}

/** `count` calendar days from `first` (YYYY-MM-DD), by date arithmetic only (no zone, no daylight saving). */
export function daysFrom(first: string, count: number): string[] {
  const start = Date.UTC(Number(first.slice(0, 4)), Number(first.slice(5, 7)) - 1, Number(first.slice(8, 10)));
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

const weekdays: Record<Lang, string[]> = {
  vi: ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
const shortWeekdays: Record<Lang, string[]> = {
  vi: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** "Thứ Hai, 16/03/2026" / "Monday, 16/03/2026". */
export function dayText(date: string, lang: Lang): string {
  return `${weekdays[lang][weekdayOf(date)]}, ${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** The day chip's two lines: "T2" and "16/03". */
export function dayChip(date: string, lang: Lang): { weekday: string; date: string } {
  return { weekday: shortWeekdays[lang][weekdayOf(date)]!, date: `${date.slice(8, 10)}/${date.slice(5, 7)}` };
}

/** The wall-clock time of an ISO time with the center's offset ("2026-03-16T09:00:00+07:00" → "09:00"). */
export const clockOf = (iso: string): string => iso.slice(11, 16);
/** Its date ("2026-03-16"). */
export const dateOf = (iso: string): string => iso.slice(0, 10);
