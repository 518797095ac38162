import { useEffect, useState } from 'react';
import type { IssuedTicketDto, ServiceDto, Snapshot } from '@qms/protocol';
import { apiFetch, BigNumber, errorText, ScreenShell, serviceName, useFloor, useLang, waitText } from '@qms/ui-kit';

/** How long the issued number (or an error) stays on screen before the next citizen. */
const RESULT_MS = 8000;

type Result = { kind: 'ticket'; ticket: IssuedTicketDto; service: ServiceDto } | { kind: 'error'; error: unknown };

export function App() {
  const floor = useFloor({ role: 'kiosk' });
  const { t } = useLang();
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!result) return;
    const id = setTimeout(() => setResult(null), RESULT_MS);
    return () => clearTimeout(id);
  }, [result]);

  async function take(service: ServiceDto) {
    if (busy) return; // one ticket per tap, even on a bouncy touch screen
    setBusy(true);
    try {
      const ticket = await apiFetch<IssuedTicketDto>('/api/tickets', { method: 'POST', json: { serviceId: service.id, channel: 'kiosk' }, idempotent: true });
      setResult({ kind: 'ticket', ticket, service });
    } catch (error) {
      setResult({ kind: 'error', error });
    } finally {
      setBusy(false);
    }
  }

  return (
    <ScreenShell snapshot={floor.snapshot} connected={floor.connected} error={floor.error} title={t('kiosk.title')} className="kiosk">
      {(snapshot) => (
        <>
          <Services snapshot={snapshot} busy={busy} onTake={(s) => void take(s)} />
          {result && <ResultView result={result} onClose={() => setResult(null)} />}
        </>
      )}
    </ScreenShell>
  );
}

function Services({ snapshot, busy, onTake }: { snapshot: Snapshot; busy: boolean; onTake: (s: ServiceDto) => void }) {
  const { t, lang } = useLang();
  if (snapshot.services.length === 0) return <p className="qms-notice">{t('kiosk.noServices')}</p>;
  return (
    <>
      <h1 className="kiosk__prompt">{busy ? t('kiosk.issuing') : t('kiosk.prompt')}</h1>
      <div className="kiosk__grid">
        {snapshot.services.map((s) => (
          <button key={s.id} type="button" className="kiosk__service" disabled={busy || !s.issuingNow} onClick={() => onTake(s)}>
            <span className="kiosk__name">{serviceName(s, lang)}</span>
            <span className="kiosk__waiting">{s.issuingNow ? t('waiting.count', { n: s.waiting }) : t('kiosk.closed')}</span>
          </button>
        ))}
      </div>
    </>
  );
}

function ResultView({ result, onClose }: { result: Result; onClose: () => void }) {
  const { t, lang } = useLang();
  return (
    <div className="kiosk__overlay" role="dialog" aria-modal="true" onClick={onClose}>
      <div className={`kiosk__result${result.kind === 'error' ? ' kiosk__result--error' : ''}`}>
        {result.kind === 'ticket' ? (
          <>
            <div className="kiosk__result-service">{serviceName(result.service, lang)}</div>
            <BigNumber value={result.ticket.number} label={t('kiosk.yourNumber')} size="xxl" />
            <p className="kiosk__result-line">{t('kiosk.waitingAhead', { n: result.ticket.waitingAhead })}</p>
            <p className="kiosk__result-line">{t('kiosk.estimatedWait', { wait: waitText(result.ticket.estimatedWaitSeconds, lang) })}</p>
            <p className="kiosk__result-hint">{t('kiosk.takeSlip')}</p>
          </>
        ) : (
          <p className="kiosk__result-error" role="alert">{errorText(result.error, lang)}</p>
        )}
        <button type="button" className="qms-btn qms-btn--primary kiosk__ok" onClick={onClose}>
          {t('kiosk.ok')}
        </button>
      </div>
    </div>
  );
}
