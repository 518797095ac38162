import { useEffect, useRef, useState } from 'react';
import type { CounterDto, StaffDto } from '@qms/protocol';
import { PHOTO_MAX_BYTES, staffPhotoUrl } from '@qms/protocol/staff-photo';
import { apiFetch, errorText, initials, useFloorEvent, type UseFloorResult } from '@qms/ui-kit';
import { useWords } from './words';

type Message = { ok: boolean; text: string } | null;

/** The accounts with the photo each officer's rating tablet shows: upload, replace or remove it. */
export function StaffPhotos({ counters, subscribe }: { counters: CounterDto[]; subscribe: UseFloorResult['subscribe'] }) {
  const { w, lang } = useWords();
  const [list, setList] = useState<StaffDto[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    apiFetch<StaffDto[]>('/api/staff')
      .then(setList)
      .catch((err: unknown) => setLoadError(errorText(err, lang)));
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const replace = (next: StaffDto) => setList((old) => old?.map((s) => (s.id === next.id ? next : s)) ?? null);
  // Another manager's upload or removal shows here too.
  useFloorEvent(subscribe, (e) => {
    if (e.type !== 'staff.photo_changed') return;
    setList((old) => old?.map((s) => (s.id === e.staffId ? { ...s, photoVersion: e.photoVersion, hasPhoto: e.photoVersion !== null } : s)) ?? null);
  });

  return (
    <div className="staff">
      <section className="qms-card">
        <h2>{w('tab.staff')}</h2>
        <p className="qms-hint">{w('staff.intro', { max: PHOTO_MAX_BYTES / 1024 / 1024 })}</p>
        {loadError && <p className="qms-error">{loadError}</p>}
        {!list && !loadError && <p className="qms-hint">{w('staff.loading')}</p>}
        {list && (
          <ul className="staff__list">
            {list.map((s) => (
              // The counter comes from the live floor, so a sign-in shows without reloading the list.
              <StaffRow key={s.id} staff={s} counter={counters.find((c) => c.staff?.id === s.id) ?? null} onChanged={replace} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function StaffRow({ staff, counter, onChanged }: { staff: StaffDto; counter: CounterDto | null; onChanged: (s: StaffDto) => void }) {
  const { w, lang } = useWords();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  const send = async (request: () => Promise<StaffDto>, done: string) => {
    setBusy(true);
    setMessage(null);
    try {
      onChanged(await request());
      setMessage({ ok: true, text: done });
    } catch (err) {
      setMessage({ ok: false, text: errorText(err, lang) });
    } finally {
      setBusy(false);
    }
  };

  const upload = (file: File) => {
    // Not worth sending megabytes only to be refused; the server checks the size again anyway.
    if (file.size > PHOTO_MAX_BYTES) return setMessage({ ok: false, text: w('staff.tooLarge', { max: PHOTO_MAX_BYTES / 1024 / 1024 }) });
    const headers = { 'Content-Type': file.type || 'application/octet-stream' };
    void send(() => apiFetch<StaffDto>(`/api/staff/${staff.id}/photo`, { method: 'PUT', body: file, headers }), w('staff.saved'));
  };
  const remove = () => void send(() => apiFetch<StaffDto>(`/api/staff/${staff.id}/photo`, { method: 'DELETE' }), w('staff.removed'));

  return (
    <li className="staff__item" data-staff={staff.username}>
      {staff.hasPhoto ? (
        <img className="staff__photo" src={staffPhotoUrl(staff)} alt={w('staff.photoOf', { name: staff.name })} />
      ) : (
        <div className="staff__photo staff__photo--initials" aria-hidden="true">
          {initials(staff.name)}
        </div>
      )}
      <div className="staff__text">
        <span className="staff__name">{staff.name}</span>
        {staff.title && <span className="staff__title">{staff.title}</span>}
        <span className="staff__where">
          {w(`role.${staff.role}`)} · {counter ? w('staff.atCounter', { n: counter.number }) : w('staff.notSignedIn')}
        </span>
      </div>
      <div className="staff__actions">
        <input
          ref={input}
          className="staff__file"
          type="file"
          accept="image/*"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) upload(file);
          }}
        />
        <button type="button" className="qms-btn qms-btn--small qms-btn--primary" disabled={busy} onClick={() => input.current?.click()}>
          {busy ? w('staff.sending') : w('staff.upload')}
        </button>
        <button type="button" className="qms-btn qms-btn--small" disabled={busy || !staff.hasPhoto} onClick={remove}>
          {w('staff.remove')}
        </button>
      </div>
      {message && (
        <p className={`staff__message ${message.ok ? 'qms-notice' : 'qms-error'}`} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </li>
  );
}
