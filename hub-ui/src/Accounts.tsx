import { useState, type FormEvent } from 'react';
import { hubPasswordMinLength, type HubAccount } from '@qms/protocol/hub';
import { apiFetch, errorText } from '@qms/ui-kit';
import { fmtTime } from './format';
import { signedOutBy } from './session';
import { useCityList } from './useCityList';
import { useWords } from './words';

/** City accounts (city admin): viewer accounts for the office's staff and leaders, and a new password for one who forgot. */
export function Accounts() {
  const { w, lang } = useWords();
  const { list: accounts, failure, load } = useCityList<HubAccount>('/api/hub/accounts', lang);
  const [resetting, setResetting] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [rowError, setRowError] = useState<{ id: number; message: string } | null>(null);

  async function setActive(a: HubAccount, active: boolean) {
    setRowError(null);
    try {
      await apiFetch(`/api/hub/accounts/${a.id}`, { method: 'PATCH', json: { active } });
      setNotice(w(active ? 'accounts.enabled' : 'accounts.disabled', { username: a.username }));
      await load();
    } catch (err) {
      signedOutBy(err);
      setRowError({ id: a.id, message: errorText(err, lang) });
    }
  }

  return (
    <div className="centers">
      <CreateForm
        onCreated={(a) => {
          setNotice(w('accounts.created', { username: a.username }));
          void load();
        }}
      />
      <section className="qms-card" aria-label={w('accounts.list')}>
        <h2>{w('accounts.list')}</h2>
        {failure && <p className="qms-error">{failure}</p>}
        {notice && (
          <p className="qms-notice" role="status">
            {notice}
          </p>
        )}
        {accounts && (
          <div className="city__scroll">
            <table className="qms-table centers__table">
              <thead>
                <tr>
                  <th>{w('accounts.username')}</th>
                  <th>{w('accounts.name')}</th>
                  <th>{w('accounts.role')}</th>
                  <th>{w('accounts.createdAt')}</th>
                  <th>{w('col.state')}</th>
                  <th>
                    <span className="visually-hidden">{w('centers.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {accounts.map((a) => (
                  <tr key={a.id} data-account={a.username} className={a.active ? undefined : 'live__row--off'}>
                    <td className="centers__code">{a.username}</td>
                    <td>{a.name}</td>
                    <td>{w(a.role === 'city_admin' ? 'role.admin' : 'role.viewer')}</td>
                    <td>{a.createdAt ? fmtTime(a.createdAt) : '—'}</td>
                    <td>{w(a.active ? 'accounts.active' : 'accounts.inactive')}</td>
                    <td className="centers__actions">
                      {a.role === 'city_viewer' &&
                        (resetting === a.id ?
                          <ResetForm
                            account={a}
                            onDone={(done) => {
                              setResetting(null);
                              if (done) setNotice(w('accounts.resetDone', { username: a.username }));
                            }}
                          />
                        : <>
                            <button type="button" className="qms-btn qms-btn--small" onClick={() => (setResetting(a.id), setNotice(null))}>
                              {w('accounts.reset')}
                            </button>
                            <button type="button" className="qms-btn qms-btn--small" onClick={() => void setActive(a, !a.active)}>
                              {w(a.active ? 'accounts.disable' : 'accounts.enable')}
                            </button>
                          </>)}
                      {rowError?.id === a.id && <p className="qms-error centers__row-error">{rowError.message}</p>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="qms-hint centers__note">{w('accounts.note')}</p>
      </section>
    </div>
  );
}

function CreateForm({ onCreated }: { onCreated: (a: HubAccount) => void }) {
  const { w, lang } = useWords();
  const [username, setUsername] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const a = await apiFetch<HubAccount>('/api/hub/accounts', { method: 'POST', json: { username: username.trim(), name: name.trim(), password } });
      setUsername('');
      setName('');
      setPassword('');
      onCreated(a);
    } catch (err) {
      signedOutBy(err);
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="qms-card centers__form" aria-label={w('accounts.create')} onSubmit={(e) => void submit(e)}>
      <h2>{w('accounts.create')}</h2>
      <div className="centers__fields">
        <label className="qms-field centers__field--code">
          {w('accounts.username')}
          <input name="username" required minLength={3} maxLength={32} value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" />
        </label>
        <label className="qms-field centers__field--name">
          {w('accounts.name')}
          <input name="name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </label>
        <label className="qms-field centers__field--district">
          {w('accounts.password')}
          <input name="password" type="password" required minLength={hubPasswordMinLength} maxLength={200} value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
        </label>
        <button type="submit" className="qms-btn qms-btn--primary" disabled={busy}>
          {w('accounts.createButton')}
        </button>
      </div>
      <p className="qms-hint">{w('accounts.hint', { n: hubPasswordMinLength })}</p>
      {error && <p className="qms-error">{error}</p>}
    </form>
  );
}

function ResetForm({ account, onDone }: { account: HubAccount; onDone: (done: boolean) => void }) {
  const { w, lang } = useWords();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await apiFetch(`/api/hub/accounts/${account.id}/password`, { method: 'PUT', json: { password } });
      onDone(true);
    } catch (err) {
      signedOutBy(err);
      setError(errorText(err, lang));
      setBusy(false);
    }
  }

  return (
    <form className="centers__confirm" aria-label={w('accounts.reset')} onSubmit={(e) => void save(e)}>
      <input
        name="new-password"
        type="password"
        aria-label={w('accounts.newPassword', { username: account.username })}
        placeholder={w('accounts.newPasswordShort', { n: hubPasswordMinLength })}
        required
        minLength={hubPasswordMinLength}
        maxLength={200}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        autoComplete="new-password"
      />
      <button type="submit" className="qms-btn qms-btn--small qms-btn--primary" disabled={busy}>
        {w('form.save')}
      </button>
      <button type="button" className="qms-btn qms-btn--small" onClick={() => onDone(false)}>
        {w('form.cancel')}
      </button>
      {error && <p className="qms-error centers__row-error">{error}</p>}
    </form>
  );
}
