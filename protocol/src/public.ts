import { z } from 'zod';
import { CounterDto, TicketDto, TicketWithEventsDto } from './dto';
import type { CallDto, FloorEvent, Snapshot } from './realtime';

/**
 * What public screens (hall display, kiosk, rating tablet, a desk whose officer is not signed in there) and the
 * citizen's phone get: the dossier code is for staff only, so it is always null here, and there is no event log.
 * Each is assignable to its full type, so screens share one reducer.
 */
export const PublicTicketDto = TicketDto.extend({ dossierCode: z.null() });
export type PublicTicketDto = z.infer<typeof PublicTicketDto>;

export const PublicCounterDto = CounterDto.extend({ currentTicket: PublicTicketDto.nullable() });
export type PublicCounterDto = z.infer<typeof PublicCounterDto>;

/** `GET /api/tickets/:id` for anyone but a signed-in account (the QR page on the citizen's phone, devices). */
export const PublicTicketStatusDto = TicketWithEventsDto.omit({ events: true }).extend({ dossierCode: z.null() });
export type PublicTicketStatusDto = z.infer<typeof PublicTicketStatusDto>;

export type PublicCallDto = Omit<CallDto, 'ticket'> & { ticket: PublicTicketDto };
export type PublicSnapshot = Omit<Snapshot, 'counters' | 'recentCalls' | 'waiting'> & { counters: PublicCounterDto[]; recentCalls: PublicCallDto[] };
/** The floor events a public socket receives: the same union with public tickets and counters. */
export type PublicFloorEvent = FloorEvent &
  (
    | { type: 'ticket.issued' | 'ticket.updated'; ticket: PublicTicketDto }
    | { type: 'ticket.called'; call: PublicCallDto }
    | { type: 'counter.updated'; counter: PublicCounterDto }
    | { type: Exclude<FloorEvent['type'], 'ticket.issued' | 'ticket.updated' | 'ticket.called' | 'counter.updated'> }
  );
