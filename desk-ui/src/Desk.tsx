import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { TicketDto, UserDto } from '@qms/protocol';
import { ApiError, apiFetch, clearToken, errorText, ScreenShell, serviceName, SignOut, useFloor, useLang } from '@qms/ui-kit';
import { ActionPad } from './ActionPad';
import { BookDialog } from './BookDialog';
import { Bookings, useBookings } from './Bookings';
import { actions, allowed, type ActionId } from './actions';
import { CurrentTicket } from './CurrentTicket';
import { IssueDialog, TransferDialog } from './dialogs';
import { MyDay } from './MyDay';
import { usePrinters, usePrinterWords } from './printers';
import { priorityGroups } from './priority';
import { QueuePanel } from './QueuePanel';
import { SignOutDialog } from './SignOutDialog';
import { useDeskData } from './useDeskData';
import { useWords } from './words';

/** `fleeting` notices go away by themselves: they say that nothing happened, or confirm what the screen already shows. */
type Notice = { kind: 'info'; text: string; fleeting?: boolean } | { kind: 'error'; error: unknown } | null;
type Dialog = 'transfer' | 'issue' | 'book' | { signOut: () => Promise<void> } | null;

/**
 * A number on screen for less than this cannot have been served yet: a call then is the second half of a
 * double click (or a bouncing key) and would finish, as served, a citizen who has not even reached the desk.
 */
const SETTLE_MS = 1000;
const FLEETING_MS = 4000;

