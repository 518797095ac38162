import { useEffect, useState } from 'react';
import type { HealthReply } from '@qms/protocol';
import { useFloorEvent, type UseFloorResult } from '@qms/ui-kit';
import { readPrinterId } from './printer-id';

export interface PrinterState {
  ok: boolean;
  /** The fault code (`paper_out`…), null when it prints; words come from `printerFault`. */
  code: string | null;
}


/**
 * The state of the printer serving this kiosk: read from /api/health at start and every minute, then kept
 * current by `device.status` events. Which printer is ours is learnt from the first ticket; before that,
 * the only printer there is.
 */
export function usePrinterState(subscribe: UseFloorResult['subscribe'], knownPrinterId: string | null): PrinterState | null {
  const [printers, setPrinters] = useState<Map<string, PrinterState>>(new Map());

  useEffect(() => {
    let alive = true;
    const load = async () => {
      try {
        const res = await fetch('/api/health', { headers: { Accept: 'application/json' } });
        const body = (await res.json()) as Partial<HealthReply>;
        if (!alive) return;
        setPrinters(new Map((body.devices ?? []).filter((d) => d.kind === 'printer').map((d) => [d.id, { ok: d.ok, code: d.ok ? null : d.code }])));
      } catch {
        /* the connection banner covers a server that cannot be reached */
      }
    };
    void load();
    const id = setInterval(() => void load(), 60_000);
    return () => {
      alive = false;
      clearInterval(id);
    };
  }, []);

  useFloorEvent(subscribe, (e) => {
    if (e.type !== 'device.status' || e.kind !== 'printer') return;
    setPrinters((all) => new Map(all).set(e.deviceId, { ok: e.ok, code: e.ok ? null : e.code }));
  });

  const id = knownPrinterId ?? readPrinterId() ?? (printers.size === 1 ? [...printers.keys()][0]! : null);
  return id ? (printers.get(id) ?? null) : null;
}
