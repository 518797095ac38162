import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

/** A page whose frames do not run (a hidden tab) still gets there, this late. */
const NO_FRAME_MS = 1000;

/** The work waiting for the next frame; the frame of a batch already run waits for its task, new work for the next. */
let next: (() => void)[] | null = null;

/**
 * Runs `fn` just after the next frame is painted, in the order asked: requestAnimationFrame runs just before the frame
 * is painted, a task queued from it just after. Work that can wait a frame (the voice, the lists) so never delays
 * what must be seen at once (the called number).
 */
export function afterPaint(fn: () => void): void {
  if (next) {
    next.push(fn);
    return;
  }
  const batch = [fn];
  next = batch;
  let timer = window.setTimeout(run, NO_FRAME_MS);
  const frame = requestAnimationFrame(() => {
    // What is asked from now on was not in this frame: it waits for the next one.
    if (next === batch) next = null;
    clearTimeout(timer);
    timer = window.setTimeout(run, 0);
  });
  function run() {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    if (next === batch) next = null;
    for (const f of batch.splice(0)) f();
  }
}

/**
 * `value` one frame late: a change is shown right after the next frame is painted, and every change that arrives
 * before then (the three messages of one call) is shown in one render. What the screen must show at once (the called
 * number) reads `value` itself; the rest reads this, so its render and its fitting never delay that frame.
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  const latest = useRef(value);
  const pending = useRef(false);
  const mounted = useRef(true);

  useLayoutEffect(() => {
    latest.current = value;
    if (pending.current || Object.is(value, shown)) return;
    pending.current = true;
    afterPaint(() => {
      pending.current = false;
      if (mounted.current) flushSync(() => setShown(latest.current));
    });
  }, [value, shown]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return shown;
}
