import type { MyDayDto } from '@qms/protocol';
import { useLang } from '@qms/ui-kit';
import { durationText, minutesClock } from './time';
import { useWords } from './words';

/**
 * Five figures side by side in a narrow box: each value stays on one line. The mean service time is "1:06"
 * under "Thời gian TB (phút)" ("1 phút 06 giây" wrapped to three lines on a 1366×657 screen); the full words on hover.
 */
export function MyDay({ day }: { day: MyDayDto | null }) {
  const { t, lang } = useLang();
  const w = useWords();
  const figure = (label: string, value: string, title?: string) => (
    <div className="desk__figure" title={title}>
      <div className="desk__figure-value">{value}</div>
      <div className="desk__figure-label">{label}</div>
    </div>
  );
  const avg = day?.averageServiceSeconds ?? null;
  return (
    <section className="qms-card desk__day" aria-label={t('desk.myDay')}>
      <h2>{t('desk.myDay')}</h2>
      <div className="desk__figures">
        {figure(t('desk.served'), day ? String(day.served) : '—')}
        {figure(t('desk.noShows'), day ? String(day.noShow) : '—')}
        {figure(w('avgServiceMinutes'), avg !== null ? minutesClock(avg) : '—', avg !== null ? `${t('desk.avgService')}: ${durationText(avg, lang)}` : undefined)}
        {figure(t('desk.ratings'), day ? String(day.ratings.total) : '—')}
        {figure(t('desk.satisfaction'), day?.satisfactionRate != null ? `${Math.round(day.satisfactionRate * 100)}%` : '—')}
      </div>
    </section>
  );
}
