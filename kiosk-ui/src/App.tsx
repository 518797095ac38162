import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckInReply, PriorityCategory, ServiceDto } from '@qms/protocol';
import { apiFetch, ScreenShell, setLang, useFloor, useFloorEvent, useLang } from '@qms/ui-kit';
import { CheckInButton, CheckInRefused, CodeKeypad } from './CheckIn';
import { Confirmation, type PrintState } from './Confirmation';
import { Home } from './Home';
import { issueTicket, kioskPost, unanswered, type Issued } from './issue';
import { readPrinterId, rememberPrinterId } from './printer-id';
import { createRetryKeys } from './retry-key';
import { usePrinterState } from './usePrinters';
import { useIdle } from './useIdle';
import { codeFromScan } from './scan';
import { useScanner } from './useScanner';
import { priorityGroups, word } from './words';

type FieldNames = Pick<ServiceDto, 'name' | 'nameEn'>;
/** A ticket of a booking's check-in: its slot time and what happens now, in the server's words. */
export interface CheckedIn {
  outcome: CheckInReply['outcome'];
  slotStart: string;
  message: CheckInReply['message'];
}

export type Screen =
  | { kind: 'home' }
  | { kind: 'issuing'; service: FieldNames }
  | { kind: 'ticket'; issued: Issued; service: FieldNames; priority: PriorityCategory | null; print: PrintState; appointment?: CheckedIn }
  | { kind: 'error'; error: unknown }
  | { kind: 'checkin'; typed: string; problem: string | null }
  | { kind: 'checking' }
  | { kind: 'refused'; error: unknown };

/** After this long without a touch, a half-made choice (priority, English) is undone for the next citizen. */
const IDLE_RESET_MS = 30_000;
/** When the server has not said whether the paper came out, ask it directly. */
const PRINT_CHECK_MS = 4_000;
/** A print still unanswered after this long is treated as "no paper": the citizen keeps the number on screen. */
const PRINT_GIVE_UP_MS = 12_000;

