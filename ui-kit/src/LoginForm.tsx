import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { LoginReply } from '@qms/protocol';
import { apiFetch, errorText } from './api';
import { useLang } from './i18n';
import { setStoredUser, setToken } from './token';
import { ScreenShell } from './components';
import { ChangePasswordForm } from './ChangePasswordForm';

/** `demo` from `GET /api/health`, so a sign-in page (which has no snapshot yet) can show the DEMO badge. */
export function useDemoFlag(): boolean {
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    let live = true;
    apiFetch<{ demo?: boolean }>('/api/health')
      .then((h) => {
        if (live) setDemo(h?.demo === true);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return demo;
}

/**
 * Username and password form: `POST /api/auth/login`, then stores the token (and the user, for
 * showing the name) and calls `onLoggedIn`.
 */
export function LoginForm({ onLoggedIn, demo = false }: { onLoggedIn: (reply: LoginReply) => void; demo?: boolean }) {
  const { t, lang } = useLang();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A temporary password signs in, but the server refuses everything else until it is changed.
  const [mustChange, setMustChange] = useState<LoginReply | null>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const reply = await apiFetch<LoginReply>('/api/auth/login', { method: 'POST', json: { username: username.trim(), password } });
      setStoredUser(reply.user);
      if (reply.mustChangePassword) {
        setMustChange(reply);
        setBusy(false);
        return;
      }
      setToken(reply.token);
      onLoggedIn(reply);
    } catch (err) {
      setError(errorText(err, lang));
      setBusy(false);
    }
  }

  if (mustChange) {
    return (
      <ChangePasswordForm
        token={mustChange.token}
        currentPassword={password}
        onChanged={() => {
          const user = { ...mustChange.user, mustChangePassword: false };
          setStoredUser(user);
          setToken(mustChange.token);
          onLoggedIn({ ...mustChange, user, mustChangePassword: false });
        }}
      />
    );
  }

  return (
    <form className="qms-login" onSubmit={(e) => void submit(e)}>
      <h1 className="qms-login__title">{t('login.title')}</h1>
      <label className="qms-field">
        <span>{t('login.username')}</span>
        <input name="username" autoComplete="username" autoCapitalize="none" required value={username} onChange={(e) => setUsername(e.target.value)} />
      </label>
      <label className="qms-field">
        <span>{t('login.password')}</span>
        <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      {error && <p className="qms-error" role="alert">{error}</p>}
      <button className="qms-btn qms-btn--primary" type="submit" disabled={busy}>
        {busy ? t('login.working') : t('login.submit')}
      </button>
      {demo && <p className="qms-hint">{t('demo.accounts')}</p>}
    </form>
  );
}

/** A whole sign-in page (header, DEMO badge from `/api/health`, the form) for the staff screens. */
export function LoginScreen({ title, onLoggedIn }: { title?: ReactNode; onLoggedIn: (reply: LoginReply) => void }) {
  const demo = useDemoFlag();
  return (
    <ScreenShell snapshot={null} connected live={false} demo={demo} title={title}>
      <LoginForm onLoggedIn={onLoggedIn} demo={demo} />
    </ScreenShell>
  );
}

