import { useEffect, useState } from 'react';
import { routePath, routes, type AppointmentDto, type BookAppointmentReply, type SlotDto } from '@qms/protocol';
import { ApiError, errorText, fetchRoute, Qr, type Lang } from '@qms/ui-kit';
import { clockOf, dayText } from './days';
import { SlotPicker } from './SlotPicker';
import { useWords } from './words';

type Mode = 'view' | 'confirmCancel' | 'move';

/** A booking's own page: the code big with its QR code, the .ics file, and (with the link's key) cancel or move. */
export function Booking({ code, bookingKey, fresh, onNew }: { code: string; bookingKey: string | null; fresh: BookAppointmentReply | null; onNew: () => void }) {
  const { w, lang } = useWords();
  const [booking, setBooking] = useState<AppointmentDto | null>(fresh);
  const [problem, setProblem] = useState<unknown>(null);
  const [mode, setMode] = useState<Mode>('view');
  const [newSlot, setNewSlot] = useState<SlotDto | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    if (fresh) return;
    let live = true;
    fetchRoute(routes.appointmentGet, { params: { code } }).then(
      (b) => live && setBooking(b),
      (e: unknown) => live && setProblem(e),
    );
    return () => {
      live = false;
    };
  }, [code, fresh]);

  if (problem !== null) {
    return (
      <div className="book-booking">
        <p className="qms-error" role="alert">
          {problem instanceof ApiError && problem.status === 404 ? w('notFound') : errorText(problem, lang)}
        </p>
        <NewBooking onNew={onNew} />
      </div>
    );
  }
  if (!booking) return <p className="qms-hint">{w('loading')}</p>;

  const key = bookingKey ?? undefined;
  const change = async (run: () => Promise<AppointmentDto>, done: (b: AppointmentDto) => string) => {
    setBusy(true);
    setOutcome(null);
    try {
      const b = await run();
      setBooking(b);
      setMode('view');
      setNewSlot(null);
      setOutcome({ ok: true, text: done(b) });
    } catch (err) {
      setOutcome({ ok: false, text: errorText(err, lang) });
    } finally {
      setBusy(false);
    }
  };
  const cancel = () => void change(() => fetchRoute(routes.appointmentCancel, { params: { code: booking.code }, body: { key } }), () => w('cancelled'));
  const move = (slot: SlotDto) =>
    void change(
      () => fetchRoute(routes.appointmentMove, { params: { code: booking.code }, body: { key, slotStart: slot.start } }),
      (b) => w('moved', { when: when(b, lang) }),
    );

  const manage = `${location.origin}/book/?code=${encodeURIComponent(booking.code)}${key ? `&k=${encodeURIComponent(key)}` : ''}`;
  const ics = fresh?.icsUrl ?? `${routePath(routes.appointmentCalendar.path, { code: booking.code })}${key ? `?k=${encodeURIComponent(key)}` : ''}`;
  const open = booking.status === 'booked';
  const service = lang === 'en' && booking.serviceNameEn ? booking.serviceNameEn : booking.serviceName;
  return (
    <div className={`book-booking book-booking--${booking.status}`} data-status={booking.status}>
      <p className={`book-status book-status--${booking.status}`} role="status">
        {w(`status_${booking.status}`, { number: booking.ticketNumber ?? '' })}
      </p>
      <div className="book-ticket">
        <p className="book-ticket__label">{w('yourCode')}</p>
        <p className="book-code" data-testid="booking-code">
          {booking.code}
        </p>
        <p className="book-ticket__service">{service}</p>
        <p className="book-ticket__when">{when(booking, lang)}</p>
      </div>
      {outcome && (
        <p className={outcome.ok ? 'qms-notice' : 'qms-error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
      {open && (
        <>
          <figure className="book-qr">
            <Qr value={manage} label={w('qr')} className="book-qr__code" />
            <figcaption>{w('codeHint')}</figcaption>
          </figure>
          <p className="book-window">{w('checkInWindow', { from: clockOf(booking.checkInFrom), until: clockOf(booking.checkInUntil) })}</p>
          {key && (
            <a className="qms-btn book-ics" href={ics} download={`lich-hen-${booking.code}.ics`}>
              {w('ics')}
            </a>
          )}
          <p className="qms-hint">{w('keepLink')}</p>
          {!key && <p className="qms-notice">{w('noKey')}</p>}
          {key && mode === 'view' && (
            <div className="book-actions">
              <button type="button" className="qms-btn" onClick={() => (setOutcome(null), setMode('move'))}>
                {w('move')}
              </button>
              <button type="button" className="qms-btn qms-btn--danger" onClick={() => (setOutcome(null), setMode('confirmCancel'))}>
                {w('cancel')}
              </button>
            </div>
          )}
          {key && mode === 'confirmCancel' && (
            <div className="book-confirm" role="alertdialog" aria-label={w('cancel')}>
              <p>{w('cancelConfirm', { code: booking.code })}</p>
              <div className="book-actions">
                <button type="button" className="qms-btn" disabled={busy} onClick={() => setMode('view')}>
                  {w('back')}
                </button>
                <button type="button" className="qms-btn qms-btn--danger" disabled={busy} onClick={cancel}>
                  {w('cancel')}
                </button>
              </div>
            </div>
          )}
          {key && mode === 'move' && (
            <section className="book-step" aria-label={w('moveTitle')}>
              <h2 className="book-step__title">{w('moveTitle')}</h2>
              <SlotPicker serviceId={booking.serviceId} chosen={newSlot?.start ?? null} onPick={setNewSlot} initialDate={booking.date} />
              <div className="book-actions">
                <button type="button" className="qms-btn" disabled={busy} onClick={() => (setMode('view'), setNewSlot(null))}>
                  {w('back')}
                </button>
                <button type="button" className="qms-btn qms-btn--primary" disabled={busy || !newSlot || newSlot.start === booking.slotStart} onClick={() => newSlot && move(newSlot)}>
                  {w('moveSave')}
                </button>
              </div>
            </section>
          )}
        </>
      )}
      <NewBooking onNew={onNew} />
    </div>
  );
}

const when = (b: Pick<AppointmentDto, 'slotStart' | 'date'>, lang: Lang) => `${clockOf(b.slotStart)} · ${dayText(b.date, lang)}`;

function NewBooking({ onNew }: { onNew: () => void }) {
  const { w } = useWords();
  return (
    <p className="book-new">
      <a
        href="/book/"
        onClick={(e) => {
          e.preventDefault();
          onNew();
        }}
      >
        {w('newBooking')}
      </a>
    </p>
  );
}
