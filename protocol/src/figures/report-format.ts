import { decimalsAgainst } from '../rounding';

/** Vietnamese number, percent and date formats for files and the report paragraph. */
const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const integerEn = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const decimals = (lang: ReportLang, d: number) => new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: d });

export type ReportLang = 'vi' | 'en';

export const fmtInt = (n: number, lang: ReportLang = 'vi') => (lang === 'vi' ? integer : integerEn).format(n);

/** 0.9734 → "97,3%" (vi) or "97.3%" (en); "—" when there is no rate. Against a target, as many decimals as keep them apart. */
export function fmtPercent(rate: number | null, lang: ReportLang = 'vi', target?: number | null): string {
  if (rate === null) return '—';
  const d = decimalsAgainst(rate, target, 1);
  return `${decimals(lang, d).format(Math.round(rate * 100 * 10 ** d) / 10 ** d)}%`;
}

/** `2026-03-05` → `05/03/2026`. */
export const fmtDate = (day: string) => day.split('-').reverse().join('/');

/** 492 s → "8 phút 12 giây" (vi) or "8 min 12 s" (en). */
export function fmtDuration(seconds: number | null, lang: ReportLang = 'vi'): string {
  if (seconds === null) return '—';
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  const rest = s % 60;
  if (lang === 'en') return m ? `${m} min${rest ? ` ${rest} s` : ''}` : `${rest} s`;
  return m ? `${m} phút${rest ? ` ${rest} giây` : ''}` : `${rest} giây`;
}

/** Seconds → minutes to 0.1, for tables. */
export const minutes = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 6) / 10);
