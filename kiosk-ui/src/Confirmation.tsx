import { useEffect, useState } from 'react';
import { priorityName, type Snapshot } from '@qms/protocol';
import { errorText, Qr, serviceName, useLang } from '@qms/ui-kit';
import type { Screen } from './App';
import { unanswered } from './issue';
import type { PrinterState } from './usePrinters';
import { printerFault, word } from './words';

export type PrintState = { kind: 'pending' } | { kind: 'printed' } | { kind: 'failed' } | { kind: 'none' };

type Shown = Extract<Screen, { kind: 'issuing' | 'ticket' | 'error' }>;

/** Seconds before going back to the start: longer when the citizen has to note the number from the screen. */
const backAfter = (s: Shown) => (s.kind === 'error' ? 10 : s.kind === 'ticket' && (s.print.kind === 'failed' || s.print.kind === 'none') ? 40 : 20);

/** What follows a tap: "taking your number", then the number with everything the citizen needs, or why not. */
export function Confirmation({ screen, snapshot, printer, onClose }: { screen: Shown; snapshot: Snapshot; printer: PrinterState | null; onClose: () => void }) {
  const { lang } = useLang();
  const total = backAfter(screen);
  const [left, setLeft] = useState(total);
  const ticketId = screen.kind === 'ticket' ? screen.issued.ticket.id : null;
  const printKind = screen.kind === 'ticket' ? screen.print.kind : null;

  // A new ticket, or news about its paper, starts the countdown again.
  const phase = `${screen.kind}|${ticketId}|${printKind}`;
  const [counting, setCounting] = useState(phase);
  if (counting !== phase) {
    setCounting(phase);
    setLeft(total);
  }
  useEffect(() => {
    if (screen.kind === 'issuing') return;
    const id = setInterval(() => setLeft((n) => n - 1), 1000);
    return () => clearInterval(id);
  }, [screen.kind, phase]);
  useEffect(() => {
    if (left <= 0) onClose();
  }, [left, onClose]);

  if (screen.kind === 'issuing') {
    return (
      <div className="kiosk-overlay" role="status">
        <p className="kiosk-issuing">{word(lang, 'issuing')}</p>
      </div>
    );
  }
  if (screen.kind === 'error') {
    return (
      <div className="kiosk-overlay" role="dialog" aria-modal="true">
        <div className="kiosk-card kiosk-card--error">
          <h2 className="kiosk-card__title">{word(lang, 'errorTitle')}</h2>
          <p className="kiosk-card__error" role="alert">{unanswered(screen.error) ? word(lang, 'noAnswer') : errorText(screen.error, lang)}</p>
          <Footer left={left} onClose={onClose} />
        </div>
      </div>
    );
  }

  const { ticket } = screen.issued;
  const booked = screen.appointment;
  const serving = snapshot.counters.filter((c) => c.serviceIds.includes(ticket.serviceId) || (screen.priority !== null && c.priority));
  // Never send a citizen to a closed counter; when none is open, say so and point to the hall display.
  const open = serving.filter((c) => c.status !== 'closed');
  const counters = (open.length > 0 ? open : serving).map((c) => c.number).sort((a, b) => a - b);
  const minutes = Math.ceil(ticket.estimatedWaitSeconds / 60);
  return (
    <div className="kiosk-overlay" role="dialog" aria-modal="true" aria-label={word(lang, 'yourNumber')}>
      <div className={`kiosk-card kiosk-card--${screen.print.kind}`}>
        <div className="kiosk-card__main">
          <p className="kiosk-card__label">{word(lang, 'yourNumber')}</p>
          <p className="kiosk-number" data-testid="ticket-number">{ticket.number}</p>
          <p className="kiosk-card__service">{serviceName(screen.service, lang)}</p>
          {screen.priority && <p className="kiosk-card__priority">{word(lang, 'priorityTag', { name: priorityName(screen.priority, lang) })}</p>}
          {booked && (
            <p className={`kiosk-card__booked kiosk-card__booked--${booked.outcome}`} data-testid="appointment-mark">
              {booked.outcome === 'on_time' ? word(lang, 'appointmentTag', { time: booked.slotStart.slice(11, 16) }) : word(lang, 'lateTag')}
            </p>
          )}
        </div>
        <div className="kiosk-card__body">
          <ul className="kiosk-card__facts">
            {counters.length > 0 && <li>{word(lang, open.length > 0 ? 'counters' : 'countersNotOpen', { list: counters.join(', ') })}</li>}
            {booked && <li className="kiosk-card__what-now">{booked.message[lang]}</li>}
            {booked?.outcome !== 'on_time' && <li>{word(lang, 'ahead', { n: ticket.waitingAhead })}</li>}
            {booked?.outcome !== 'on_time' && <li>{ticket.waitingAhead === 0 || minutes <= 0 ? word(lang, 'estimateNone') : word(lang, 'estimate', { n: minutes })}</li>}
          </ul>
          <figure className="kiosk-card__qr">
            <Qr value={screen.issued.url} label={word(lang, 'qr')} className="kiosk-qr" />
            <figcaption>{word(lang, 'qr')}</figcaption>
          </figure>
        </div>
        <PrintLine print={screen.print} number={ticket.number} printer={printer} />
        <Footer left={left} onClose={onClose} />
      </div>
    </div>
  );
}

function PrintLine({ print, number, printer }: { print: PrintState; number: string; printer: PrinterState | null }) {
  const { lang } = useLang();
  switch (print.kind) {
    case 'pending':
      return <p className="kiosk-print kiosk-print--pending">{word(lang, 'printing')}</p>;
    case 'printed':
      return <p className="kiosk-print kiosk-print--ok">{word(lang, 'printed')}</p>;
    case 'none':
      return <p className="kiosk-print kiosk-print--none">{word(lang, 'noPrinter', { number })}</p>;
    case 'failed': {
      const reason = printerFault(lang, printer && !printer.ok ? printer.code : null);
      return (
        <p className="kiosk-print kiosk-print--failed" role="alert">
          {word(lang, 'printFailed', { number, reason })}
        </p>
      );
    }
  }
}

function Footer({ left, onClose }: { left: number; onClose: () => void }) {
  const { lang } = useLang();
  return (
    <div className="kiosk-card__footer">
      <button type="button" className="kiosk-done" onClick={onClose}>
        {word(lang, 'done')}
      </button>
      <span className="kiosk-countdown">{word(lang, 'autoBack', { n: Math.max(0, left) })}</span>
    </div>
  );
}
