import { useEffect, useState } from 'react';
import { routes, type BookAppointmentReply, type ServiceDto, type SlotsReply } from '@qms/protocol';
import { errorText, fetchRoute, serviceName, useLang } from '@qms/ui-kit';
import { Dialog } from './dialogs';
import { useWords } from './words';

/** Days the phone number is kept after the booked time, as the consent read to the citizen says (docs/privacy.md). */
const PHONE_RETENTION_DAYS = 30;

/** An officer books a slot for a citizen who called: field, day, free time, the phone only with the consent read out. */
export function BookDialog({ services, today, onClose }: { services: ServiceDto[]; today: string; onClose: () => void }) {
  const w = useWords();
  const { lang } = useLang();
  const [serviceId, setServiceId] = useState(services[0]?.id ?? '');
  const [date, setDate] = useState(today);
  const [slots, setSlots] = useState<SlotsReply | null>(null);
  const [slot, setSlot] = useState('');
  const [consent, setConsent] = useState(false);
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [booked, setBooked] = useState<BookAppointmentReply | null>(null);

  useEffect(() => {
    if (!serviceId || !date) return;
    let live = true;
    fetchRoute(routes.appointmentSlots, { query: { serviceId, date } }).then(
      (r) => live && setSlots(r),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [serviceId, date]);
  const shown = slots && slots.serviceId === serviceId && slots.date === date ? slots.slots.filter((s) => s.available) : null;
  const chosen = shown?.some((s) => s.start === slot) ? slot : (shown?.[0]?.start ?? '');

  const book = async () => {
    if (busy || !chosen) return;
    setBusy(true);
    setError(null);
    try {
      const withPhone = consent && phone.trim() !== '';
      setBooked(await fetchRoute(routes.appointmentBook, { body: { serviceId, slotStart: chosen, ...(withPhone ? { phone: phone.trim(), phoneConsent: true } : {}) }, idempotent: true }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (booked) {
    const s = services.find((x) => x.id === booked.serviceId);
    return (
      <Dialog title={w('bookTitle')} onClose={onClose} done>
        <div className="desk-dialog__issued" role="status">
          <div className="desk-dialog__number desk-dialog__code" data-testid="desk-booking-code">
            {booked.code}
          </div>
          <p>{w('bookDone', { time: booked.slotStart.slice(11, 16), date: booked.date.split('-').reverse().join('/'), service: s ? serviceName(s, lang) : booked.serviceName })}</p>
        </div>
      </Dialog>
    );
  }
  return (
    <Dialog title={w('bookTitle')} onClose={onClose}>
      <form
        className="desk-book"
        onSubmit={(e) => {
          e.preventDefault();
          void book();
        }}
      >
        <label className="qms-field">
          <span>{w('bookField')}</span>
          <select name="serviceId" value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {serviceName(s, lang)}
              </option>
            ))}
          </select>
        </label>
        <label className="qms-field">
          <span>{w('bookDay')}</span>
          <input type="date" name="date" min={today} value={date} onChange={(e) => e.target.value && setDate(e.target.value)} />
        </label>
        <label className="qms-field">
          <span>{w('bookSlot')}</span>
          <select name="slot" value={chosen} disabled={!shown || shown.length === 0} onChange={(e) => setSlot(e.target.value)}>
            {shown?.map((s) => (
              <option key={s.start} value={s.start}>
                {w('bookSlotLeft', { time: s.start.slice(11, 16), n: s.capacity - s.booked })}
              </option>
            ))}
          </select>
        </label>
        {shown && shown.length === 0 && <p className="desk-dialog__warn">{w('bookNoSlot')}</p>}
        <label className="desk-dialog__choice desk-book__consent">
          <input type="checkbox" name="consent" checked={consent} onChange={(e) => (setConsent(e.target.checked), e.target.checked || setPhone(''))} />
          <span>{w('bookConsent', { days: PHONE_RETENTION_DAYS })}</span>
        </label>
        {consent && (
          <label className="qms-field">
            <span>{w('bookPhone')}</span>
            <input name="phone" type="tel" maxLength={20} value={phone} onChange={(e) => setPhone(e.target.value)} />
          </label>
        )}
        {error !== null && (
          <p className="qms-error" role="alert">
            {errorText(error, lang)}
          </p>
        )}
        <button type="submit" className="qms-btn qms-btn--primary" disabled={busy || !chosen}>
          {w('bookSubmit')}
        </button>
      </form>
    </Dialog>
  );
}
