import { useEffect, useState } from 'react';
import { routes, type AppointmentDto, type AppointmentListReply, type ServiceDto } from '@qms/protocol';
import { errorText, fetchRoute, serviceName } from '@qms/ui-kit';
import { useWords } from './words';

/** A day's bookings, one table per field in slot order, with who came, who did not and who cancelled. Read again on each floor change. */
export function Bookings({ today, services, seq }: { today: string; services: ServiceDto[]; seq: number }) {
  const { w, lang } = useWords();
  const [date, setDate] = useState(today);
  const [reply, setReply] = useState<AppointmentListReply | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // Many events come together (a call is ticket + counter + services): one read after the burst.
    const timer = setTimeout(() => {
      fetchRoute(routes.appointmentList, { query: { date } }).then(
        (r) => {
          if (!live) return;
          setReply(r);
          setError(null);
        },
        (e: unknown) => live && setError(errorText(e, lang)),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [date, lang, seq]);

  const list = reply && reply.date === date ? reply.appointments : null;
  const byField = new Map<string, AppointmentDto[]>();
  for (const b of list ?? []) byField.set(b.serviceId, [...(byField.get(b.serviceId) ?? []), b]);
  const order = [...services.map((s) => s.id).filter((id) => byField.has(id)), ...[...byField.keys()].filter((id) => !services.some((s) => s.id === id))];
  const nameOf = (id: string, fallback: string) => {
    const s = services.find((x) => x.id === id);
    return s ? serviceName(s, lang) : fallback;
  };
  return (
    <section className="qms-card admin-bookings" aria-label={w('tab.bookings')}>
      <label className="admin-bookings__day">
        <span>{w('bookings.day')}</span>
        <input type="date" name="date" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} />
      </label>
      {error && <p className="qms-error">{error}</p>}
      {list && list.length === 0 && <p className="qms-notice">{w('bookings.none')}</p>}
      {order.map((id) => {
        const rows = byField.get(id)!;
        const count = (status: AppointmentDto['status']) => rows.filter((b) => b.status === status).length;
        return (
          <div key={id} className="admin-bookings__field" data-service={id}>
            <h3>{nameOf(id, rows[0]!.serviceName)}</h3>
            <p className="qms-hint">{w('bookings.counts', { n: rows.length, in: count('checked_in'), booked: count('booked'), noShow: count('no_show'), cancelled: count('cancelled') })}</p>
            <table className="qms-table admin-bookings__table">
              <thead>
                <tr>
                  <th>{w('bookings.time')}</th>
                  <th>{w('bookings.code')}</th>
                  <th>{w('bookings.status')}</th>
                  <th>{w('bookings.ticket')}</th>
                  <th>{w('bookings.origin')}</th>
                  <th>{w('bookings.phone')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((b) => (
                  <tr key={b.code} data-booking={b.code}>
                    <td className="admin-bookings__time">{b.slotStart.slice(11, 16)}</td>
                    <td className="admin-bookings__code">{b.code}</td>
                    <td>
                      <span className={`admin-bookings__status admin-bookings__status--${b.status}`}>{w(`bookings.status.${b.status}`)}</span>
                    </td>
                    <td>{b.ticketNumber ?? '—'}</td>
                    <td>{w(`bookings.origin.${b.origin}`)}</td>
                    <td>{b.hasPhone ? '✓' : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}
