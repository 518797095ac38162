import { useEffect, useState } from 'react';
import { getStoredUser, LoginScreen, ScreenShell, SignOut, useToken } from '@qms/ui-kit';
import { Accounts } from './Accounts';
import { Centers } from './Centers';
import { Live } from './Live';
import { Reports } from './Reports';
import { useWords } from './words';

type Tab = 'live' | 'reports' | 'centers' | 'accounts';
const tabs: readonly Tab[] = ['live', 'reports', 'centers', 'accounts'];
/** The city admin's pages; a viewer account does not see them (and the hub refuses their routes to it). */
const adminTabs: readonly Tab[] = ['centers', 'accounts'];

/** `#live`, `#reports`, `#reports/<center code>` (a center's drill-down). */
function fromHash(hash: string): { tab: Tab; center: string | null } {
  const [head = '', sub = ''] = hash.replace(/^#/, '').split('/');
  const tab = tabs.find((t) => t === head) ?? 'live';
  return { tab, center: tab === 'reports' && sub ? decodeURIComponent(sub) : null };
}

export function App() {
  const token = useToken();
  const { w } = useWords();
  const [user, setUser] = useState(() => {
    const u = getStoredUser();
    return { name: u?.name ?? null, admin: (u?.role as string | undefined) === 'city_admin' };
  });
  if (!token) return <LoginScreen title={w('title')} onLoggedIn={(reply) => setUser({ name: reply.user.name, admin: (reply.user.role as string) === 'city_admin' })} />;
  return <City name={user.name} admin={user.admin} />;
}

function City({ name, admin }: { name: string | null; admin: boolean }) {
  const { w } = useWords();
  const shown = admin ? tabs : tabs.filter((t) => !adminTabs.includes(t));
  const [hashPlace, setPlace] = useState(() => fromHash(location.hash));
  const place = shown.includes(hashPlace.tab) ? hashPlace : { tab: 'live' as const, center: null };
  const go = (tab: Tab, center: string | null = null) => {
    setPlace({ tab, center });
    history.replaceState(null, '', center ? `#${tab}/${encodeURIComponent(center)}` : `#${tab}`);
  };
  useEffect(() => {
    const follow = () => setPlace(fromHash(location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return (
    <ScreenShell snapshot={null} connected live={false} title={w('title')} className="city" headerExtra={<SignOut name={name} />}>
      <nav className="city__tabs" role="tablist">
        {shown.map((k) => (
          <button key={k} type="button" role="tab" aria-selected={place.tab === k} className={`city__tab${place.tab === k ? ' city__tab--active' : ''}`} onClick={() => go(k)}>
            {w(`tab.${k}`)}
          </button>
        ))}
      </nav>
      {place.tab === 'live' && <Live onOpen={(code) => go('reports', code)} />}
      {place.tab === 'reports' && <Reports center={place.center} onCenter={(code) => go('reports', code)} />}
      {place.tab === 'centers' && <Centers />}
      {place.tab === 'accounts' && <Accounts />}
    </ScreenShell>
  );
}
