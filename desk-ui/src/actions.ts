import type { CounterDto } from '@qms/protocol';
import type { MessageKey } from '@qms/ui-kit';

export type ActionId = 'call-next' | 'recall' | 'start' | 'finish' | 'no-show' | 'hold' | 'transfer' | 'pause' | 'resume' | 'close' | 'issue' | 'sign-in' | 'unhold';

export interface ActionDef {
  id: ActionId;
  label: MessageKey;
  /** The shortcut, the same in both languages so hands learn it once. */
  key: string;
  variant?: string;
  /** Drawn in the queue panel (on the first held ticket), not in the column of actions. */
  inQueue?: true;
}

/** Brings back the first held ticket; shown on that ticket's button. */
export const unholdKey = 'K';

// G = Gọi, L = gọi Lại, B = Bắt đầu, H = Hoàn thành, V = Vắng mặt, T = Tạm giữ, C = Chuyển, N = Nghỉ, D = Đóng, S = cấp Số,
// M = nhận quầy (Mở), K = Khôi phục (gọi lại vào số tạm giữ đầu tiên).
export const actions: ActionDef[] = [
  { id: 'call-next', label: 'desk.callNext', key: 'G', variant: 'qms-btn--primary desk__btn--main' },
  { id: 'recall', label: 'desk.recall', key: 'L' },
  { id: 'start', label: 'desk.start', key: 'B' },
  { id: 'finish', label: 'desk.finish', key: 'H', variant: 'desk__btn--ok' },
  { id: 'no-show', label: 'desk.noShow', key: 'V', variant: 'qms-btn--danger' },
  { id: 'hold', label: 'desk.hold', key: 'T' },
  { id: 'transfer', label: 'desk.transfer', key: 'C' },
  { id: 'pause', label: 'desk.pause', key: 'N' },
  { id: 'resume', label: 'desk.resume', key: 'N' },
  { id: 'close', label: 'desk.close', key: 'D' },
  { id: 'issue', label: 'desk.issue', key: 'S' },
  { id: 'sign-in', label: 'desk.takeCounter', key: 'M' },
  { id: 'unhold', label: 'desk.unhold', key: unholdKey, inQueue: true },
];

/** Whether the action makes sense now; the server checks again, this only greys out the buttons. */
export function allowed(id: ActionId, counter: CounterDto, mine: boolean): boolean {
  const status = counter.currentTicket?.status;
  if (id === 'issue') return true;
  if (id === 'sign-in') return !mine || counter.status === 'closed';
  if (!mine) return false;
  switch (id) {
    case 'call-next':
      return counter.status === 'open';
    case 'recall':
    case 'start':
      return status === 'called';
    case 'no-show':
      return status === 'called';
    case 'finish':
    case 'hold':
    case 'transfer':
      return status === 'called' || status === 'serving';
    case 'pause':
      return counter.status === 'open' && !counter.currentTicket;
    case 'resume':
      return counter.status === 'paused';
    case 'close':
      return counter.status !== 'closed' && !counter.currentTicket;
    case 'unhold':
      return !counter.currentTicket;
  }
}