export function Desk({ counterId, user }: { counterId: number; user: UserDto | null }) {
  const floor = useFloor({ role: 'counter', counterId });
  const { t, lang } = useLang();
  const w = useWords();
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
  const [side, setSide] = useState<'queue' | 'bookings'>('queue');
  const bookings = useBookings(counter?.serviceIds ?? [], floor.snapshot?.seq);
  const nameOf = (id: string) => {
    const s = floor.snapshot?.services.find((x) => x.id === id);
    return s ? serviceName(s, lang) : id;
  };
  const due = bookings.reply?.appointments.filter((b) => b.status === 'booked').length ?? 0;

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
        // The counter moved on since the screen was drawn; the socket brings the new state, nothing to alarm about.
        else if (error instanceof ApiError && error.code === 'stale_view') setNotice({ kind: 'info', text: w('staleView'), fleeting: true });
        else setNotice({ kind: 'error', error });
        return { ok: false };
      } finally {
        inFlight.current = false;
        setBusy(null);
      }
    },
    [w],
  );

  useEffect(() => {
    if (notice?.kind !== 'info' || !notice.fleeting) return;
    const timer = setTimeout(() => setNotice((n) => (n === notice ? null : n)), FLEETING_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  // What was typed for the dossier code and procedure belongs to one ticket; a new ticket starts blank.
  const ticketId = counter?.currentTicket?.id;
  const form = finishForm.ticketId === ticketId ? finishForm : { ticketId, dossierCode: '', procedure: '' };
  const { dossierCode, procedure } = form;
  const setDossierCode = (v: string) => setFinishForm({ ...form, dossierCode: v });
  const setProcedure = (v: string) => setFinishForm({ ...form, procedure: v });

  // When the number now on screen appeared (a layout effect: as drawn, before any click can land on it).
  const shownAt = useRef(0);
  useLayoutEffect(() => {
    if (ticketId) shownAt.current = Date.now();
  }, [ticketId]);

  // The server is told which ticket the screen shows: if the counter moved on meanwhile it calls nobody (409 stale_view).
  const callNext = useCallback(
    async (key: string, picked?: string) => {
      if (!counter) return;
      const current = counter.currentTicket?.id ?? null;
      if (current && Date.now() - shownAt.current < SETTLE_MS) return;
      const reply = await post(key, `/api/counters/${counterId}/call-next`, { ...(picked ? { ticketId: picked } : {}), currentTicketId: current });
      // 204: nobody waits.
      if (!picked && reply.ok && reply.data === undefined) setNotice({ kind: 'info', text: t('desk.nobodyWaiting') });
    },
    [counter, counterId, post, t],
  );
  const unhold = useCallback((ticket: TicketDto) => void post(`unhold:${ticket.id}`, `/api/counters/${counterId}/unhold`, { ticketId: ticket.id }), [counterId, post]);

  const run = useCallback(
    async (id: ActionId) => {
      if (!counter || !allowed(id, counter, mine) || busy) return;
      if (id === 'transfer' || id === 'issue') return setDialog(id);
      if (id === 'call-next') return callNext(id);
      if (id === 'unhold') {
        const held = queue?.held[0];
        if (held) unhold(held);
        return;
      }
      if (id === 'finish') {
        const body = { ...(dossierCode.trim() ? { dossierCode: dossierCode.trim() } : {}), ...(procedure.trim() ? { procedure: procedure.trim() } : {}) };
        await post(id, `/api/counters/${counterId}/finish`, body);
        return;
      }
      await post(id, `/api/counters/${counterId}/${id}`);
    },
    [counter, mine, busy, post, counterId, dossierCode, procedure, callNext, queue, unhold],
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

  const pick = (ticket: TicketDto) => void callNext(`pick:${ticket.id}`, ticket.id);
  // Signing out of a counter left open keeps its keypad calling for this officer: ask first.
  const askSignOut = counter && mine && counter.status !== 'closed' ? (signOut: () => Promise<void>) => setDialog({ signOut }) : undefined;
  const note = !counter || mine ? undefined : counter.staff && counter.status !== 'closed' ? w('takenBy', { name: counter.staff.name, n: counter.number }) : w('takeHint', { n: counter.number });

  return (
    <ScreenShell
      snapshot={floor.snapshot}
      connected={floor.connected}
      error={floor.error}
      title={t('desk.title')}
      className="desk"
      headerExtra={<SignOut name={user?.name} ask={askSignOut} />}
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
                priorities={priorityGroups(snapshot)}
                dossierCode={dossierCode}
                procedure={procedure}
                onDossierCode={setDossierCode}
                onProcedure={setProcedure}
                onSubmit={() => void run('finish')}
                serving={mine && !!counter.currentTicket}
                keypad={queue?.keypad}
                note={note}
              />
              <MyDay day={day} />
            </div>
            <ActionPad counter={counter} mine={mine} busy={busy} onRun={(id) => void run(id)} />
            <div className="desk__side">
              <div className="desk__tabs" role="tablist">
                <button type="button" role="tab" aria-selected={side === 'queue'} className={`desk__tabbtn${side === 'queue' ? ' desk__tabbtn--on' : ''}`} onClick={() => setSide('queue')}>
                  {w('tabQueue')}
                </button>
                <button type="button" role="tab" aria-selected={side === 'bookings'} data-tab="bookings" className={`desk__tabbtn${side === 'bookings' ? ' desk__tabbtn--on' : ''}`} onClick={() => setSide('bookings')}>
                  {w('tabBookings')} <span className="desk__tabcount">{bookings.reply ? due : '…'}</span>
                </button>
              </div>
              {side === 'queue' ? (
                <QueuePanel queue={queue} services={snapshot.services} priorities={priorityGroups(snapshot)} canPick={mine && counter.status === 'open' && !busy} onPick={pick} onUnhold={unhold} canUnhold={mine && !counter.currentTicket && !busy} />
              ) : (
                <Bookings list={bookings.reply?.appointments ?? null} error={bookings.error} nameOf={nameOf} onBook={() => setDialog('book')} />
              )}
            </div>
            {dialog === 'transfer' && counter.currentTicket && (
              <TransferDialog
                ticket={counter.currentTicket}
                here={counter}
                snapshot={snapshot}
                onCancel={() => setDialog(null)}
                onTransfer={(body) => {
                  setDialog(null);
                  const number = counter.currentTicket?.number ?? '';
                  const service = snapshot.services.find((s) => s.id === body.serviceId);
                  const target = snapshot.counters.find((c) => c.id === body.counterId);
                  // The ticket only leaves the screen: a short line says where it went, then goes away.
                  const done = service
                    ? w('transferredToService', { number, service: serviceName(service, lang) })
                    : w('transferredToCounter', { number, n: target?.number ?? body.counterId ?? '' });
                  void post('transfer', `/api/counters/${counterId}/transfer`, body).then((r) => {
                    if (r.ok) setNotice({ kind: 'info', text: done, fleeting: true });
                  });
                }}
              />
            )}
            {dialog === 'issue' && <IssueDialog services={snapshot.services} priorities={priorityGroups(snapshot)} printers={printers} subscribe={floor.subscribe} onClose={() => setDialog(null)} />}
            {dialog === 'book' && <BookDialog services={snapshot.services.filter((s) => counter.serviceIds.includes(s.id))} today={snapshot.serviceDay} onClose={() => setDialog(null)} />}
            {typeof dialog === 'object' && dialog !== null && <SignOutDialog counter={counter} signOut={dialog.signOut} onCancel={() => setDialog(null)} />}
          </div>
          {/* Under the layout, never over it: the buttons give up height (their column scrolls) instead of being covered. */}
          <div className="desk__notice" aria-live="polite">
            {notice?.kind === 'info' && <p className="qms-notice" role="status">{notice.text}</p>}
            {notice?.kind === 'error' && <p className="qms-error" role="alert">{errorText(notice.error, lang)}</p>}
          </div>
          </div>
        )
      }
    </ScreenShell>
  );
}
