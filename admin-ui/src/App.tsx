import { useEffect, useState } from 'react';
import type { UserDto } from '@qms/protocol';
import { clearToken, getStoredUser, LoginScreen, ScreenShell, SignOut, useFloor, useLang, useToken } from '@qms/ui-kit';
import { Calendar } from './Calendar';
import { Dashboard } from './Dashboard';
import { DisplaySettingsForm } from './DisplaySettingsForm';
import { PaperBallots } from './PaperBallots';
import { Reports } from './Reports';
import { StaffPhotos } from './StaffPhotos';
import { useWords } from './words';

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

type Tab = 'live' | 'reports' | 'paper' | 'display' | 'staff' | 'calendar';
const tabs: readonly Tab[] = ['live', 'reports', 'paper', 'display', 'staff', 'calendar'];

function Admin({ user }: { user: UserDto | null }) {
  const floor = useFloor({ role: 'admin' });
  const { t } = useLang();
  const { w } = useWords();
  const [tab, setTab] = useState<Tab>(() => tabs.find((k) => location.hash === `#${k}`) ?? 'live');
  const choose = (next: Tab) => {
    setTab(next);
    history.replaceState(null, '', `#${next}`);
  };

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
      {(snapshot) => (
        <>
          <nav className="admin__tabs" role="tablist">
            {tabs.map((k) => (
              <button key={k} type="button" role="tab" aria-selected={tab === k} className={`admin__tab${tab === k ? ' admin__tab--active' : ''}`} onClick={() => choose(k)}>
                {w(`tab.${k}`)}
              </button>
            ))}
          </nav>
          {tab === 'live' && <Dashboard snapshot={snapshot} floor={floor} canReprint={user?.role !== 'manager'} isAdmin={user?.role === 'admin'} />}
          {tab === 'reports' && <Reports today={snapshot.serviceDay} services={snapshot.services} />}
          {tab === 'paper' && <PaperBallots services={snapshot.services} today={snapshot.serviceDay} />}
          {tab === 'display' && <DisplaySettingsForm />}
          {tab === 'staff' && <StaffPhotos counters={snapshot.counters} subscribe={floor.subscribe} />}
          {tab === 'calendar' && <Calendar today={snapshot.serviceDay} canEdit={user?.role === 'admin'} />}
        </>
      )}
    </ScreenShell>
  );
}
