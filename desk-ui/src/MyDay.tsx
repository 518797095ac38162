import type { MyDayDto } from '@qms/protocol';
import { useLang } from '@qms/ui-kit';
import { durationText } from './time';

export function MyDay({ day }: { day: MyDayDto | null }) {
  const { t, lang } = useLang();
  const figure = (label: string, value: string) => (
    <div className="desk__figure">
      <div className="desk__figure-value">{value}</div>
      <div className="desk__figure-label">{label}</div>
    </div>
  );
  return (
    <section className="qms-card desk__day" aria-label={t('desk.myDay')}>
      <h2>{t('desk.myDay')}</h2>
      <div className="desk__figures">
        {figure(t('desk.served'), day ? String(day.served) : '—')}
        {figure(t('desk.noShows'), day ? String(day.noShow) : '—')}
        {figure(t('desk.avgService'), day?.averageServiceSeconds != null ? durationText(day.averageServiceSeconds, lang) : '—')}
        {figure(t('desk.ratings'), day ? String(day.ratings.total) : '—')}
        {figure(t('desk.satisfaction'), day?.satisfactionRate != null ? `${Math.round(day.satisfactionRate * 100)}%` : '—')}
      </div>
    </section>
  );
}
