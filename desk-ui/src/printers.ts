import { useCallback, useEffect, useState } from 'react';
import { apiFetch, useFloorEvent, useLang, type MessageKey, type UseFloorResult } from '@qms/ui-kit';

export interface PrinterState {
  id: string;
  ok: boolean;
  /** The fault as a code the desk has words for (`paper_out`…), or `unknown`; null when it prints. */
  fault: string | null;
}

/** The printer driver's Vietnamese state words (drivers/src/escpos/status.ts `faultText`), mapped back to codes. */
const faultWords: [RegExp, string][] = [
  [/^Máy in hết giấy/, 'paper_out'],
  [/^Nắp máy in đang mở/, 'cover_open'],
  [/^Dao cắt giấy bị kẹt/, 'cutter_error'],
  [/^Máy in bị lỗi/, 'printer_error'],
  [/^Máy in đang ngoại tuyến/, 'offline'],
  [/^Máy in không trả lời/, 'no_answer'],
  [/^Mất kết nối tới máy in/, 'link_down'],
];

interface HealthReply {
  devices: { id: string; kind: string; ok: boolean; detail: string | null }[];
}

const known = new Set(['paper_out', 'cover_open', 'cutter_error', 'printer_error', 'offline', 'no_answer', 'link_down']);

function toState(d: { id: string; ok: boolean; detail: string | null }): PrinterState {
  if (d.ok) return { id: d.id, ok: true, fault: null };
  const detail = d.detail ?? '';
  return { id: d.id, ok: false, fault: faultWords.find(([re]) => re.test(detail))?.[1] ?? 'unknown' };
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

/**
 * The ticket printers and their state: read from `/api/health` (again on every reconnect), then kept live by
 * `device.status` events. `printers` is null until the first answer.
 */
export function usePrinters(subscribe: UseFloorResult['subscribe'], connected: boolean) {
  const [printers, setPrinters] = useState<PrinterState[] | null>(null);
  const load = useCallback(() => {
    apiFetch<HealthReply>('/api/health')
      .then((h) => setPrinters(h.devices.filter((d) => d.kind === 'printer').map(toState)))
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    if (connected) load();
  }, [connected, load]);
  useFloorEvent(subscribe, (e) => {
    if (e.type !== 'device.status' || e.kind !== 'printer') return;
    const next = toState({ id: e.deviceId, ok: e.ok, detail: e.detail });
    setPrinters((list) => {
      const rest = list ?? [];
      return rest.some((p) => p.id === next.id) ? rest.map((p) => (p.id === next.id ? next : p)) : [...rest, next];
    });
  });
  return printers;
}
