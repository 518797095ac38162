import type { TicketStatus } from '@qms/protocol';
import { QueueError, type Ticket } from './types';

export type TicketAction =
  | { kind: 'call'; counterId: number; staffId: number | null }
  | { kind: 'recall' }
  | { kind: 'start' }
  | { kind: 'finish'; dossierCode: string | null }
  | { kind: 'no_show' }
  | { kind: 'hold' }
  | { kind: 'unhold'; counterId: number; staffId: number | null }
  | { kind: 'transfer'; serviceId: string; targetCounterId: number | null }
  | { kind: 'cancel' }
  | { kind: 'release' };

const allowedFrom: Record<TicketAction['kind'], readonly TicketStatus[]> = {
  call: ['waiting'],
  recall: ['called'],
  start: ['called'],
  finish: ['called', 'serving'],
  no_show: ['called'],
  hold: ['called', 'serving'],
  unhold: ['on_hold'],
  transfer: ['called', 'serving', 'on_hold'],
  cancel: ['waiting', 'on_hold'],
  release: ['waiting', 'on_hold'],
};

/** A ticket as issued: waiting in its field, nothing called, started or finished yet (`fields` may say otherwise). */
export function issuedTicket(fields: Pick<Ticket, 'id' | 'serviceDay' | 'serviceId' | 'seq' | 'number' | 'priority' | 'channel' | 'queuedAt'> & Partial<Ticket>): Ticket {
  return {
    status: 'waiting',
    counterId: null,
    targetCounterId: null,
    issuedAt: fields.queuedAt,
    firstCalledAt: null,
    calledAt: null,
    startedAt: null,
    finishedAt: null,
    callCount: 0,
    dossierCode: null,
    staffId: null,
    printed: null,
    ...fields,
  };
}

/** The ticket after `action` at `now`; throws `invalid_transition` when the ticket's state does not allow it. */
export function applyAction(ticket: Ticket, action: TicketAction, now: number): Ticket {
  if (!allowedFrom[action.kind].includes(ticket.status)) {
    throw new QueueError('invalid_transition', { number: ticket.number, status: ticket.status, action: action.kind });
  }
  switch (action.kind) {
    case 'call':
      return {
        ...ticket,
        status: 'called',
        counterId: action.counterId,
        staffId: action.staffId,
        targetCounterId: null,
        calledAt: now,
        firstCalledAt: ticket.firstCalledAt ?? now,
        callCount: ticket.callCount + 1,
      };
    case 'recall':
      return { ...ticket, calledAt: now, callCount: ticket.callCount + 1 };
    case 'start':
      return { ...ticket, status: 'serving', startedAt: now };
    case 'finish':
      return { ...ticket, status: 'done', finishedAt: now, dossierCode: action.dossierCode ?? ticket.dossierCode };
    case 'no_show':
      return { ...ticket, status: 'no_show', finishedAt: now };
    case 'hold':
      return { ...ticket, status: 'on_hold' };
    case 'unhold':
      return { ...ticket, status: ticket.startedAt === null ? 'called' : 'serving', counterId: action.counterId, staffId: action.staffId };
    case 'transfer':
      // Service at the next counter has not started yet: clear startedAt, or a hold/unhold there
      // would jump straight to `serving`. The next `start` sets it again.
      return { ...ticket, status: 'waiting', serviceId: action.serviceId, targetCounterId: action.targetCounterId, counterId: null, startedAt: null };
    case 'cancel':
      return { ...ticket, status: 'cancelled', finishedAt: now };
    case 'release':
      // Its counter closed: back to the field's queue, in its old place.
      return { ...ticket, status: 'waiting', counterId: null, targetCounterId: null, startedAt: null };
  }
}

/** Statuses in which a ticket occupies its counter. */
export const activeAtCounter: readonly TicketStatus[] = ['called', 'serving'];
/** Statuses that end a ticket's day. */
export const finalStatuses: readonly TicketStatus[] = ['done', 'no_show', 'cancelled'];
