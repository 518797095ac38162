import { useEffect, useRef, useState, type FormEvent } from 'react';
import { routes, type BookAppointmentReply, type ServiceDto, type SlotDto } from '@qms/protocol';
import { errorText, fetchRoute, serviceName } from '@qms/ui-kit';
import { deviceId, getJson } from './api';
import { clockOf, dateOf, dayText } from './days';
import { SlotPicker, today } from './SlotPicker';
import { PHONE_RETENTION_DAYS } from './privacy';
import { useWords } from './words';

/** The fields that take bookings: every field, less those whose slots answer `bookings_off`. */
function useBookableFields() {
  const [fields, setFields] = useState<ServiceDto[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    getJson<ServiceDto[]>('/api/services')
      .then((all) => Promise.all(all.map((s) => fetchRoute(routes.appointmentSlots, { query: { serviceId: s.id, date: today() } }).then((r) => (r.closedReason === 'bookings_off' ? null : s), () => s))))
      .then(
        (list) => live && setFields(list.filter((s): s is ServiceDto => s !== null)),
        (e: unknown) => live && setError(e),
      );
    return () => {
      live = false;
    };
  }, []);
  return { fields, error };
}

/** The three steps: field, day and time, then confirm (with the optional phone number behind its consent). */
export function Book({ onBooked }: { onBooked: (reply: BookAppointmentReply) => void }) {
  const { w, lang } = useWords();
  const { fields, error: fieldsError } = useBookableFields();
  const [service, setService] = useState<ServiceDto | null>(null);
  const [slot, setSlot] = useState<SlotDto | null>(null);
  const [consent, setConsent] = useState(false);
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const sending = useRef(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!service || !slot || sending.current) return;
    sending.current = true;
    setBusy(true);
    setError(null);
    const withPhone = consent && phone.trim() !== '';
    try {
      const reply = await fetchRoute(routes.appointmentBook, {
        body: { serviceId: service.id, slotStart: slot.start, deviceId: deviceId(), ...(withPhone ? { phone: phone.trim(), phoneConsent: true } : {}) },
        idempotent: true,
      });
      onBooked(reply);
    } catch (err) {
      setError(err);
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  if (!service) {
    return (
      <section className="book-step" aria-labelledby="step1">
        <p className="book-intro">{w('intro')}</p>
        <h2 id="step1" className="book-step__title">
          <span className="book-step__n">1</span>
          {w('step1')}
        </h2>
        {fieldsError !== null && <p className="qms-error">{errorText(fieldsError, lang)}</p>}
        {!fields && fieldsError === null && <p className="qms-hint">{w('loading')}</p>}
        {fields && fields.length === 0 && <p className="qms-notice">{w('noFields')}</p>}
        <div className="book-fields">
          {fields?.map((s) => (
            <button key={s.id} type="button" className="book-field" data-service={s.id} onClick={() => (setService(s), setSlot(null))}>
              {serviceName(s, lang)}
            </button>
          ))}
        </div>
      </section>
    );
  }

  return (
    <>
      <Chosen label={w('field')} value={serviceName(service, lang)} onChange={() => (setService(null), setSlot(null))} />
      {!slot ? (
        <section className="book-step" aria-labelledby="step2">
          <h2 id="step2" className="book-step__title">
            <span className="book-step__n">2</span>
            {w('step2')}
          </h2>
          <SlotPicker serviceId={service.id} chosen={null} onPick={setSlot} />
        </section>
      ) : (
        <>
          <Chosen label={w('when')} value={`${clockOf(slot.start)} · ${dayText(dateOf(slot.start), lang)}`} onChange={() => setSlot(null)} />
          <form className="book-step" aria-labelledby="step3" onSubmit={(e) => void submit(e)}>
            <h2 id="step3" className="book-step__title">
              <span className="book-step__n">3</span>
              {w('step3')}
            </h2>
            <fieldset className="book-phone">
              <legend>{w('phoneTitle')}</legend>
              <p className="qms-hint">{w('phoneWhy')}</p>
              <label className="book-consent">
                <input
                  type="checkbox"
                  name="consent"
                  checked={consent}
                  onChange={(e) => {
                    setConsent(e.target.checked);
                    if (!e.target.checked) setPhone('');
                  }}
                />
                <span>{w('consent', { days: PHONE_RETENTION_DAYS })}</span>
              </label>
              {consent && (
                <label className="qms-field">
                  <span>{w('phoneLabel')}</span>
                  <input name="phone" type="tel" inputMode="tel" autoComplete="tel" maxLength={20} value={phone} onChange={(e) => setPhone(e.target.value)} />
                </label>
              )}
            </fieldset>
            {error !== null && (
              <p className="qms-error" role="alert">
                {errorText(error, lang)}
              </p>
            )}
            <button type="submit" className="qms-btn qms-btn--primary book-submit" disabled={busy}>
              {busy ? w('booking') : w('book')}
            </button>
          </form>
        </>
      )}
    </>
  );
}

function Chosen({ label, value, onChange }: { label: string; value: string; onChange: () => void }) {
  const { w } = useWords();
  return (
    <div className="book-chosen">
      <div className="book-chosen__text">
        <span className="book-chosen__label">{label}</span>
        <strong>{value}</strong>
      </div>
      <button type="button" className="qms-btn qms-btn--small" onClick={onChange}>
        {w('change')}
      </button>
    </div>
  );
}
