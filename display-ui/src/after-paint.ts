import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

/** A page whose frames do not run (a hidden tab) still catches up, this late. */
const NO_FRAME_MS = 1000;

/**
 * `value` one frame late: a change is shown right after the next frame is painted, and every change that arrives
 * before then (the three messages of one call) is shown in one render. What the screen must show at once (the called
 * number) reads `value` itself; the rest reads this, so its render and its fitting never delay that frame.
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  const latest = useRef(value);
  const pending = useRef<{ frame: number; timer: number } | null>(null);

  useLayoutEffect(() => {
    latest.current = value;
    if (pending.current || Object.is(value, shown)) return;
    const show = () => {
      const p = pending.current;
      if (!p) return;
      cancelAnimationFrame(p.frame);
      clearTimeout(p.timer);
      pending.current = null;
      flushSync(() => setShown(latest.current));
    };
    // requestAnimationFrame runs just before the frame is painted; a task queued from it runs just after.
    const frame = requestAnimationFrame(() => {
      const p = pending.current;
      if (!p) return;
      clearTimeout(p.timer);
      p.timer = window.setTimeout(show, 0);
    });
    pending.current = { frame, timer: window.setTimeout(show, NO_FRAME_MS) };
  }, [value, shown]);

  useEffect(
    () => () => {
      const p = pending.current;
      if (p) {
        cancelAnimationFrame(p.frame);
        clearTimeout(p.timer);
      }
      pending.current = null;
    },
    [],
  );
  return shown;
}
