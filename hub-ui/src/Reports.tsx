import { useEffect, useState } from 'react';
import type { HubReportReply } from '@qms/protocol/hub';
import { apiFetch, CopyParagraph, errorText, FiguresTable, fmtInt, fmtPct, getLang, getToken, type Range, RangePicker, useReportRange, Verdict } from '@qms/ui-kit';
import { CenterDetail } from './CenterDetail';
import { Kpis } from './Kpis';
import { cityToday } from './format';
import { signedOutBy } from './session';
import { useWords } from './words';

interface Loaded {
  range: Range;
  reply: HubReportReply;
}

/** The city report for any range; `center` (a code) shows that center's drill-down instead. */
export function Reports({ center, onCenter }: { center: string | null; onCenter: (code: string | null) => void }) {
  const { w, lang } = useWords();
  const picker = useReportRange(cityToday);
  const { range } = picker;
  const [data, setData] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<{ range: Range; message: string } | null>(null);

  useEffect(() => {
    let live = true;
    apiFetch<HubReportReply>(`/api/hub/stats/report?from=${range.from}&to=${range.to}&lang=${lang}`)
      .then((reply) => live && setData({ range, reply }))
      .catch((err: unknown) => {
        signedOutBy(err);
        if (live) setFailure({ range, message: errorText(err, lang) });
      });
    return () => void (live = false);
  }, [range, lang]);

  const fresh = data && data.range === range ? data : null;
  const error = failure && failure.range === range ? failure.message : null;

  return (
    <div className="reports">
      <RangePicker {...picker} words={{ preset: (p) => w(`preset.${p}`), from: w('range.from'), to: w('range.to'), period: (dates) => w('range.period', dates) }}>
        <ExportButton range={range} />
      </RangePicker>
      {error && <p className="qms-error">{error}</p>}
      {!error && !(center ? true : fresh) && <p className="qms-hint">{w('reports.loading')}</p>}
      {center ? <CenterDetail code={center} range={range} name={fresh?.reply.groups.center.find((g) => g.key === center)?.label ?? center} onBack={() => onCenter(null)} /> : fresh && <CityBody reply={fresh.reply} onCenter={onCenter} />}
    </div>
  );
}

function CityBody({ reply, onCenter }: { reply: HubReportReply; onCenter: (code: string) => void }) {
  const { w, lang } = useWords();
  const t = reply.totals;
  const active = reply.groups.center.filter((c) => c.issued > 0).length;
  return (
    <>
      <Kpis f={t} extra={{ label: w('reports.centersActive'), value: `${fmtInt(active, lang)} / ${fmtInt(reply.groups.center.length, lang)}` }} />
      <section className="qms-card">
        <h2>{w('reports.paragraph')}</h2>
        <CopyParagraph text={reply.text} words={{ label: w('reports.paragraph'), copy: w('reports.copy'), copied: w('reports.copied'), selected: w('reports.selected') }} />
      </section>
      <section className="qms-card" aria-label={w('reports.ranking')}>
        <h2>{w('reports.ranking')}</h2>
        <div className="city__scroll">
          <table className="qms-table figures__table ranking">
            <thead>
              <tr>
                <th className="num">{w('reports.rank')}</th>
                <th>{w('col.center')}</th>
                <th className="num">{w('fig.combined')}</th>
                <th className="ranking__bar-head" />
                <th className="num">{w('fig.ratings')}</th>
                <th className="num">{w('fig.issued')}</th>
                <th className="figures__verdict" />
              </tr>
            </thead>
            <tbody>
              {reply.ranking.map((r) => (
                <tr key={r.key} data-key={r.key} className={r.belowTarget ? 'row--below' : undefined}>
                  <td className="num">{r.rank ?? '—'}</td>
                  <td>
                    <button type="button" className="qms-link-button" onClick={() => onCenter(r.key)}>
                      {r.label}
                    </button>
                  </td>
                  <td className="num">{r.rate === null ? w('reports.noRating') : fmtPct(r.rate, lang, t.satisfactionTarget)}</td>
                  <td className="ranking__bar-cell">
                    {r.rate !== null && (
                      <div className="ranking__track">
                        <div className={`ranking__bar${r.belowTarget ? ' ranking__bar--below' : ''}`} style={{ width: `${Math.round(r.rate * 100)}%` }} />
                        <div className="ranking__target" style={{ left: `${Math.round((t.satisfactionTarget ?? 0.95) * 100)}%` }} />
                      </div>
                    )}
                  </td>
                  <td className="num">{fmtInt(r.ratings, lang)}</td>
                  <td className="num">{fmtInt(r.issued, lang)}</td>
                  <td className="figures__verdict">
                    <Verdict below={r.belowTarget} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <FiguresTable title={w('reports.byCenter')} groups={reply.groups.center} totals={t} name={w('col.center')} withTarget onOpen={(g) => onCenter(String(g.key))} />
      <FiguresTable title={w('reports.byService')} groups={reply.groups.service} totals={t} name={w('col.field')} withTarget />
      {reply.groups.district.length > 0 && <FiguresTable title={w('reports.byDistrict')} groups={reply.groups.district} totals={t} name={w('col.district')} withTarget labelOf={(g) => (g.key === '' ? w('district.none') : g.label)} />}
    </>
  );
}

/** The workbook of `GET /api/hub/stats/export.xlsx`, fetched with the sign-in token and saved under the hub's file name. */
function ExportButton({ range }: { range: Range }) {
  const { w, lang } = useWords();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/hub/stats/export.xlsx?from=${range.from}&to=${range.to}`, { headers: { Authorization: `Bearer ${getToken() ?? ''}`, 'Accept-Language': getLang() } });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
      }
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'bao-cao-thanh-pho.xlsx';
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (err) {
      setError(err instanceof Error ? err.message : errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="reports__export">
      <button type="button" className="qms-btn" disabled={busy} onClick={() => void download()}>
        {busy ? w('export.working') : w('export.xlsx')}
      </button>
      {error && <span className="qms-error">{error}</span>}
    </div>
  );
}
