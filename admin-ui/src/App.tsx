import { useEffect, useState } from 'react';
import type { UserDto } from '@qms/protocol';
import { clearToken, getStoredUser, LoginScreen, ScreenShell, SignOut, useFloor, useLang, useToken } from '@qms/ui-kit';
import { Bookings } from './Bookings';
import { Dashboard } from './Dashboard';
import { PaperBallots } from './PaperBallots';
import { Reports } from './Reports';
import { SetupPage, setupSections, type SetupSection } from './setup/SetupPage';
import { useSetupWords } from './setup/words';
import { useWords } from './words';
import { useSetupNeeded, Wizard } from './wizard/Wizard';

export function App() {
  const token = useToken();
  const [user, setUser] = useState<UserDto | null>(getStoredUser);
  const { t } = useLang();
  // An empty server (no config file, first start): the first-run wizard, then the admin page signed in.
  const setup = useSetupNeeded();
  if (setup.needed === null) return null;
  if (setup.needed) {
    const finished = (u: UserDto) => {
      setUser(u);
      setup.done();
    };
    return <Wizard onFinished={finished} />;
  }
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

type Tab = 'live' | 'bookings' | 'reports' | 'paper' | 'setup';
const tabs: readonly Tab[] = ['live', 'bookings', 'reports', 'paper', 'setup'];

/** `#reports`, `#setup/fields`; the setup sections' own names (`#display`, `#staff`) still work as before. */
function fromHash(hash: string): { tab: Tab; section: SetupSection } {
  const [head = '', sub = ''] = hash.replace(/^#/, '').split('/');
  const section = setupSections.find((s) => s === sub || s === head);
  if (section) return { tab: 'setup', section };
  return { tab: tabs.find((k) => k === head) ?? 'live', section: 'fields' };
}

function Admin({ user }: { user: UserDto | null }) {
  const floor = useFloor({ role: 'admin' });
  const { t } = useLang();
  const { w } = useWords();
  const setupWords = useSetupWords();
  const [{ tab, section }, setPlace] = useState(() => fromHash(location.hash));
  const choose = (next: Tab, nextSection = section) => {
    setPlace({ tab: next, section: nextSection });
    history.replaceState(null, '', next === 'setup' ? `#setup/${nextSection}` : `#${next}`);
  };
  // An address typed or a link followed within the page (`#setup/devices`) opens that page too.
  useEffect(() => {
    const follow = () => setPlace(fromHash(location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

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
                {k === 'setup' ? setupWords.w('tab.setup') : w(`tab.${k}`)}
              </button>
            ))}
          </nav>
          {tab === 'live' && <Dashboard snapshot={snapshot} floor={floor} canReprint={user?.role !== 'manager'} isAdmin={user?.role === 'admin'} />}
          {tab === 'bookings' && <Bookings today={snapshot.serviceDay} services={snapshot.services} seq={snapshot.seq} />}
          {tab === 'reports' && <Reports today={snapshot.serviceDay} services={snapshot.services} />}
          {tab === 'paper' && <PaperBallots services={snapshot.services} today={snapshot.serviceDay} />}
          {tab === 'setup' && (
            <SetupPage section={section} onSection={(s) => choose('setup', s)} canEdit={user?.role === 'admin'} counters={snapshot.counters} today={snapshot.serviceDay} subscribe={floor.subscribe} />
          )}
        </>
      )}
    </ScreenShell>
  );
}
