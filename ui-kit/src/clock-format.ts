import type { Lang } from './i18n';

/** The center's zone when the snapshot has not arrived yet. */
export const DEFAULT_TIMEZONE = 'Asia/Ho_Chi_Minh';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, timeZone: string): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
        timeZone,
        weekday: 'long',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      // An unknown zone name must not blank the screen.
      return formatter(lang, DEFAULT_TIMEZONE);
    }
    formatters.set(key, f);
  }
  return f;
}

/**
 * Date and time as a wall clock in `timeZone` shows it, e.g. "Thứ Hai, 23/11/2026 08:05"
 * (English: "Monday, 23/11/2026 08:05"). Built from parts because the locales order them differently.
 */
export function formatClock(ms: number, timeZone: string, lang: Lang = 'vi'): string {
  const p: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatter(lang, timeZone).formatToParts(new Date(ms))) p[part.type] = part.value;
  return `${p.weekday ?? ''}, ${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}
