import type { ServiceDto } from '@qms/protocol';
import { translate, type Lang } from './i18n';

/** The service's name in `lang` (the Vietnamese name when no English one is set). */
export function serviceName(service: Pick<ServiceDto, 'name' | 'nameEn'>, lang: Lang): string {
  return lang === 'en' && service.nameEn ? service.nameEn : service.name;
}

/** An estimated wait in whole minutes, rounded up ("khoảng 5 phút"); "—" when unknown. */
export function waitText(seconds: number | null | undefined, lang: Lang): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  return translate(lang, 'wait.minutes', { n: Math.max(1, Math.ceil(seconds / 60)) });
}

/** The last two words' first letters, as Vietnamese names are read ("Lê Thị Bình" → "TB"), in place of a missing photo. */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(-2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}
