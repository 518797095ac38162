import { useEffect, useState, type ReactNode } from 'react';
import type { CounterDto, Snapshot, TicketDto, UserDto } from '@qms/protocol';
import {
  ApiError,
  apiFetch,
  BigNumber,
  clearToken,
  errorText,
  getStoredUser,
  LoginScreen,
  queryInt,
  ScreenShell,
  SignOut,
  useFloor,
  useLang,
  useToken,
} from '@qms/ui-kit';

// A desk PC usually belongs to one counter (`?counter=3`); otherwise the officer's own counter.
const counterFromUrl = queryInt('counter');

export function App() {
  const token = useToken();
  const [user, setUser] = useState<UserDto | null>(getStoredUser);
  const { t } = useLang();
  if (!token) return <LoginScreen title={t('desk.title')} onLoggedIn={(reply) => setUser(reply.user)} />;
  const counterId = counterFromUrl ?? user?.counterId ?? undefined;
  if (counterId === undefined) {
    return (
      <ScreenShell snapshot={null} connected live={false} title={t('desk.title')} headerExtra={<SignOut name={user?.name} />}>
        <p className="qms-error">{t('query.counterMissing')}</p>
      </ScreenShell>
    );
  }
  return <Desk counterId={counterId} user={user} />;
}

type Action = 'call-next' | 'recall' | 'start' | 'finish' | 'no-show';
type Notice = { kind: 'info'; text: string } | { kind: 'error'; error: unknown } | null;

function Desk({ counterId, user }: { counterId: number; user: UserDto | null }) {
  const floor = useFloor({ role: 'counter', counterId });
  const { t, lang } = useLang();
  const [signedIn, setSignedIn] = useState(false);
  const [busy, setBusy] = useState<Action | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  // The socket is refused with `unauthorized` when the session has expired: back to the sign-in form.
  useEffect(() => {
    if (floor.error === 'unauthorized') clearToken();
  }, [floor.error]);

  // Take the counter on every load: the officer may have signed in elsewhere since.
  useEffect(() => {
    let live = true;
    apiFetch<{ counter: CounterDto }>(`/api/counters/${counterId}/sign-in`, { method: 'POST' })
      .then(() => {
        if (live) setSignedIn(true);
      })
      .catch((error: unknown) => {
        if (!live) return;
        if (error instanceof ApiError && error.status === 401) clearToken(); // back to the sign-in form
        else setNotice({ kind: 'error', error });
      });
    return () => {
      live = false;
    };
  }, [counterId]);

  async function act(action: Action) {
    if (busy) return;
    setBusy(action);
    setNotice(null);
    try {
      const reply = await apiFetch<{ ticket: TicketDto | null } | undefined>(`/api/counters/${counterId}/${action}`, { method: 'POST', idempotent: true });
      if (action === 'call-next' && !reply) setNotice({ kind: 'info', text: t('desk.nobodyWaiting') });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) clearToken();
      else setNotice({ kind: 'error', error });
    } finally {
      setBusy(null);
    }
  }

  return (
    <ScreenShell
      snapshot={floor.snapshot}
      connected={floor.connected}
      error={floor.error}
      title={t('desk.title')}
      className="desk"
      headerExtra={<SignOut name={user?.name} />}
    >
      {(snapshot) => (
        <DeskBody snapshot={snapshot} counterId={counterId} signedIn={signedIn} busy={busy} onAct={(a) => void act(a)}>
          {!signedIn && !notice && <p className="qms-notice">{t('desk.signingIn')}</p>}
          {notice?.kind === 'info' && <p className="qms-notice" role="status">{notice.text}</p>}
          {notice?.kind === 'error' && <p className="qms-error" role="alert">{errorText(notice.error, lang)}</p>}
        </DeskBody>
      )}
    </ScreenShell>
  );
}

function DeskBody({
  snapshot,
  counterId,
  signedIn,
  busy,
  onAct,
  children,
}: {
  snapshot: Snapshot;
  counterId: number;
  signedIn: boolean;
  busy: Action | null;
  onAct: (a: Action) => void;
  children: ReactNode;
}) {
  const { t } = useLang();
  const counter = snapshot.counters.find((c) => c.id === counterId);
  if (!counter) return <p className="qms-error">{t('query.counterNotFound', { n: counterId })}</p>;
  const ticket = counter.currentTicket;
  const status = ticket?.status;
  const waitingHere = snapshot.services.filter((s) => counter.serviceIds.includes(s.id)).reduce((n, s) => n + s.waiting, 0);
  const can = (a: Action) => {
    if (!signedIn || busy !== null) return false;
    switch (a) {
      case 'call-next':
        return true;
      case 'recall':
      case 'start':
      case 'no-show':
        return status === 'called';
      case 'finish':
        return status === 'called' || status === 'serving';
    }
  };
  const button = (a: Action, label: string, variant = '') => (
    <button type="button" className={`qms-btn desk__btn ${variant}`} disabled={!can(a)} onClick={() => onAct(a)}>
      {busy === a ? '…' : label}
    </button>
  );

  return (
    <div className="desk__layout">
      <section className="qms-card desk__current">
        <div className="desk__counter">
          {t('counter.label', { n: counter.number })} · <span className={`qms-status qms-status--${counter.status}`}>{t(`counter.status.${counter.status}`)}</span>
        </div>
        <BigNumber value={ticket?.number} label={ticket ? t('desk.current') : t('desk.none')} size="xl" />
        {ticket && <div className="desk__ticket-status">{t(`ticket.status.${ticket.status}`)}</div>}
        <div className="desk__waiting">{t('desk.waitingHere', { n: waitingHere })}</div>
      </section>
      <section className="desk__actions">
        {button('call-next', t('desk.callNext'), 'qms-btn--primary desk__btn--main')}
        {button('recall', t('desk.recall'))}
        {button('start', t('desk.start'))}
        {button('finish', t('desk.finish'))}
        {button('no-show', t('desk.noShow'), 'qms-btn--danger')}
      </section>
      <div className="desk__notice">{children}</div>
    </div>
  );
}
