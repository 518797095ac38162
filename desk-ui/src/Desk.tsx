import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CounterDto, TicketDto, UserDto } from '@qms/protocol';
import { ApiError, apiFetch, clearToken, errorText, ScreenShell, SignOut, useFloor, useLang } from '@qms/ui-kit';
import { actions, allowed, type ActionId } from './actions';
import { CurrentTicket } from './CurrentTicket';
import { IssueDialog, TransferDialog } from './dialogs';
import { MyDay } from './MyDay';
import { usePrinters, usePrinterWords } from './printers';
import { QueuePanel } from './QueuePanel';
import { useDeskData } from './useDeskData';

type Notice = { kind: 'info'; text: string } | { kind: 'error'; error: unknown } | null;
type Dialog = 'transfer' | 'issue' | null;

export function Desk({ counterId, user }: { counterId: number; user: UserDto | null }) {
  const floor = useFloor({ role: 'counter', counterId });
  const { t, lang } = useLang();
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [finishForm, setFinishForm] = useState<{ ticketId: string | undefined; dossierCode: string; procedure: string }>({ ticketId: undefined, dossierCode: '', procedure: '' });
  const { queue, day } = useDeskData(counterId, floor.snapshot?.seq);
  const printers = usePrinters(floor);
  const printerWords = usePrinterWords();
  const faulty = (printers ?? []).filter((p) => !p.ok);
  const counter = floor.snapshot?.counters.find((c) => c.id === counterId) ?? null;
  const mine = !!counter && !!user && counter.staff?.id === user.id;

  // The socket is refused with `unauthorized` when the session has expired: back to the sign-in form.
  useEffect(() => {
    if (floor.error === 'unauthorized') clearToken();
  }, [floor.error]);

  // State updates are not visible to a second click in the same frame: a ref stops a double click at once.
  const inFlight = useRef(false);
  const post = useCallback(
    async (key: string, path: string, json?: unknown): Promise<{ ok: boolean; data?: unknown }> => {
      if (inFlight.current) return { ok: false };
      inFlight.current = true;
      setBusy(key);
      setNotice(null);
      try {
        return { ok: true, data: await apiFetch<unknown>(path, { method: 'POST', idempotent: true, ...(json !== undefined ? { json } : {}) }) };
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) clearToken();
        else setNotice({ kind: 'error', error });
        return { ok: false };
      } finally {
        inFlight.current = false;
        setBusy(null);
      }
    },
    [],
  );

  // Take the counter on every load: the officer may have signed in elsewhere since.
  const signedInOnce = useRef(false);
  useEffect(() => {
    if (signedInOnce.current) return;
    signedInOnce.current = true;
    void post('sign-in', `/api/counters/${counterId}/sign-in`);
  }, [counterId, post]);

  // What was typed for the dossier code and procedure belongs to one ticket; a new ticket starts blank.
  const ticketId = counter?.currentTicket?.id;
  const form = finishForm.ticketId === ticketId ? finishForm : { ticketId, dossierCode: '', procedure: '' };
  const { dossierCode, procedure } = form;
  const setDossierCode = (v: string) => setFinishForm({ ...form, dossierCode: v });
  const setProcedure = (v: string) => setFinishForm({ ...form, procedure: v });

  const run = useCallback(
    async (id: ActionId) => {
      if (!counter || !allowed(id, counter, mine) || busy) return;
      if (id === 'transfer' || id === 'issue') return setDialog(id);
      if (id === 'finish') {
        const body = { ...(dossierCode.trim() ? { dossierCode: dossierCode.trim() } : {}), ...(procedure.trim() ? { procedure: procedure.trim() } : {}) };
        await post(id, `/api/counters/${counterId}/finish`, body);
        return;
      }
      const reply = await post(id, `/api/counters/${counterId}/${id}`);
      // 204: nobody waits.
      if (id === 'call-next' && reply.ok && reply.data === undefined) setNotice({ kind: 'info', text: t('desk.nobodyWaiting') });
    },
    [counter, mine, busy, post, counterId, dossierCode, procedure, t],
  );

  // One key per action, shown on its button; ignored while typing in a field or with a dialog open.
  // A layout effect: the handler must see the state of the screen the officer sees. A passive effect runs after paint,
  // so a key pressed just after a button turned enabled or a dialog closed met the old handler and was silently ignored.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (dialog || e.ctrlKey || e.altKey || e.metaKey || e.repeat) return;
      const el = e.target as HTMLElement | null;
      if (el && (el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA')) return;
      const key = e.key.toUpperCase();
      const match = actions.find((a) => a.key === key && counter && allowed(a.id, counter, mine));
      if (!match) return;
      e.preventDefault();
      void run(match.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dialog, counter, mine, run]);

  const pick = (ticket: TicketDto) => void post(`pick:${ticket.id}`, `/api/counters/${counterId}/call-next`, { ticketId: ticket.id });
  const unhold = (ticket: TicketDto) => void post(`unhold:${ticket.id}`, `/api/counters/${counterId}/unhold`, { ticketId: ticket.id });

  return (
    <ScreenShell
      snapshot={floor.snapshot}
      connected={floor.connected}
      error={floor.error}
      title={t('desk.title')}
      className="desk"
      headerExtra={<SignOut name={user?.name} />}
    >
      {(snapshot) =>
        !counter ? (
          <p className="qms-error">{t('query.counterNotFound', { n: counterId })}</p>
        ) : (
          <div className={`desk__page${faulty.length > 0 ? ' desk__page--alert' : ''}`}>
          {faulty.length > 0 && (
            <div className="desk__printer-fault" role="alert" data-printer-fault>
              <strong>{t('desk.printerFault', { reason: printerWords.faults(faulty) })}</strong>
              <span title={t('desk.printerFaultReprint')}>{t('desk.printerFaultReprint')}</span>
            </div>
          )}
          <div className="desk__layout">
            <div className="desk__col">
              <CurrentTicket
                counter={counter}
                services={snapshot.services}
                dossierCode={dossierCode}
                procedure={procedure}
                onDossierCode={setDossierCode}
                onProcedure={setProcedure}
                onSubmit={() => void run('finish')}
                serving={mine && !!counter.currentTicket}
                keypad={queue?.keypad}
              />
              <MyDay day={day} />
            </div>
            <ActionPad counter={counter} mine={mine} busy={busy} onRun={(id) => void run(id)} />
            <QueuePanel queue={queue} services={snapshot.services} canPick={mine && counter.status === 'open' && !busy} onPick={pick} onUnhold={unhold} canUnhold={mine && !counter.currentTicket && !busy} />
            <div className="desk__notice" aria-live="polite">
              {notice?.kind === 'info' && <p className="qms-notice" role="status">{notice.text}</p>}
              {notice?.kind === 'error' && <p className="qms-error" role="alert">{errorText(notice.error, lang)}</p>}
            </div>
            {dialog === 'transfer' && counter.currentTicket && (
              <TransferDialog
                ticket={counter.currentTicket}
                here={counter}
                snapshot={snapshot}
                onCancel={() => setDialog(null)}
                onTransfer={(body) => {
                  setDialog(null);
                  void post('transfer', `/api/counters/${counterId}/transfer`, body);
                }}
              />
            )}
            {dialog === 'issue' && <IssueDialog services={snapshot.services} priorityCategories={snapshot.priorityCategories ?? []} printers={printers} subscribe={floor.subscribe} onClose={() => setDialog(null)} />}
          </div>
          </div>
        )
      }
    </ScreenShell>
  );
}

function ActionPad({ counter, mine, busy, onRun }: { counter: CounterDto; mine: boolean; busy: string | null; onRun: (id: ActionId) => void }) {
  const { t } = useLang();
  const shown = actions.filter((a) => {
    if (a.id === 'pause') return counter.status !== 'paused';
    if (a.id === 'resume') return counter.status === 'paused';
    if (a.id === 'sign-in') return !mine || counter.status === 'closed';
    return true;
  });
  return (
    <section className="desk__actions" aria-label={t('desk.title')} title={t('desk.shortcutHint')}>
      {shown.map((a) => (
        <button
          key={a.id}
          type="button"
          data-action={a.id}
          className={`qms-btn desk__btn ${a.variant ?? ''}`}
          disabled={busy !== null || !allowed(a.id, counter, mine)}
          onClick={() => onRun(a.id)}
          aria-keyshortcuts={a.key}
        >
          <span className="desk__btn-label">{busy === a.id ? '…' : t(a.label)}</span>
          <kbd className="desk__kbd">{a.key}</kbd>
        </button>
      ))}
    </section>
  );
}
