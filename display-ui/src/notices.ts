import type { ServiceDto } from '@qms/protocol';
import { serviceName, type Lang } from '@qms/ui-kit';

export interface HallNotice {
  key: string;
  kind: 'holiday' | 'stopped';
  text: string;
}

const words = {
  vi: {
    title: 'Thông báo',
    holiday: (name: string) => `Hôm nay nghỉ lễ: ${name}. Trung tâm không cấp số.`,
    stopped: (field: string, reason: string) => `${field}: tạm dừng nhận hồ sơ hôm nay${reason ? ` (${reason})` : ''}.`,
  },
  en: {
    title: 'Notices',
    holiday: (name: string) => `Public holiday today: ${name}. No tickets are issued.`,
    stopped: (field: string, reason: string) => `${field}: not taking applications today${reason ? ` (${reason})` : ''}.`,
  },
} as const;

export const noticesTitle = (lang: Lang) => words[lang].title;

/** What the hall must know today beyond the calls: a holiday closing the center, fields stopped for the day. */
export function hallNotices(services: ServiceDto[], lang: Lang): HallNotice[] {
  const w = words[lang];
  const holiday = services.find((s) => s.holiday)?.holiday;
  if (holiday) return [{ key: 'holiday', kind: 'holiday', text: w.holiday(lang === 'en' && holiday.nameEn ? holiday.nameEn : holiday.name) }];
  return services
    .filter((s) => s.closedReason === 'stopped_today')
    .map((s) => ({ key: `stopped-${s.id}`, kind: 'stopped', text: w.stopped(serviceName(s, lang), s.stoppedReason?.trim() ?? '') }));
}
