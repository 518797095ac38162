import { fmtInt, fmtMinutes, type FiguresGroup } from '@qms/ui-kit';
import type { Figures } from '@qms/protocol';
import { useWords } from './words';

/** The report's "Lịch hẹn" block: bookings by slot day per field, booked vs walk-in wait, punctuality (docs/figures.md). */
export function BookingFigures({ totals, groups, labelOf }: { totals: Figures; groups: FiguresGroup[]; labelOf: (g: FiguresGroup) => string }) {
  const { w, lang } = useWords();
  const n = (x: number | undefined) => fmtInt(x ?? 0, lang);
  const mins = (d: Figures['waitSeconds']) => (d.mean === null ? '—' : `${fmtMinutes(d.mean, lang)} (${fmtMinutes(d.median, lang)})`);
  const signed = (s: number | null) => (s === null ? '—' : `${s > 0 ? '+' : s < 0 ? '−' : ''}${fmtMinutes(Math.abs(s), lang)}`);
  const punctual = (d: Figures['punctualitySeconds']) => (d.mean === null ? '—' : `${signed(d.mean)} (${signed(d.median)})`);
  const withBookings = groups.filter((g) => (g.bookings?.made ?? 0) > 0 || (g.issuedByChannel.appointment ?? 0) > 0);
  if ((totals.bookings?.made ?? 0) === 0 && (totals.issuedByChannel.appointment ?? 0) === 0) return null;
  const row = (label: string, f: Figures, key: string, strong = false) => (
    <tr key={key}>
      <td>{strong ? <strong>{label}</strong> : label}</td>
      <td className="num">{n(f.bookings?.made)}</td>
      <td className="num">{n(f.bookings?.kept)}</td>
      <td className="num">{n(f.bookings?.cancelled)}</td>
      <td className="num">
        {n(f.bookings?.noShow)}
        {(f.bookings?.late ?? 0) > 0 && <span className="qms-hint"> ({w('rb.late', { n: n(f.bookings?.late) })})</span>}
      </td>
      <td className="num">{n(f.bookings?.open)}</td>
      <td className="num">{mins(f.bookedWaitSeconds)}</td>
      <td className="num">{mins(f.walkInWaitSeconds)}</td>
      <td className="num">{punctual(f.punctualitySeconds)}</td>
    </tr>
  );
  return (
    <section className="qms-card reports__bookings" aria-label={w('rb.title')}>
      <h2>{w('rb.title')}</h2>
      <div className="figures__scroll">
        <table className="qms-table figures__table">
          <thead>
            <tr>
              <th>{w('rb.field')}</th>
              <th className="num">{w('rb.made')}</th>
              <th className="num">{w('rb.kept')}</th>
              <th className="num">{w('rb.cancelled')}</th>
              <th className="num">{w('rb.noShow')}</th>
              <th className="num">{w('rb.open')}</th>
              <th className="num">{w('rb.bookedWait')}</th>
              <th className="num">{w('rb.walkInWait')}</th>
              <th className="num">{w('rb.punctuality')}</th>
            </tr>
          </thead>
          <tbody>
            {withBookings.map((g) => row(labelOf(g), g, String(g.key)))}
            {row(w('fig.total'), totals, '__total', true)}
          </tbody>
        </table>
      </div>
      <p className="qms-hint">{w('rb.hint')}</p>
    </section>
  );
}
