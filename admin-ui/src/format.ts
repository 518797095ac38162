import type { Lang } from '@qms/ui-kit';

const locale = (lang: Lang) => (lang === 'vi' ? 'vi-VN' : 'en-GB');

export const fmtInt = (n: number, lang: Lang) => new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 }).format(n);

/** Decimals (one or more) that keep a rate, rounded, from looking equal to the target it is below or above (94,98% vs 95%). */
function decimalsAgainst(rate: number, target: number | null | undefined): number {
  if (target === null || target === undefined || rate === target) return 1;
  let d = 1;
  for (; d < 8; d++) {
    const shown = Math.round(rate * 100 * 10 ** d);
    const goal = Math.round(target * 100 * 10 ** d);
    if (rate < target ? shown < goal : shown > goal) break;
  }
  return d;
}

/** 0.9734 → "97,3%"; against a target, 3799/4000 → "94,98%" (never "95%" next to "chưa đạt"). */
export function fmtPct(rate: number | null | undefined, lang: Lang, target?: number | null): string {
  if (rate === null || rate === undefined) return '—';
  const d = decimalsAgainst(rate, target);
  return `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: d }).format(Math.round(rate * 100 * 10 ** d) / 10 ** d)}%`;
}

/** Seconds → "8 ph 12 giây"-style short text: minutes with one decimal. */
export const fmtMinutes = (seconds: number | null | undefined, lang: Lang) =>
  seconds === null || seconds === undefined ? '—' : `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(Math.round(seconds / 6) / 10)} ${lang === 'vi' ? 'phút' : 'min'}`;

/** `2026-03-05` → `05/03/2026`. */
export const fmtDate = (day: string) => day.split('-').reverse().join('/');
