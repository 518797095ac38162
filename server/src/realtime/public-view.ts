import type { CallDto, CounterDto, FloorEvent, PublicCallDto, PublicCounterDto, PublicFloorEvent, PublicSnapshot, PublicTicketDto, Snapshot, TicketDto } from '@qms/protocol';

// What a public screen or device may see of the floor: no dossier codes, no waiting list (see protocol/src/public.ts).
export const publicTicket = (t: TicketDto): PublicTicketDto => ({ ...t, dossierCode: null });
export const publicCounter = (c: CounterDto): PublicCounterDto => ({ ...c, currentTicket: c.currentTicket && publicTicket(c.currentTicket) });
const publicCall = (c: CallDto): PublicCallDto => ({ ...c, ticket: publicTicket(c.ticket) });

export function publicSnapshot(s: Snapshot): PublicSnapshot {
  const { waiting: _staffOnly, ...rest } = s;
  return { ...rest, counters: s.counters.map(publicCounter), recentCalls: s.recentCalls.map(publicCall) };
}

export function publicEvent(e: FloorEvent): PublicFloorEvent {
  switch (e.type) {
    case 'ticket.issued':
    case 'ticket.updated':
      return { ...e, ticket: publicTicket(e.ticket) };
    case 'ticket.called':
      return { ...e, call: publicCall(e.call) };
    case 'counter.updated':
      return { ...e, counter: publicCounter(e.counter) };
    default:
      return e;
  }
}
