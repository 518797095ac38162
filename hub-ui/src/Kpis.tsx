import { fmtInt, fmtMinutes, fmtPct } from '@qms/ui-kit';
import type { Figures } from '@qms/protocol';
import { useWords } from './words';

/** The headline figures of a report (city or one center). */
export function Kpis({ f, extra }: { f: Figures; extra?: { label: string; value: string } }) {
  const { w, lang } = useWords();
  const n = (x: number) => fmtInt(x, lang);
  const pct = (x: number | null | undefined) => fmtPct(x, lang);
  return (
    <section className="reports__kpis" aria-label="kpis">
      <Kpi label={w('fig.issued')} value={n(f.issued)} sub={`${w('fig.served')}: ${n(f.served)} · ${w('fig.noShow')}: ${n(f.noShow)}`} />
      {extra && <Kpi label={extra.label} value={extra.value} />}
      <Kpi label={w('fig.waitMean')} value={fmtMinutes(f.waitSeconds.mean, lang)} sub={`${w('fig.waitMedian')}: ${fmtMinutes(f.waitSeconds.median, lang)} · ${w('fig.withinTarget', { m: f.waitWithinTarget.targetSeconds / 60 })}: ${pct(f.waitWithinTarget.share)}`} />
      <Kpi label={w('fig.ratings')} value={n(f.ratings.total)} sub={`${w('fig.responseRate')}: ${pct(f.responseRate)} · ${w('fig.paper')}: ${n(f.paperBallots?.total ?? 0)}`} />
      <Kpi
        label={w('fig.satisfaction')}
        value={fmtPct(f.combined?.satisfactionRate, lang, f.satisfactionTarget)}
        sub={`${w('fig.devicesAndPaper')} · ${w('fig.target')}: ${pct(f.satisfactionTarget)}`}
        tone={f.belowTarget ? 'below' : f.belowTarget === false ? 'ok' : undefined}
      />
      <Kpi label={w('fig.rate766')} value={pct(f.rate766)} sub={w('fig.rate766.hint')} />
    </section>
  );
}

export function Kpi({ label, value, sub, tone }: { label: string; value: string; sub?: string; tone?: 'ok' | 'below' | undefined }) {
  return (
    <div className={`qms-card kpi${tone ? ` kpi--${tone}` : ''}`}>
      <div className="kpi__label">{label}</div>
      <div className="kpi__value">{value}</div>
      {sub && <div className="kpi__sub">{sub}</div>}
    </div>
  );
}

