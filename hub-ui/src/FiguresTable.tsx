import { fmtInt, fmtMinutes, fmtPct } from '@qms/ui-kit';
import type { Figures, SummaryReply } from '@qms/protocol';
import { useWords } from './words';

export type Group = NonNullable<SummaryReply['groups']>[number];

/** A figures table of the city report: one line per group, the total last; `onOpen` makes the names links. */
export function FiguresTable({
  title,
  groups,
  totals,
  onOpen,
  name,
  labelOf = (g) => g.label,
}: {
  title: string;
  groups: Group[];
  totals: Figures;
  onOpen?: (g: Group) => void;
  name?: string;
  /** The line's name in the screen's language (the hub labels lines in Vietnamese, the exports' language). */
  labelOf?: (g: Group) => string;
}) {
  const { w, lang } = useWords();
  const n = (x: number) => fmtInt(x, lang);
  const row = (label: string, f: Figures, key: string, g?: Group) => (
    <tr key={key} className={f.belowTarget ? 'row--below' : undefined} data-key={g ? String(g.key) : undefined}>
      <td>
        {g && onOpen ? (
          <button type="button" className="live__open" onClick={() => onOpen(g)}>
            {label}
          </button>
        ) : g ? (
          label
        ) : (
          <strong>{label}</strong>
        )}
      </td>
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
      <td className="num">{n(f.paperBallots?.total ?? 0)}</td>
      <td className="num">{fmtPct(f.combined?.satisfactionRate, lang, f.satisfactionTarget)}</td>
      <td className="num">{fmtPct(f.satisfactionTarget, lang)}</td>
      <td className="city__verdict">
        {f.belowTarget === true ? <span className="verdict verdict--below">{w('fig.below')}</span> : f.belowTarget === false ? <span className="verdict verdict--ok">{w('fig.met')}</span> : '—'}
      </td>
    </tr>
  );
  return (
    <section className="qms-card" aria-label={title}>
      <h2>{title}</h2>
      <div className="city__scroll">
        <table className="qms-table city__table">
          <thead>
            <tr>
              <th>{name ?? w('col.center')}</th>
              <th className="num">{w('fig.issued')}</th>
              <th className="num">{w('fig.served')}</th>
              <th className="num">{w('fig.noShow')}</th>
              <th className="num">{w('fig.transferred')}</th>
              <th className="num">{w('fig.waitMean')}</th>
              <th className="num">{w('fig.waitP90')}</th>
              <th className="num">{w('fig.serviceMean')}</th>
              <th className="num">{w('fig.ratings')}</th>
              <th className="num">{w('fig.satisfactionDevices')}</th>
              <th className="num">{w('fig.rate766')}</th>
              <th className="num">{w('fig.paper')}</th>
              <th className="num">{w('fig.combined')}</th>
              <th className="num">{w('fig.target')}</th>
              <th className="city__verdict" />
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => row(labelOf(g), g, String(g.key), g))}
            {row(w('fig.total'), totals, '__total')}
          </tbody>
        </table>
      </div>
    </section>
  );
}
