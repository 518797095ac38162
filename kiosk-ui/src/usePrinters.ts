import { useDevices, type UseFloorResult } from '@qms/ui-kit';
import { readPrinterId } from './printer-id';

export interface PrinterState {
  ok: boolean;
  /** The fault code (`paper_out`…), null when it prints; words come from `printerFault`. */
  code: string | null;
}

/**
 * The state of the printer serving this kiosk, live. Which printer is ours is learnt from the first ticket;
 * before that, the only printer there is.
 */
export function usePrinterState(floor: Pick<UseFloorResult, 'subscribe' | 'connected'>, knownPrinterId: string | null): PrinterState | null {
  const printers = (useDevices(floor).devices ?? []).filter((d) => d.kind === 'printer');
  const id = knownPrinterId ?? readPrinterId() ?? (printers.length === 1 ? printers[0]!.id : null);
  const printer = printers.find((d) => d.id === id);
  return printer ? { ok: printer.ok, code: printer.ok ? null : printer.code } : null;
}
