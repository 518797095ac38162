import { useEffect, useState } from 'react';
import type { CounterQueueDto, MyDayDto } from '@qms/protocol';
import { apiFetch } from '@qms/ui-kit';

const REFRESH_DELAY_MS = 250;

/** The counter's queue and the officer's day, fetched again shortly after each floor change (`seq`). */
export function useDeskData(counterId: number, seq: number | undefined) {
  const [queue, setQueue] = useState<CounterQueueDto | null>(null);
  const [day, setDay] = useState<MyDayDto | null>(null);
  useEffect(() => {
    let live = true;
    // Many events arrive together (call = ticket + counter + services); one fetch after the burst.
    const timer = setTimeout(() => {
      apiFetch<CounterQueueDto>(`/api/counters/${counterId}/queue`).then((q) => live && setQueue(q), () => undefined);
      apiFetch<MyDayDto>('/api/me/day').then((d) => live && setDay(d), () => undefined);
    }, REFRESH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [counterId, seq]);
  return { queue, day };
}

/** The current time, ticking each second, for the "called 2 min ago" timers. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  return now;
}
