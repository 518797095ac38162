import { translate, type Lang } from '@qms/ui-kit';

/** "4 phút 05 giây" / "45 giây" for a duration in seconds. */
export function durationText(seconds: number, lang: Lang): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return translate(lang, 'time.seconds', { n: s });
  return translate(lang, 'time.minutes', { m: Math.floor(s / 60), s: String(s % 60).padStart(2, '0') });
}

/** "1:06" (minutes:seconds, any number of minutes) where "1 phút 06 giây" does not fit; the unit is said beside it. */
export function minutesClock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export const secondsSince = (iso: string | null | undefined, now: number) => (iso ? Math.max(0, (now - Date.parse(iso)) / 1000) : 0);
