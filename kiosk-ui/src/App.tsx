import { useCallback, useEffect, useRef, useState } from 'react';
import type { PriorityCategory, ServiceDto } from '@qms/protocol';
import { apiFetch, ScreenShell, setLang, useFloor, useFloorEvent, useLang } from '@qms/ui-kit';
import { Confirmation, type PrintState } from './Confirmation';
import { Home } from './Home';
import { issueTicket, unanswered, type Issued } from './issue';
import { readPrinterId, rememberPrinterId } from './printer-id';
import { createRetryKeys } from './retry-key';
import { usePrinterState } from './usePrinters';
import { useIdle } from './useIdle';
import { priorityGroups, word } from './words';

export type Screen =
  | { kind: 'home' }
  | { kind: 'issuing'; service: ServiceDto }
  | { kind: 'ticket'; issued: Issued; service: ServiceDto; priority: PriorityCategory | null; print: PrintState }
  | { kind: 'error'; error: unknown };

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

  async function take(service: ServiceDto) {
    if (busy.current) return; // one ticket per tap, even on a bouncy touch screen
    busy.current = true;
    setScreen({ kind: 'issuing', service });
    const what = `${service.id}|${priority?.code ?? ''}`;
    const key = retryKeys.keyFor(what);
    try {
      const issued = await issueTicket({ serviceId: service.id, priority: priority?.code ?? null }, key);
      retryKeys.answered();
      if (issued.printerId !== printerId) {
        setPrinterId(issued.printerId);
        rememberPrinterId(issued.printerId);
      }
      const print: PrintState =
        issued.printerId === null
          ? { kind: 'none' }
          : issued.ticket.printed !== null
            ? printedState(issued.ticket.printed)
            : (printOutcomes.current.get(issued.ticket.id) ?? { kind: 'pending' });
      setScreen({ kind: 'ticket', issued, service, priority, print });
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
          <Home
            snapshot={snapshot}
            priority={priority}
            onPriority={setPriority}
            onTake={(s) => void take(s)}
            disabled={screen.kind !== 'home' || !floor.connected}
            printer={printer}
          />
          {screen.kind !== 'home' && <Confirmation screen={screen} snapshot={snapshot} printer={printer} onClose={home} />}
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
