import { useEffect, useRef, useState, type ReactNode } from 'react';
import { priorityName, type CounterDto, type IssuedTicketDto, type PriorityCategory, type ServiceDto, type Snapshot, type TicketDto } from '@qms/protocol';
import { apiFetch, errorText, serviceName, useFloorEvent, useLang, type UseFloorResult } from '@qms/ui-kit';
import { usePrinterWords, type PrinterState } from './printers';
import { say } from './words';

export function Dialog({ title, onClose, done = false, children }: { title: string; onClose: () => void; done?: boolean; children: ReactNode }) {
  const { t } = useLang();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('button:not([disabled]), input')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="desk-dialog__backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div className="qms-card desk-dialog" role="dialog" aria-modal="true" aria-label={title} ref={ref}>
        <h2>{title}</h2>
        {children}
        <div className="desk-dialog__foot">
          <button type="button" className="qms-btn" onClick={onClose}>
            {t(done ? 'desk.dismiss' : 'desk.cancel')} <kbd className="desk__kbd">Esc</kbd>
          </button>
        </div>
      </div>
    </div>
  );
}

/** One click on a field or a counter transfers the ticket there. */
export function TransferDialog(props: {
  ticket: TicketDto;
  here: CounterDto;
  snapshot: Snapshot;
  onCancel: () => void;
  onTransfer: (body: { serviceId?: string; counterId?: number }) => void;
}) {
  const { t, lang } = useLang();
  const { ticket, here, snapshot } = props;
  return (
    <Dialog title={t('desk.transferTitle', { number: ticket.number })} onClose={props.onCancel}>
      <h3>{t('desk.transferToService')}</h3>
      <div className="desk-dialog__grid">
        {snapshot.services
          .filter((s) => s.id !== ticket.serviceId)
          .map((s) => (
            <button key={s.id} type="button" className="qms-btn" data-service={s.id} onClick={() => props.onTransfer({ serviceId: s.id })}>
              {serviceName(s, lang)}
              {/* Still allowed (a counter may open later), but the officer should know nobody serves it now. */}
              {snapshot.counters.some((c) => c.status !== 'closed' && c.serviceIds.includes(s.id)) ? '' : ` · ${say(lang, 'noCounterOpen')}`}
            </button>
          ))}
      </div>
      <h3>{t('desk.transferToCounter')}</h3>
      <div className="desk-dialog__grid">
        {snapshot.counters
          .filter((c) => c.id !== here.id)
          .map((c) => (
            // The server refuses a closed counter: nobody there would ever call the ticket.
            <button key={c.id} type="button" className="qms-btn" data-counter={c.id} disabled={c.status === 'closed'} onClick={() => props.onTransfer({ counterId: c.id })}>
              {c.name}
              {c.status === 'closed' ? ` · ${t('counter.status.closed')}` : ''}
            </button>
          ))}
      </div>
    </Dialog>
  );
}

/**
 * A ticket for a citizen who cannot use the kiosk: the field, a priority group (from the center's config),
 * printed or only shown. Says beforehand when the printer cannot print, and afterwards when the paper did not come out.
 */
export function IssueDialog({
  services,
  priorities,
  printers,
  subscribe,
  onClose,
}: {
  services: ServiceDto[];
  priorities: PriorityCategory[];
  /** null while not known yet. */
  printers: PrinterState[] | null;
  subscribe: UseFloorResult['subscribe'];
  onClose: () => void;
}) {
  const { t, lang } = useLang();
  const printerWords = usePrinterWords();
  const noPrinter = printers !== null && printers.length === 0;
  const faulty = (printers ?? []).filter((p) => !p.ok);
  const [chosen, setPriority] = useState<string | null>(null);
  // A group the admin removed while the dialog is open is no longer offered, nor sent.
  const priority = chosen !== null && priorities.some((p) => p.code === chosen) ? chosen : null;
  const [print, setPrint] = useState(!noPrinter && faulty.length === 0);
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<IssuedTicketDto | null>(null);
  const [error, setError] = useState<unknown>(null);
  // The paper's outcome arrives later as `ticket.updated` (change `printed`).
  const [printFailed, setPrintFailed] = useState(false);
  useFloorEvent(subscribe, (e) => {
    if (issued && e.type === 'ticket.updated' && e.change === 'printed' && e.ticket.id === issued.id && e.ticket.printed === false) setPrintFailed(true);
  });

  async function issue(serviceId: string) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setIssued(await apiFetch<IssuedTicketDto>('/api/tickets', { method: 'POST', idempotent: true, json: { serviceId, priority, print } }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  if (issued) {
    const s = services.find((x) => x.id === issued.serviceId);
    return (
      <Dialog title={t('desk.issue')} onClose={onClose} done>
        <div className="desk-dialog__issued" role="status">
          <div className="desk-dialog__number">{issued.number}</div>
          <p>{t('desk.issued', { number: issued.number, service: s ? serviceName(s, lang) : issued.serviceId })}</p>
          {print && (printFailed || faulty.length > 0) ? (
            <p className="desk-dialog__warn" role="alert">
              {t('desk.issuedNotPrinted', { reason: printerWords.faults(faulty.length ? faulty : [{ id: '', ok: false, fault: null }]) })}
            </p>
          ) : (
            <p className="qms-hint">{print && !noPrinter ? t('desk.issuedPrinted') : t('desk.issuedShown')}</p>
          )}
        </div>
      </Dialog>
    );
  }
  return (
    <Dialog title={t('desk.issueTitle')} onClose={onClose}>
      {noPrinter && (
        <p className="desk-dialog__warn" role="status" data-print-warning>
          {t('desk.noPrinter')}
        </p>
      )}
      {faulty.length > 0 && (
        <p className="desk-dialog__warn" role="status" data-print-warning>
          {t('desk.printUnavailable', { reason: printerWords.faults(faulty) })}
        </p>
      )}
      <div className="desk-dialog__options" role="radiogroup" aria-label={t('desk.issuePriority')}>
        {[null, ...priorities].map((p) => (
          <label key={p?.code ?? 'none'} className="desk-dialog__choice">
            <input type="radio" name="priority" value={p?.code ?? ''} checked={priority === (p?.code ?? null)} onChange={() => setPriority(p?.code ?? null)} />
            {p ? priorityName(p, lang) : t('desk.issueNormal')}
          </label>
        ))}
        <label className="desk-dialog__choice">
          <input type="checkbox" name="print" checked={print} disabled={noPrinter} onChange={(e) => setPrint(e.target.checked)} />
          {t('desk.printOnKiosk')}
        </label>
      </div>
      <div className="desk-dialog__grid">
        {services.map((s) => (
          <button key={s.id} type="button" className="qms-btn qms-btn--primary" data-service={s.id} disabled={busy || !s.issuingNow} onClick={() => void issue(s.id)}>
            {serviceName(s, lang)}
            {s.closedReason === 'stopped_today' && <span className="desk-dialog__stopped">{say(lang, 'stoppedToday', { reason: s.stoppedReason ?? '' })}</span>}
          </button>
        ))}
      </div>
      {error !== null && <p className="qms-error" role="alert">{errorText(error, lang)}</p>}
    </Dialog>
  );
}
