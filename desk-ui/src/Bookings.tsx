import { useEffect, useState } from 'react';
import { routes, type AppointmentDto, type AppointmentListReply } from '@qms/protocol';
import { errorText, fetchRoute, useLang } from '@qms/ui-kit';
import { useWords } from './words';

const REFRESH_DELAY_MS = 250;

/** Today's bookings of these fields, read again shortly after each floor change (a check-in issues a ticket). */
export function useBookings(serviceIds: string[], seq: number | undefined) {
  const [reply, setReply] = useState<AppointmentListReply | null>(null);
  const [error, setError] = useState<unknown>(null);
  const ids = serviceIds.join(',');
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      fetchRoute(routes.appointmentList, { query: { serviceIds: ids } }).then(
        (r) => {
          if (!live) return;
          setReply(r);
          setError(null);
        },
        (e: unknown) => live && setError(e),
      );
    }, REFRESH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [ids, seq]);
  return { reply, error };
}

/** The counter's bookings of today in slot order: who has checked in (with the ticket number), who is still to come. */
export function Bookings({ list, error, nameOf, onBook }: { list: AppointmentDto[] | null; error: unknown; nameOf: (serviceId: string) => string; onBook: () => void }) {
  const w = useWords();
  const { lang } = useLang();
  const arrived = list?.filter((b) => b.status === 'checked_in').length ?? 0;
  const waiting = list?.filter((b) => b.status === 'booked').length ?? 0;
  return (
    <section className="qms-card desk__queue desk__bookings" aria-label={w('tabBookings')}>
      <div className="desk__bookings-head">
        <p className="desk__muted desk__bookings-sum">{list ? w('bookingsSummary', { n: list.filter((b) => b.status !== 'cancelled').length, in: arrived, left: waiting }) : '…'}</p>
        <button type="button" className="qms-btn qms-btn--small" data-book-for onClick={onBook}>
          {w('bookFor')}
        </button>
      </div>
      {error !== null && <p className="qms-error">{errorText(error, lang)}</p>}
      <div className="desk__list" role="list">
        {list && list.length === 0 && <p className="desk__muted">{w('bookingsNone')}</p>}
        {list?.map((b) => (
          <div key={b.code} className={`desk__row desk__booking desk__booking--${b.status}`} role="listitem" data-booking={b.code} data-status={b.status}>
            <span className="desk__slot">{b.slotStart.slice(11, 16)}</span>
            <span className="desk__what">
              <span className="desk__field" title={nameOf(b.serviceId)}>
                {nameOf(b.serviceId)}
              </span>
              <span className="desk__code">
                {b.code}
                {b.phone ? <> · {b.phone}</> : b.hasPhone && <> · {w('bookingPhone')}</>}
              </span>
            </span>
            <span className={`desk__state desk__state--${b.status}`}>{w(`booking_${b.status}`, { number: b.ticketNumber ?? '' })}</span>
          </div>
        ))}
      </div>
    </section>
  );
}
