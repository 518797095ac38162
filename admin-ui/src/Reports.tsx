import { useEffect, useState } from 'react';
import type { ReportPageReply, ServiceDto } from '@qms/protocol';
import { apiFetch, CopyParagraph, errorText, fmtInt, fmtMinutes, fmtPct, FiguresTable, type FiguresGroup, type Range, RangePicker, serviceName, useReportRange } from '@qms/ui-kit';
import { BarChart, Heatmap, TargetChart } from './charts';
import { BookingFigures } from './BookingFigures';
import { ExportButtons } from './Export';
import { useWords } from './words';

/** The reply of `GET /api/stats/report` (totals, the page's groupings, the paragraph) and the range it is for. */
interface Loaded {
  range: Range;
  reply: ReportPageReply;
}

const levels = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied'] as const;

export function Reports({ today, services }: { today: string; services: ServiceDto[] }) {
  const { w, lang } = useWords();
  const picker = useReportRange(() => today);
  const { range } = picker;
  const [data, setData] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<{ range: Range; message: string } | null>(null);

  useEffect(() => {
    let live = true;
    // One request, one pass over the range on the server (it used to be six, each reading the whole range).
    apiFetch<ReportPageReply>(`/api/stats/report?from=${range.from}&to=${range.to}&lang=${lang}`)
      .then((reply) => live && setData({ range, reply }))
      .catch((err: unknown) => live && setFailure({ range, message: errorText(err, lang) }));
    return () => void (live = false);
  }, [range, lang]);

  const fresh = data && data.range === range ? data : null;
  const error = failure && failure.range === range ? failure.message : null;

  return (
    <div className="reports">
      <RangePicker {...picker} words={{ preset: (p) => w(`preset.${p}`), from: w('range.from'), to: w('range.to'), period: (dates) => w('range.period', dates) }}>
        <ExportButtons range={range} />
      </RangePicker>
      {error && <p className="qms-error">{error}</p>}
      {!fresh && !error && <p className="qms-hint">{w('reports.loading')}</p>}
      {fresh && <ReportBody data={fresh} services={services} />}
    </div>
  );
}

