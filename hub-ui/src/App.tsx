import { useEffect, useState } from 'react';
import { getStoredUser, LoginScreen, ScreenShell, SignOut, useToken } from '@qms/ui-kit';
import { Live } from './Live';
import { Reports } from './Reports';
import { useWords } from './words';

type Tab = 'live' | 'reports';
const tabs: readonly Tab[] = ['live', 'reports'];

/** `#live`, `#reports`, `#reports/<center code>` (a center's drill-down). */
function fromHash(hash: string): { tab: Tab; center: string | null } {
  const [head = '', sub = ''] = hash.replace(/^#/, '').split('/');
  const tab = tabs.find((t) => t === head) ?? 'live';
  return { tab, center: tab === 'reports' && sub ? decodeURIComponent(sub) : null };
}

export function App() {
  const token = useToken();
  const { w } = useWords();
  const [name, setName] = useState<string | null>(() => getStoredUser()?.name ?? null);
  if (!token) return <LoginScreen title={w('title')} onLoggedIn={(reply) => setName(reply.user.name)} />;
  return <City name={name} />;
}

function City({ name }: { name: string | null }) {
  const { w } = useWords();
  const [place, setPlace] = useState(() => fromHash(location.hash));
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
        {tabs.map((k) => (
          <button key={k} type="button" role="tab" aria-selected={place.tab === k} className={`city__tab${place.tab === k ? ' city__tab--active' : ''}`} onClick={() => go(k)}>
            {w(`tab.${k}`)}
          </button>
        ))}
      </nav>
      {place.tab === 'live' && <Live onOpen={(code) => go('reports', code)} />}
      {place.tab === 'reports' && <Reports center={place.center} onCenter={(code) => go('reports', code)} />}
    </ScreenShell>
  );
}
