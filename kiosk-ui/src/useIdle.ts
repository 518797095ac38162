import { useEffect, useRef } from 'react';

/** Calls `onIdle` once after `ms` without a touch, click or key, while `active`. */
export function useIdle(ms: number, active: boolean, onIdle: () => void): void {
  const callback = useRef(onIdle);
  useEffect(() => {
    callback.current = onIdle;
  });
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(() => callback.current(), ms);
    const poke = () => {
      clearTimeout(timer);
      timer = setTimeout(() => callback.current(), ms);
    };
    const events = ['pointerdown', 'keydown', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, poke, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, poke);
    };
  }, [ms, active]);
}
