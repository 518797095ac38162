import type { Figures, SummaryReply } from '@qms/protocol';
import { fmtInt, fmtMinutes, fmtPct } from './figure-format';
import { useFigureWords } from './figure-words';

export type FiguresGroup = NonNullable<SummaryReply['groups']>[number];

/** Whether a line's satisfaction met its target: "Chưa đạt" / "Đạt", or a dash where there is no target or no rating. */
export function Verdict({ below }: { below: boolean | null | undefined }) {
  const { fw } = useFigureWords();
  if (below === true) return <span className="verdict verdict--below">{fw('fig.below')}</span>;
  return below === false ? <span className="verdict verdict--ok">{fw('fig.met')}</span> : <>—</>;
}

/**
 * A report's figures, one line per group and the total last; the center's reports and the city's share it.
 * `name`: the first column's heading; `labelOf`: a line's name in the screen's language (the servers label lines in
 * Vietnamese, the exports' language); `onOpen` makes the names buttons; `withTarget` adds paper ballots, the combined
 * rate, the target and the verdict.
 */
export function FiguresTable({
  title,
  name,
  groups,
  totals,
  withTarget = false,
  labelOf = (g) => g.label,
  onOpen,
}: {
  title: string;
  name: string;
  groups: FiguresGroup[];
  totals: Figures;
  withTarget?: boolean;
  labelOf?: (g: FiguresGroup) => string;
  onOpen?: (g: FiguresGroup) => void;
}) {
  const { fw, lang } = useFigureWords();
  const n = (x: number) => fmtInt(x, lang);
  const row = (label: string, f: Figures, key: string, g?: FiguresGroup) => (
    <tr key={key} className={f.belowTarget ? 'row--below' : undefined} data-key={g ? String(g.key) : undefined}>
      <td>
        {!g ? (
          <strong>{label}</strong>
        ) : onOpen ? (
          <button type="button" className="qms-link-button" onClick={() => onOpen(g)}>
            {label}
          </button>
        ) : (
          label
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
      {withTarget && (
        <>
          <td className="num">{n(f.paperBallots?.total ?? 0)}</td>
          <td className="num">{fmtPct(f.combined?.satisfactionRate, lang, f.satisfactionTarget)}</td>
          <td className="num">{fmtPct(f.satisfactionTarget, lang)}</td>
          <td className="figures__verdict">
            <Verdict below={f.belowTarget} />
          </td>
        </>
      )}
    </tr>
  );
  return (
    <section className="qms-card" aria-label={title}>
      <h2>{title}</h2>
      <div className="figures__scroll">
        <table className="qms-table figures__table">
          <thead>
            <tr>
              <th>{name}</th>
              <th className="num">{fw('fig.issued')}</th>
              <th className="num">{fw('fig.served')}</th>
              <th className="num">{fw('fig.noShow')}</th>
              <th className="num">{fw('fig.transferred')}</th>
              <th className="num">{fw('fig.waitMean')}</th>
              <th className="num">{fw('fig.waitP90')}</th>
              <th className="num">{fw('fig.serviceMean')}</th>
              <th className="num">{fw('fig.ratings')}</th>
              <th className="num">{fw(withTarget ? 'fig.satisfiedDevices' : 'fig.satisfaction')}</th>
              <th className="num">{fw('fig.rate766')}</th>
              {withTarget && (
                <>
                  <th className="num">{fw('fig.paper')}</th>
                  <th className="num">{fw('fig.combined')}</th>
                  <th className="num">{fw('fig.target')}</th>
                  <th className="figures__verdict" />
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => row(labelOf(g), g, String(g.key), g))}
            {row(fw('fig.total'), totals, '__total')}
          </tbody>
        </table>
      </div>
    </section>
  );
}
