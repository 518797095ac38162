import { useState, type FormEvent } from 'react';
import type { HubCenter } from '@qms/protocol/hub';
import { apiFetch, errorText } from '@qms/ui-kit';
import { KeyPanel, type ShownKey } from './KeyPanel';
import { fmtTime } from './format';
import { signedOutBy } from './session';
import { useCityList } from './useCityList';
import { useWords } from './words';

/** The city admin's register of centers: list, register (the key shown once), rename or move, a new key for a lost one. */
export function Centers() {
  const { w, lang } = useWords();
  const { list: centers, failure, load } = useCityList<HubCenter>('/api/hub/centers', lang);
  const [shown, setShown] = useState<ShownKey | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [rekeying, setRekeying] = useState<number | null>(null);
  const [rowError, setRowError] = useState<{ id: number; message: string } | null>(null);

  const districts = [...new Set((centers ?? []).map((c) => c.district).filter((d): d is string => !!d))].sort((a, b) => a.localeCompare(b, 'vi'));

  async function newKey(c: HubCenter) {
    setRowError(null);
    try {
      const { key } = await apiFetch<{ id: number; key: string }>(`/api/hub/centers/${c.id}/key`, { method: 'POST' });
      setRekeying(null);
      setShown({ code: c.code, name: c.name, key, renewed: true });
      await load();
    } catch (err) {
      signedOutBy(err);
      setRowError({ id: c.id, message: errorText(err, lang) });
    }
  }

  return (
    <div className="centers">
      {shown && <KeyPanel shown={shown} onClose={() => setShown(null)} />}
      <RegisterForm
        districts={districts}
        onRegistered={(s) => {
          setShown(s);
          void load();
        }}
      />
      <section className="qms-card" aria-label={w('centers.list')}>
        <h2>{w('centers.list')}</h2>
        {failure && <p className="qms-error">{failure}</p>}
        {centers && centers.length === 0 && <p className="qms-hint">{w('live.none')}</p>}
        {centers && centers.length > 0 && (
          <div className="city__scroll">
            <table className="qms-table centers__table">
              <thead>
                <tr>
                  <th>{w('centers.code')}</th>
                  <th>{w('centers.name')}</th>
                  <th>{w('col.district')}</th>
                  <th>{w('col.lastContact')}</th>
                  <th>{w('centers.keyIssued')}</th>
                  <th>
                    <span className="visually-hidden">{w('centers.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {centers.map((c) =>
                  editing === c.id ? (
                    <EditRow key={c.id} center={c} onDone={(changed) => (setEditing(null), changed && void load())} />
                  ) : (
                    <tr key={c.id} data-center={c.code}>
                      <td className="centers__code">{c.code}</td>
                      <td>{c.name}</td>
                      <td>{c.district ?? <span className="qms-hint">{w('district.none')}</span>}</td>
                      <td>
                        {c.lastContactAt ? fmtTime(c.lastContactAt) : <span className="qms-hint">{w('state.never')}</span>}
                        {c.online && <span className="live__state live__state--on centers__online">{w('state.online')}</span>}
                      </td>
                      <td>{c.keyIssuedAt ? fmtTime(c.keyIssuedAt) : '—'}</td>
                      <td className="centers__actions">
                        {rekeying === c.id ? (
                          <div className="centers__confirm" role="group" aria-label={w('centers.newKey')}>
                            <span>{w('centers.newKeyConfirm')}</span>
                            <button type="button" className="qms-btn qms-btn--small qms-btn--danger" onClick={() => void newKey(c)}>
                              {w('centers.newKeyYes')}
                            </button>
                            <button type="button" className="qms-btn qms-btn--small" onClick={() => setRekeying(null)}>
                              {w('form.cancel')}
                            </button>
                          </div>
                        ) : (
                          <>
                            <button type="button" className="qms-btn qms-btn--small" onClick={() => (setEditing(c.id), setRekeying(null))}>
                              {w('form.edit')}
                            </button>
                            <button type="button" className="qms-btn qms-btn--small" onClick={() => (setRekeying(c.id), setEditing(null), setRowError(null))}>
                              {w('centers.newKey')}
                            </button>
                          </>
                        )}
                        {rowError?.id === c.id && <p className="qms-error centers__row-error">{rowError.message}</p>}
                      </td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </div>
        )}
        <p className="qms-hint centers__note">{w('centers.keyNote')}</p>
      </section>
    </div>
  );
}

function RegisterForm({ districts, onRegistered }: { districts: string[]; onRegistered: (s: ShownKey) => void }) {
  const { w, lang } = useWords();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [district, setDistrict] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const { key } = await apiFetch<{ id: number; key: string }>('/api/hub/centers', { method: 'POST', json: { code: code.trim(), name: name.trim(), ...(district.trim() ? { district: district.trim() } : {}) } });
      onRegistered({ code: code.trim(), name: name.trim(), key, renewed: false });
      setCode('');
      setName('');
      setDistrict('');
    } catch (err) {
      signedOutBy(err);
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="qms-card centers__form" aria-label={w('centers.register')} onSubmit={(e) => void submit(e)}>
      <h2>{w('centers.register')}</h2>
      <div className="centers__fields">
        <label className="qms-field centers__field--code">
          {w('centers.code')}
          <input name="code" required maxLength={32} pattern="[A-Za-z0-9_.\-]{1,32}" title={w('centers.codeHint')} value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" />
        </label>
        <label className="qms-field centers__field--name">
          {w('centers.name')}
          <input name="name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </label>
        <label className="qms-field centers__field--district">
          {w('col.district')}
          <input name="district" maxLength={100} list="hub-districts" value={district} onChange={(e) => setDistrict(e.target.value)} autoComplete="off" />
        </label>
        <button type="submit" className="qms-btn qms-btn--primary" disabled={busy}>
          {w('centers.registerButton')}
        </button>
      </div>
      <datalist id="hub-districts">
        {districts.map((d) => (
          <option key={d} value={d} />
        ))}
      </datalist>
      <p className="qms-hint">{w('centers.codeHint')}</p>
      {error && <p className="qms-error">{error}</p>}
    </form>
  );
}

function EditRow({ center, onDone }: { center: HubCenter; onDone: (changed: boolean) => void }) {
  const { w, lang } = useWords();
  const [name, setName] = useState(center.name);
  const [district, setDistrict] = useState(center.district ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await apiFetch(`/api/hub/centers/${center.id}`, { method: 'PATCH', json: { name: name.trim(), district: district.trim() } });
      onDone(true);
    } catch (err) {
      signedOutBy(err);
      setError(errorText(err, lang));
      setBusy(false);
    }
  }

  return (
    <tr data-center={center.code} className="centers__editing">
      <td className="centers__code">{center.code}</td>
      <td>
        <input form={`edit-${center.id}`} name="name" aria-label={w('centers.name')} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      </td>
      <td>
        <input form={`edit-${center.id}`} name="district" aria-label={w('col.district')} maxLength={100} list="hub-districts" placeholder={w('district.none')} value={district} onChange={(e) => setDistrict(e.target.value)} />
      </td>
      <td colSpan={2} className="qms-hint">
        {w('centers.editHint')}
      </td>
      <td className="centers__actions">
        <form id={`edit-${center.id}`} onSubmit={(e) => void save(e)}>
          <button type="submit" className="qms-btn qms-btn--small qms-btn--primary" disabled={busy}>
            {w('form.save')}
          </button>
          <button type="button" className="qms-btn qms-btn--small" onClick={() => onDone(false)}>
            {w('form.cancel')}
          </button>
        </form>
        {error && <p className="qms-error centers__row-error">{error}</p>}
      </td>
    </tr>
  );
}
