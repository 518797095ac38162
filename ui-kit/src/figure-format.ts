import { decimalsAgainst } from '@qms/protocol/rounding';
import type { Lang } from './i18n';

const locale = (lang: Lang) => (lang === 'vi' ? 'vi-VN' : 'en-GB');

export const fmtInt = (n: number, lang: Lang) => new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 }).format(n);

/** 0.9734 → "97,3%"; against a target, 3799/4000 → "94,98%" (never "95%" next to "chưa đạt"). */
export function fmtPct(rate: number | null | undefined, lang: Lang, target?: number | null): string {
  if (rate === null || rate === undefined) return '—';
  const d = decimalsAgainst(rate, target, 1);
  return `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: d }).format(Math.round(rate * 100 * 10 ** d) / 10 ** d)}%`;
}

/** Seconds → "8 ph 12 giây"-style short text: minutes with one decimal. */
export const fmtMinutes = (seconds: number | null | undefined, lang: Lang) =>
  seconds === null || seconds === undefined ? '—' : `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(Math.round(seconds / 6) / 10)} ${lang === 'vi' ? 'phút' : 'min'}`;

/** `2026-03-05` → `05/03/2026`. */
export const fmtDate = (day: string) => day.split('-').reverse().join('/');