function ReportBody({ data, services }: { data: Loaded; services: ServiceDto[] }) {
  const { w, lang } = useWords();
  // The server labels groups in Vietnamese (the exports' language): fields by their name in the screen's language,
  // tickets nobody called in its words.
  const fieldName = (g: FiguresGroup) => {
    const s = services.find((x) => x.id === g.key);
    return s ? serviceName(s, lang) : g.label;
  };
  const calledBy = (g: FiguresGroup) => (g.key === 'none' ? w('reports.notCalled') : g.label);
  const { totals: t, groups } = data.reply;
  const n = (x: number) => fmtInt(x, lang);
  const pct = (x: number | null | undefined) => fmtPct(x, lang);
  const heat = new Map(groups.weekday_hour.map((g) => [String(g.key), g.issued]));
  const hours = heatmapHours([...heat.keys()]);
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((k) => ({ key: k, label: (lang === 'vi' ? ['', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'] : ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'])[k]! }));
  const busyHours = [...new Set([...hours, ...groups.hour.map((g) => Number(g.key))])].sort((a, b) => a - b);
  const leftOut = data.reply.paperLeftOut;
  const byHour = new Map(groups.hour.map((g) => [Number(g.key), g.issued]));

  return (
    <>
      <section className="reports__kpis" aria-label="kpis">
        <Kpi label={w('fig.issued')} value={n(t.issued)} sub={`${w('fig.served')}: ${n(t.served)} · ${w('fig.noShow')}: ${n(t.noShow)}`} />
        <Kpi label={w('fig.waitMean')} value={fmtMinutes(t.waitSeconds.mean, lang)} sub={`${w('fig.waitMedian')}: ${fmtMinutes(t.waitSeconds.median, lang)} · P90: ${fmtMinutes(t.waitSeconds.p90, lang)}`} />
        <Kpi label={w('fig.withinTarget', { m: t.waitWithinTarget.targetSeconds / 60 })} value={pct(t.waitWithinTarget.share)} sub={`${w('fig.serviceMean')}: ${fmtMinutes(t.serviceSeconds.mean, lang)}`} />
        <Kpi
          label={w('fig.ratings')}
          value={n(t.ratings.total)}
          sub={`${w('fig.responseRate')}: ${pct(t.responseRate)} · ${w('fig.satisfiedDevices')}: ${fmtPct(t.satisfactionRate, lang, t.satisfactionTarget)}`}
        />
        {/* The rate the target is checked against (devices and paper together), so its colour and number agree. */}
        <Kpi
          label={w('fig.satisfaction')}
          value={fmtPct(t.combined?.satisfactionRate, lang, t.satisfactionTarget)}
          sub={`${w('fig.devicesAndPaper')} · ${w('fig.target')}: ${pct(t.satisfactionTarget)}`}
          tone={t.belowTarget ? 'below' : t.belowTarget === false ? 'ok' : undefined}
        />
        <Kpi label={w('fig.rate766')} value={pct(t.rate766)} sub={w('fig.rate766.hint')} />
        <Kpi label={w('fig.paper')} value={n(t.paperBallots?.total ?? 0)} sub={`${w('fig.combined')}: ${pct(t.combined?.satisfactionRate)}`} />
      </section>
      {leftOut && leftOut.batches > 0 && (
        <p className="qms-hint reports__left-out" role="note">
          {w('reports.paperLeftOut', { batches: n(leftOut.batches), ballots: n(leftOut.ballots) })}
        </p>
      )}

      <div className="reports__charts">
        <section className="qms-card">
          <h2>{w('reports.hourly')}</h2>
          <BarChart bars={busyHours.map((h) => ({ label: `${h}h`, value: byHour.get(h) ?? 0 }))} format={n} />
        </section>
        <section className="qms-card">
          <h2>{w('reports.waitDist')}</h2>
          <BarChart
            bars={t.waitBuckets.map((b, i, all) => ({ label: b.upToMinutes === null ? w('wait.over', { m: all[i - 1]?.upToMinutes ?? 0 }) : w('wait.upTo', { m: b.upToMinutes }), value: b.count }))}
            format={n}
            className="chart--wait"
          />
        </section>
        <section className="qms-card">
          <h2>{w('reports.targets')}</h2>
          <TargetChart
            rows={groups.service.map((g) => ({ label: fieldName(g), rate: g.combined?.satisfactionRate ?? g.satisfactionRate, target: g.satisfactionTarget ?? 0.95, below: g.belowTarget ?? null }))}
            format={(rate, target) => fmtPct(rate, lang, target)}
          />
        </section>
        <section className="qms-card">
          <h2>{w('reports.levels')}</h2>
          <BarChart bars={levels.map((l) => ({ label: w(`level.${l}`), value: t.ratings[l] }))} format={n} barWidth={72} wrapAt={10} className="chart--levels" />
          <p className="qms-hint">{levels.map((l) => `${w(`level.${l}`)}: ${n(t.ratings[l])}`).join(' · ')}</p>
        </section>
        <section className="qms-card reports__wide">
          <h2>{w('reports.heatmap')}</h2>
          <Heatmap cells={heat} rows={weekdays} hours={hours} format={n} />
        </section>
      </div>

      <BookingFigures totals={t} groups={groups.service} labelOf={fieldName} />
      <section className="qms-card">
        <h2>{w('reports.paragraph')}</h2>
        <CopyParagraph text={data.reply.text} words={{ label: w('reports.paragraph'), copy: w('reports.copy'), copied: w('reports.copied'), selected: w('reports.selected') }} />
      </section>
      <FiguresTable title={w('reports.byService')} name={w('reports.group')} groups={groups.service} totals={t} withTarget labelOf={fieldName} />
      <FiguresTable title={w('reports.byCounter')} name={w('reports.group')} groups={groups.counter} totals={t} labelOf={calledBy} />
      <FiguresTable title={w('reports.byStaff')} name={w('reports.group')} groups={groups.staff} totals={t} labelOf={calledBy} />
    </>
  );
}

function Kpi({ label, value, sub, tone }: { label: string; value: string; sub?: string; tone?: 'ok' | 'below' | undefined }) {
  return (
    <div className={`qms-card kpi${tone ? ` kpi--${tone}` : ''}`}>
      <div className="kpi__label">{label}</div>
      <div className="kpi__value">{value}</div>
      {sub && <div className="kpi__sub">{sub}</div>}
    </div>
  );
}


/** The heatmap's hours: 7–17h, widened to every hour with tickets in the range (Saturday mornings, evening services). */
function heatmapHours(keys: string[]): number[] {
  const seen = keys.map((k) => Number(k.split('-')[1]));
  const first = Math.min(7, ...seen);
  const last = Math.max(17, ...seen);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
