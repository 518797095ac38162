import type { StatusKind } from './commands';

/** What a printer says about itself through DLE EOT 1–4. */
export interface PrinterStatus {
  online: boolean;
  coverOpen: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  cutterError: boolean;
  /** A fault that needs the printer switched off and on (or service). */
  unrecoverable: boolean;
}

export const healthyStatus: PrinterStatus = { online: true, coverOpen: false, paperOut: false, paperNearEnd: false, cutterError: false, unrecoverable: false };

/** Every DLE EOT answer has bit 1 and bit 4 set and bits 0 and 7 clear; anything else is not a status byte. */
export const isStatusByte = (b: number) => (b & 0x93) === 0x12;

/** Folds one DLE EOT n answer into a status. Throws on a byte that cannot be a status answer. */
export function applyStatusByte(status: PrinterStatus, n: StatusKind, b: number): PrinterStatus {
  if (!isStatusByte(b)) throw new Error(`0x${b.toString(16).padStart(2, '0')} is not a DLE EOT ${n} answer`);
  const bit = (i: number) => (b & (1 << i)) !== 0;
  switch (n) {
    case 1:
      return { ...status, online: !bit(3) };
    case 2:
      return { ...status, coverOpen: bit(2), paperOut: status.paperOut || bit(5) };
    case 3:
      return { ...status, cutterError: bit(3), unrecoverable: bit(5) };
    case 4:
      // OR, not overwrite: DLE EOT 2 may already say printing stopped at the paper end.
      return { ...status, paperNearEnd: bit(2) && bit(3), paperOut: status.paperOut || (bit(5) && bit(6)) };
  }
}

/** The byte a printer in `s` answers to DLE EOT n (used by the simulated printer). */
export function statusByte(n: StatusKind, s: PrinterStatus): number {
  let b = 0x12;
  const set = (cond: boolean, ...bits: number[]) => {
    if (cond) for (const i of bits) b |= 1 << i;
  };
  const offline = !s.online || s.coverOpen || s.paperOut || s.cutterError || s.unrecoverable;
  switch (n) {
    case 1:
      set(offline, 3);
      break;
    case 2:
      set(s.coverOpen, 2);
      set(s.paperOut, 5);
      set(s.cutterError || s.unrecoverable, 6);
      break;
    case 3:
      set(s.cutterError, 3);
      set(s.unrecoverable, 5);
      break;
    case 4:
      set(s.paperNearEnd || s.paperOut, 2, 3);
      set(s.paperOut, 5, 6);
      break;
  }
  return b;
}

export type PrinterFault = 'paper_out' | 'cover_open' | 'cutter_error' | 'printer_error' | 'offline' | 'no_answer' | 'link_down';

/** The one fault that stops printing, worst first, or null when the printer can print. */
export function faultOf(s: PrinterStatus): PrinterFault | null {
  if (s.paperOut) return 'paper_out';
  if (s.coverOpen) return 'cover_open';
  if (s.cutterError) return 'cutter_error';
  if (s.unrecoverable) return 'printer_error';
  if (!s.online) return 'offline';
  return null;
}

/** Plain Vietnamese for staff and the admin screen. */
export const faultText: Record<PrinterFault | 'paper_near_end' | 'ready' | 'status_unknown', string> = {
  paper_out: 'Máy in hết giấy',
  paper_near_end: 'Máy in sắp hết giấy',
  cover_open: 'Nắp máy in đang mở',
  cutter_error: 'Dao cắt giấy bị kẹt',
  printer_error: 'Máy in bị lỗi, cần tắt và bật lại',
  offline: 'Máy in đang ngoại tuyến',
  no_answer: 'Máy in không trả lời',
  link_down: 'Mất kết nối tới máy in',
  ready: 'Sẵn sàng',
  status_unknown: 'Không rõ trạng thái máy in',
};
