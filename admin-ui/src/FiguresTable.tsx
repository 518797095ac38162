import { fmtInt, fmtMinutes, fmtPct } from '@qms/ui-kit';
import type { Figures, SummaryReply } from '@qms/protocol';
import { useWords } from './words';

export type Group = NonNullable<SummaryReply['groups']>[number];

/** `labelOf`: the row's name in the screen's language (the server's labels are the Vietnamese ones of the exports). */
export function FiguresTable({
  title,
  groups,
  totals,
  withTarget = false,
  labelOf = (g) => g.label,
}: {
  title: string;
  groups: Group[];
  totals: Figures;
  withTarget?: boolean;
  labelOf?: (g: Group) => string;
}) {
  const { w, lang } = useWords();
  const n = (x: number) => fmtInt(x, lang);
  const row = (label: string, f: Figures, key: string, strong = false) => (
    <tr key={key} className={f.belowTarget ? 'row--below' : undefined}>
      <td>{strong ? <strong>{label}</strong> : label}</td>
      <td className="num">{n(f.issued)}</td>
      <td className="num">{n(f.served)}</td>
      <td className="num">{n(f.noShow)}</td>
      <td className="num">{n(f.transferred)}</td>
      <td className="num">{fmtMinutes(f.waitSeconds.mean, lang)}</td>
      <td className="num">{fmtMinutes(f.waitSeconds.p90, lang)}</td>
      <td className="num">{fmtMinutes(f.serviceSeconds.mean, lang)}</td>
      <td className="num">{n(f.ratings.total)}</td>
      <td className="num">{fmtPct(f.satisfactionRate, lang, f.satisfactionTarget)}</td>
      <td className="num">{fmtPct(f.rate766, lang)}</td>
      {withTarget && (
        <>
          <td className="num">{n(f.paperBallots?.total ?? 0)}</td>
          <td className="num">{fmtPct(f.combined?.satisfactionRate, lang, f.satisfactionTarget)}</td>
          <td className="num">{fmtPct(f.satisfactionTarget, lang)}</td>
          <td className="reports__verdict">{f.belowTarget === true ? <span className="verdict verdict--below">{w('fig.below')}</span> : f.belowTarget === false ? <span className="verdict verdict--ok">{w('fig.met')}</span> : '—'}</td>
        </>
      )}
    </tr>
  );
  return (
    <section className="qms-card">
      <h2>{title}</h2>
      <div className="reports__scroll">
        <table className="qms-table reports__table">
          <thead>
            <tr>
              <th>{w('reports.group')}</th>
              <th className="num">{w('fig.issued')}</th>
              <th className="num">{w('fig.served')}</th>
              <th className="num">{w('fig.noShow')}</th>
              <th className="num">{w('fig.transferred')}</th>
              <th className="num">{w('fig.waitMean')}</th>
              <th className="num">{w('fig.waitP90')}</th>
              <th className="num">{w('fig.serviceMean')}</th>
              <th className="num">{w('fig.ratings')}</th>
              <th className="num">{w('fig.satisfaction')}</th>
              <th className="num">{w('fig.rate766')}</th>
              {withTarget && (
                <>
                  <th className="num">{w('fig.paper')}</th>
                  <th className="num">{w('fig.combined')}</th>
                  <th className="num">{w('fig.target')}</th>
                  <th className="reports__verdict" />
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => row(labelOf(g), g, String(g.key)))}
            {row(lang === 'vi' ? 'Tổng cộng' : 'Total', totals, '__total', true)}
          </tbody>
        </table>
      </div>
    </section>
  );
}
