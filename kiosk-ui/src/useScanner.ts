import { useEffect, useRef } from 'react';
import { createScanBuffer } from './scan';

/**
 * A USB barcode/QR scanner types like a keyboard: the characters, then Enter. The kiosk listens on the whole page,
 * so a scan works from the start screen without a touch. `onScan` gets what was typed; a touch empties the buffer.
 */
export function useScanner(onScan: (typed: string) => void): void {
  const callback = useRef(onScan);
  useEffect(() => {
    callback.current = onScan;
  });
  useEffect(() => {
    const buffer = createScanBuffer();
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      const scanned = buffer.key(e.key);
      if (e.key === 'Enter') e.preventDefault();
      if (scanned !== null) callback.current(scanned);
    };
    const onTouch = () => buffer.clear();
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', onTouch, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', onTouch, true);
    };
  }, []);
}
