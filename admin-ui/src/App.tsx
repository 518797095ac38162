import { useEffect, useState } from 'react';
import type { Snapshot, UserDto } from '@qms/protocol';
import { clearToken, getStoredUser, LoginScreen, ScreenShell, serviceName, SignOut, useFloor, useLang, useToken, waitText } from '@qms/ui-kit';

export function App() {
  const token = useToken();
  const [user, setUser] = useState<UserDto | null>(getStoredUser);
  const { t } = useLang();
  if (!token) return <LoginScreen title={t('admin.title')} onLoggedIn={(reply) => setUser(reply.user)} />;
  if (user && user.role === 'staff') {
    return (
      <ScreenShell snapshot={null} connected live={false} title={t('admin.title')} headerExtra={<SignOut name={user.name} />}>
        <p className="qms-error">{t('admin.notAllowed')}</p>
      </ScreenShell>
    );
  }
  return <Admin user={user} />;
}

function Admin({ user }: { user: UserDto | null }) {
  const floor = useFloor({ role: 'admin' });
  const { t } = useLang();

  // The socket is refused with `unauthorized` when the session has expired or is not a manager's.
  useEffect(() => {
    if (floor.error === 'unauthorized') clearToken();
  }, [floor.error]);
  return (
    <ScreenShell
      snapshot={floor.snapshot}
      connected={floor.connected}
      error={floor.error}
      title={t('admin.title')}
      className="admin"
      headerExtra={<SignOut name={user?.name} />}
    >
      {(snapshot) => <Overview snapshot={snapshot} />}
    </ScreenShell>
  );
}

function Overview({ snapshot }: { snapshot: Snapshot }) {
  const { t, lang } = useLang();
  const totalWaiting = snapshot.services.reduce((n, s) => n + s.waiting, 0);
  return (
    <div className="admin__layout">
      <section className="qms-card">
        <h2>{t('admin.counters')}</h2>
        <table className="qms-table">
          <thead>
            <tr>
              <th>{t('col.counter')}</th>
              <th>{t('col.status')}</th>
              <th>{t('col.officer')}</th>
              <th>{t('col.current')}</th>
            </tr>
          </thead>
          <tbody>
            {snapshot.counters.map((c) => (
              <tr key={c.id}>
                <td>
                  <strong>{t('counter.label', { n: c.number })}</strong>
                  {c.name && c.name !== t('counter.label', { n: c.number }) && <div className="qms-hint">{c.name}</div>}
                </td>
                <td>
                  <span className={`qms-status qms-status--${c.status}`}>{t(`counter.status.${c.status}`)}</span>
                </td>
                <td>{c.staff?.name ?? <span className="qms-hint">{t('counter.noStaff')}</span>}</td>
                <td>
                  {c.currentTicket ? (
                    <>
                      <strong className="admin__number">{c.currentTicket.number}</strong>{' '}
                      <span className="qms-hint">{t(`ticket.status.${c.currentTicket.status}`)}</span>
                    </>
                  ) : (
                    <span className="qms-hint">{t('counter.idle')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="qms-card">
        <h2>
          {t('admin.services')} · {t('waiting.count', { n: totalWaiting })}
        </h2>
        <table className="qms-table">
          <thead>
            <tr>
              <th>{t('col.service')}</th>
              <th className="num">{t('col.waiting')}</th>
              <th className="num">{t('col.estimatedWait')}</th>
            </tr>
          </thead>
          <tbody>
            {snapshot.services.map((s) => (
              <tr key={s.id}>
                <td>
                  {serviceName(s, lang)}
                  {!s.issuingNow && <div className="qms-hint">{t('kiosk.closed')}</div>}
                </td>
                <td className="num admin__number">{s.waiting}</td>
                <td className="num">{s.waiting > 0 ? waitText(s.estimatedWaitSeconds, lang) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
