import { useEffect, useState, type ReactNode } from 'react';
import type { Snapshot } from '@qms/protocol';
import { useLang, type Lang } from './i18n';
import { DEFAULT_TIMEZONE, formatClock } from './clock-format';
import { errorText, signOut } from './api';
import './theme.css';

/** "Tiếng Việt | English": each name in its own language, the current one marked. */
export function LangSwitch() {
  const { lang, setLang } = useLang();
  const item = (l: Lang, label: string) => (
    <button
      type="button"
      lang={l}
      className={`qms-lang__item${lang === l ? ' qms-lang__item--on' : ''}`}
      aria-pressed={lang === l}
      onClick={() => setLang(l)}
    >
      {label}
    </button>
  );
  return (
    <div className="qms-lang" role="group" aria-label="Ngôn ngữ / Language">
      {item('vi', 'Tiếng Việt')}
      <span className="qms-lang__sep" aria-hidden="true">|</span>
      {item('en', 'English')}
    </div>
  );
}

/** A red "DEMO" badge fixed in a corner; render it when `snapshot.demo`. */
export function DemoBadge() {
  const { t } = useLang();
  return (
    <div className="qms-demo" title={t('demo.title')} aria-label={t('demo.title')}>
      {t('demo.badge')}
    </div>
  );
}

/** Weekday, date and time in the center's zone, e.g. "Thứ Hai, 23/11/2026 08:05"; ticks each second. */
export function Clock({ timeZone = DEFAULT_TIMEZONE }: { timeZone?: string }) {
  const { lang } = useLang();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  return (
    <time className="qms-clock" dateTime={new Date(now).toISOString()}>
      {formatClock(now, timeZone, lang)}
    </time>
  );
}

/** A ticket number, very large; `size` picks how large. */
export function BigNumber({ value, label, size = 'xl' }: { value: string | null | undefined; label?: ReactNode; size?: 'l' | 'xl' | 'xxl' }) {
  return (
    <div className={`qms-bignum qms-bignum--${size}`}>
      {label !== undefined && <div className="qms-bignum__label">{label}</div>}
      <div className="qms-bignum__value" aria-live="polite">{value || '—'}</div>
    </div>
  );
}

/**
 * Shown while the socket is down. It fades in after a short delay (CSS) so it does not flash on
 * page load or on a quick reconnect.
 */
export function ConnectionBanner({ connected, refused = false, reason = null }: { connected: boolean; refused?: boolean; reason?: string | null }) {
  const { t } = useLang();
  if (connected) return null;
  return (
    <div className="qms-banner" role="alert">
      {t(reason === 'unauthorized' ? 'conn.noToken' : refused ? 'conn.denied' : 'conn.lost')}
    </div>
  );
}

export interface ScreenShellProps {
  snapshot: Snapshot | null;
  connected: boolean;
  /** The server's refusal reason from `useFloor().error`, if any. */
  error?: string | null;
  /** The screen's own name, under the center name. */
  title?: ReactNode;
  /** Extra header items (sign-out button, counter number). */
  headerExtra?: ReactNode;
  className?: string;
  /** `false` for screens that run without a floor connection (the sign-in form). */
  live?: boolean;
  /** Show the DEMO badge without a snapshot (sign-in pages learn it from `/api/health`). */
  demo?: boolean;
  /** Plain content, or a function of the snapshot rendered once it has arrived (a loading line before). */
  children?: ReactNode | ((snapshot: Snapshot) => ReactNode);
}

/** Page frame of every screen: header (center, title, clock, language), connection banner, DEMO badge. */
export function ScreenShell({ snapshot, connected, error = null, title, headerExtra, className, live = true, demo = false, children }: ScreenShellProps) {
  const { t } = useLang();
  let body: ReactNode;
  if (typeof children === 'function') body = snapshot ? children(snapshot) : <p className="qms-loading">{t('app.loading')}</p>;
  else body = children;
  return (
    <div className={`qms-shell${className ? ` ${className}` : ''}`}>
      <header className="qms-header">
        <div className="qms-header__names">
          <div className="qms-header__center">{snapshot?.centerName ?? ''}</div>
          {title !== undefined && <div className="qms-header__title">{title}</div>}
        </div>
        <Clock timeZone={snapshot?.timezone ?? DEFAULT_TIMEZONE} />
        <div className="qms-header__tools">
          {headerExtra}
          <LangSwitch />
        </div>
      </header>
      {live && <ConnectionBanner connected={connected} refused={error !== null} reason={error} />}
      <main className="qms-main">{body}</main>
      {(snapshot?.demo || demo) && <DemoBadge />}
    </div>
  );
}

/**
 * The signed-in officer's name and a sign-out button, for the header. With `ask`, a click hands `signOut` to it
 * instead (the desk first asks whether to close the counter); `signOut` rejects when the server was not reached.
 */
export function SignOut({ name, ask }: { name?: string | null | undefined; ask?: ((signOut: () => Promise<void>) => void) | undefined }) {
  const { t, lang } = useLang();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setFailed(null);
    try {
      await signOut();
    } catch (err) {
      setFailed(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="qms-signout">
      {name && <span className="qms-signout__name">{t('login.signedInAs', { name })}</span>}
      {failed !== null && (
        <span className="qms-error" role="alert">
          {errorText(failed, lang)}
        </span>
      )}
      <button type="button" className="qms-btn qms-btn--small" data-sign-out disabled={busy} onClick={() => (ask ? ask(signOut) : void run())}>
        {t('login.logout')}
      </button>
    </div>
  );
}
