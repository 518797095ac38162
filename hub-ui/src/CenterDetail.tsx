import { useEffect, useState } from 'react';
import type { SummaryReply } from '@qms/protocol';
import { apiFetch, errorText, FiguresTable, type Range } from '@qms/ui-kit';
import { Kpis } from './Kpis';
import { signedOutBy } from './session';
import { useWords } from './words';

/** One center's figures for the range, per field: the same lines as that center's own report (its own targets). */
export function CenterDetail({ code, name, range, onBack }: { code: string; name: string; range: Range; onBack: () => void }) {
  const { w, lang } = useWords();
  const [data, setData] = useState<{ key: string; reply: SummaryReply } | null>(null);
  const [failure, setFailure] = useState<{ key: string; message: string } | null>(null);
  const key = `${code} ${range.from} ${range.to}`;
  useEffect(() => {
    let live = true;
    apiFetch<SummaryReply>(`/api/hub/stats/summary?from=${range.from}&to=${range.to}&groupBy=service&center=${encodeURIComponent(code)}`)
      .then((reply) => live && setData({ key, reply }))
      .catch((err: unknown) => {
        signedOutBy(err);
        if (live) setFailure({ key, message: errorText(err, lang) });
      });
    return () => void (live = false);
  }, [key, code, range, lang]);
  const fresh = data?.key === key ? data.reply : null;
  const error = failure?.key === key ? failure.message : null;
  return (
    <>
      <div className="drill__head">
        <button type="button" className="qms-btn qms-btn--small" onClick={onBack}>
          {w('reports.back')}
        </button>
        <h2 className="drill__title">{w('reports.drill', { name })}</h2>
      </div>
      {error && <p className="qms-error">{error}</p>}
      {fresh && (
        <>
          <Kpis f={fresh.totals} />
          <FiguresTable title={w('reports.drillFields')} groups={fresh.groups ?? []} totals={fresh.totals} name={w('col.field')} withTarget />
        </>
      )}
    </>
  );
}
