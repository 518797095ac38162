import { useDevices, useLang, type MessageKey, type UseFloorResult } from '@qms/ui-kit';

export interface PrinterState {
  id: string;
  ok: boolean;
  /** The fault as a code the desk has words for (`paper_out`…), or `unknown`; null when it prints. */
  fault: string | null;
}

const known = new Set(['paper_out', 'cover_open', 'cutter_error', 'printer_error', 'offline', 'no_answer', 'link_down']);

function toState(d: { id: string; ok: boolean; code: string | null }): PrinterState {
  return d.ok ? { id: d.id, ok: true, fault: null } : { id: d.id, ok: false, fault: d.code ?? 'unknown' };
}

/** The fault in the screen's words; a reason code from a print outcome works too (`paper_out`). */
export function usePrinterWords() {
  const { t } = useLang();
  const reason = (code: string | null | undefined) => t(`desk.printer.${code && known.has(code) ? code : 'unknown'}` as MessageKey);
  /** "hết giấy", or "printer-1: hết giấy; printer-2: …" when several printers are at fault. */
  const faults = (list: PrinterState[]) => {
    const bad = list.filter((p) => !p.ok);
    return bad.length === 1 ? reason(bad[0]!.fault) : bad.map((p) => `${p.id}: ${reason(p.fault)}`).join('; ');
  };
  return { reason, faults };
}

/** The ticket printers and their state, live; null until the server first answered. */
export function usePrinters(floor: Pick<UseFloorResult, 'subscribe' | 'connected'>): PrinterState[] | null {
  const { devices } = useDevices(floor);
  return devices?.filter((d) => d.kind === 'printer').map(toState) ?? null;
}