export function App() {
  const floor = useFloor({ role: 'kiosk' });
  const { lang } = useLang();
  const [screen, setScreen] = useState<Screen>({ kind: 'home' });
  const [chosen, setPriority] = useState<PriorityCategory | null>(null);
  // A group the admin removed (or renamed) since it was chosen: the choice follows the setup, live.
  const priority = (chosen && floor.snapshot && priorityGroups(floor.snapshot).find((g) => g.code === chosen.code)) || null;
  const [printerId, setPrinterId] = useState<string | null>(readPrinterId);
  const printer = usePrinterState(floor, printerId);
  const busy = useRef(false);
  // The paper may come out before the issue reply has been read: keep the last outcomes by ticket.
  const printOutcomes = useRef(new Map<string, PrintState>());
  const [retryKeys] = useState(() => createRetryKeys());

  // After a ticket the next citizen starts in Vietnamese with no priority; after an error the same citizen
  // tries again with their choices (left alone, the idle reset clears them).
  const afterTicket = screen.kind === 'ticket';
  const home = useCallback(() => {
    setScreen({ kind: 'home' });
    if (!afterTicket) return;
    setPriority(null);
    setLang('vi');
  }, [afterTicket]);

  useIdle(IDLE_RESET_MS, screen.kind === 'home' && (priority !== null || lang !== 'vi'), () => {
    setPriority(null);
    setLang('vi');
  });
  // A keypad or a refusal left alone goes back to the start for the next citizen.
  useIdle(IDLE_RESET_MS, screen.kind === 'checkin' || screen.kind === 'refused', () => {
    setScreen({ kind: 'home' });
    setLang('vi');
  });

  const printOf = (issued: Issued): PrintState =>
    issued.printerId === null ? { kind: 'none' } : issued.ticket.printed !== null ? printedState(issued.ticket.printed) : (printOutcomes.current.get(issued.ticket.id) ?? { kind: 'pending' });
  const notePrinter = (issued: Issued) => {
    if (issued.printerId === printerId) return;
    setPrinterId(issued.printerId);
    rememberPrinterId(issued.printerId);
  };

  /** The check-in of a booking by its code: a ticket on channel `appointment` (or a normal one when late), or why not. */
  async function checkIn(code: string) {
    if (busy.current) return;
    busy.current = true;
    setScreen({ kind: 'checking' });
    const what = `check-in|${code}`;
    const key = retryKeys.keyFor(what);
    try {
      const { data, printerId: printer, url } = await kioskPost<CheckInReply>(`/api/appointments/${encodeURIComponent(code)}/check-in`, undefined, key, (r) => r.ticket.id);
      retryKeys.answered();
      const issued: Issued = { ticket: data.ticket, printerId: printer, url };
      notePrinter(issued);
      const service = floor.snapshot?.services.find((s) => s.id === data.ticket.serviceId) ?? { name: data.appointment.serviceName, nameEn: data.appointment.serviceNameEn };
      const appointment: CheckedIn = { outcome: data.outcome, slotStart: data.appointment.slotStart, message: data.message };
      setScreen({ kind: 'ticket', issued, service, priority: null, print: printOf(issued), appointment });
    } catch (error) {
      if (unanswered(error)) retryKeys.unanswered(what, key);
      else retryKeys.answered();
      setScreen({ kind: 'refused', error });
    } finally {
      busy.current = false;
    }
  }

  // A scan works from every screen but while a request runs: from the start screen with no touch at all.
  useScanner((typed) => {
    if (busy.current || !floor.connected) return;
    const code = codeFromScan(typed);
    if (code) void checkIn(code);
    else setScreen({ kind: 'checkin', typed: '', problem: word(lang, 'scanUnreadable') });
  });

  async function take(service: ServiceDto) {
    if (busy.current) return; // one ticket per tap, even on a bouncy touch screen
    busy.current = true;
    setScreen({ kind: 'issuing', service });
    const what = `${service.id}|${priority?.code ?? ''}`;
    const key = retryKeys.keyFor(what);
    try {
      const issued = await issueTicket({ serviceId: service.id, priority: priority?.code ?? null }, key);
      retryKeys.answered();
      notePrinter(issued);
      setScreen({ kind: 'ticket', issued, service, priority, print: printOf(issued) });
    } catch (error) {
      if (unanswered(error)) retryKeys.unanswered(what, key);
      else retryKeys.answered();
      setScreen({ kind: 'error', error });
    } finally {
      busy.current = false;
    }
  }

  // The server tells the kiosk room whether the paper came out.
  const ticketId = screen.kind === 'ticket' ? screen.issued.ticket.id : null;
  const pending = screen.kind === 'ticket' && screen.print.kind === 'pending';
  useFloorEvent(floor.subscribe, (e) => {
    if (e.type === 'ticket.updated' && e.change === 'printed' && e.ticket.printed !== null) {
      const print = printedState(e.ticket.printed);
      printOutcomes.current.set(e.ticket.id, print);
      if (printOutcomes.current.size > 20) printOutcomes.current.delete(printOutcomes.current.keys().next().value!);
      setScreen((s) => (s.kind === 'ticket' && s.issued.ticket.id === e.ticket.id ? { ...s, print } : s));
    }
  });

  // In case that event was missed (a reconnect at the wrong moment), ask, then stop waiting.
  useEffect(() => {
    if (!ticketId || !pending) return;
    const settle = (print: PrintState) => setScreen((s) => (s.kind === 'ticket' && s.issued.ticket.id === ticketId && s.print.kind === 'pending' ? { ...s, print } : s));
    const check = setTimeout(() => {
      apiFetch<{ printed: boolean | null }>(`/api/tickets/${encodeURIComponent(ticketId)}`)
        .then((t) => t.printed !== null && settle(printedState(t.printed)))
        .catch(() => undefined);
    }, PRINT_CHECK_MS);
    const giveUp = setTimeout(() => settle({ kind: 'failed' }), PRINT_GIVE_UP_MS);
    return () => {
      clearTimeout(check);
      clearTimeout(giveUp);
    };
  }, [ticketId, pending]);

  return (
    <ScreenShell snapshot={floor.snapshot} connected={floor.connected} error={floor.error} title={word(lang, 'title')} className="kiosk">
      {(snapshot) => (
        <>
          {screen.kind === 'home' && <CheckInButton disabled={!floor.connected} onOpen={() => setScreen({ kind: 'checkin', typed: '', problem: null })} />}
          <Home
            snapshot={snapshot}
            priority={priority}
            onPriority={setPriority}
            onTake={(s) => void take(s)}
            disabled={screen.kind !== 'home' || !floor.connected}
            printer={printer}
          />
          {(screen.kind === 'issuing' || screen.kind === 'ticket' || screen.kind === 'error') && <Confirmation screen={screen} snapshot={snapshot} printer={printer} onClose={home} />}
          {screen.kind === 'checkin' && (
            <CodeKeypad
              typed={screen.typed}
              problem={screen.problem}
              onType={(typed) => setScreen({ kind: 'checkin', typed, problem: null })}
              onSubmit={() => void checkIn(screen.typed)}
              onClose={() => setScreen({ kind: 'home' })}
            />
          )}
          {screen.kind === 'checking' && (
            <div className="kiosk-overlay" role="status">
              <p className="kiosk-issuing">{word(lang, 'checking')}</p>
            </div>
          )}
          {screen.kind === 'refused' && <CheckInRefused error={screen.error} onRetype={() => setScreen({ kind: 'checkin', typed: '', problem: null })} onWalkIn={() => setScreen({ kind: 'home' })} />}
          {!floor.connected && <Offline />}
        </>
      )}
    </ScreenShell>
  );
}

const printedState = (printed: boolean): PrintState => (printed ? { kind: 'printed' } : { kind: 'failed' });

function Offline() {
  const { lang } = useLang();
  const [shown, setShown] = useState(false);
  // A reconnect within a few seconds is not worth alarming anyone.
  useEffect(() => {
    const id = setTimeout(() => setShown(true), 3000);
    return () => clearTimeout(id);
  }, []);
  if (!shown) return null;
  return (
    <div className="kiosk-offline" role="alert">
      <p className="kiosk-offline__title">{word(lang, 'offline')}</p>
      <p className="kiosk-offline__hint">{word(lang, 'offlineHint')}</p>
    </div>
  );
}
