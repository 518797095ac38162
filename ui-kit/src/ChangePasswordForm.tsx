import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH, routes } from '@qms/protocol';
import { errorText, fetchRoute } from './api';
import { useLang } from './i18n';

/**
 * `POST /api/auth/password`. With `currentPassword` given (the temporary one just typed at sign-in) only the new
 * password is asked for; otherwise the current one too. `token`: the session to change it for, when it is not stored yet
 * (a temporary password's session is kept aside until it is changed).
 */
export function ChangePasswordForm({ currentPassword, token, onChanged }: { currentPassword?: string; token?: string; onChanged: () => void }) {
  const { t, lang } = useLang();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    if (next.length < PASSWORD_MIN_LENGTH) return setError(t('password.tooShort', { min: PASSWORD_MIN_LENGTH }));
    if (next !== again) return setError(t('password.mismatch'));
    setBusy(true);
    setError(null);
    try {
      await fetchRoute(routes.changePassword, {
        body: { currentPassword: currentPassword ?? current, newPassword: next },
        ...(token ? { headers: { Authorization: `Bearer ${token}` } } : {}),
      });
      setCurrent('');
      setNext('');
      setAgain('');
      onChanged();
    } catch (err) {
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="qms-login qms-password" onSubmit={(e) => void submit(e)}>
      <h2 className="qms-login__title">{t('password.title')}</h2>
      {currentPassword !== undefined && <p className="qms-notice">{t('password.mustChange')}</p>}
      {currentPassword === undefined && (
        <label className="qms-field">
          <span>{t('password.current')}</span>
          <input name="currentPassword" type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
        </label>
      )}
      <label className="qms-field">
        <span>{t('password.new', { min: PASSWORD_MIN_LENGTH })}</span>
        <input name="newPassword" type="password" autoComplete="new-password" required value={next} onChange={(e) => setNext(e.target.value)} />
      </label>
      <label className="qms-field">
        <span>{t('password.repeat')}</span>
        <input name="repeatPassword" type="password" autoComplete="new-password" required value={again} onChange={(e) => setAgain(e.target.value)} />
      </label>
      {error && <p className="qms-error" role="alert">{error}</p>}
      <button className="qms-btn qms-btn--primary" type="submit" disabled={busy}>
        {busy ? t('password.working') : t('password.submit')}
      </button>
    </form>
  );
}
