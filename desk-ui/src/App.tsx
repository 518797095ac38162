import { useEffect, useState } from 'react';
import type { CounterDto, UserDto } from '@qms/protocol';
import { apiFetch, getStoredUser, LoginScreen, queryInt, readStored, ScreenShell, SignOut, useLang, useToken, writeStored } from '@qms/ui-kit';
import { Desk } from './Desk';

// A desk PC usually belongs to one counter (`?counter=3`); otherwise the officer's own counter, or the one chosen here last.
const counterFromUrl = queryInt('counter');
const CHOSEN_KEY = 'qms.desk.counter';

function chosenCounter(): number | undefined {
  const n = Number(readStored(CHOSEN_KEY));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export function App() {
  const token = useToken();
  const [user, setUser] = useState<UserDto | null>(getStoredUser);
  const [chosen, setChosen] = useState<number | undefined>(chosenCounter);
  const { t } = useLang();
  if (!token) return <LoginScreen title={t('desk.title')} onLoggedIn={(reply) => setUser(reply.user)} />;
  const counterId = counterFromUrl ?? user?.counterId ?? chosen;
  if (counterId === undefined) {
    const choose = (id: number) => {
      writeStored(CHOSEN_KEY, String(id));
      setChosen(id);
    };
    return (
      <ScreenShell snapshot={null} connected live={false} title={t('desk.title')} headerExtra={<SignOut name={user?.name} />}>
        <CounterPicker onChoose={choose} />
      </ScreenShell>
    );
  }
  return <Desk counterId={counterId} user={user} />;
}

function CounterPicker({ onChoose }: { onChoose: (id: number) => void }) {
  const { t } = useLang();
  const [counters, setCounters] = useState<CounterDto[] | null>(null);
  useEffect(() => {
    void apiFetch<CounterDto[]>('/api/counters').then(setCounters, () => setCounters([]));
  }, []);
  return (
    <section className="qms-card desk-picker">
      <h1>{t('desk.chooseCounter')}</h1>
      <div className="desk-picker__list">
        {(counters ?? []).map((c) => (
          <button key={c.id} type="button" className="qms-btn" onClick={() => onChoose(c.id)}>
            {c.name}
          </button>
        ))}
      </div>
    </section>
  );
}
