import type { CallDto, CounterDto, FloorEvent, Snapshot, TicketDto } from '@qms/protocol';

/** How many calls `recentCalls` keeps. */
export const RECENT_CALLS_MAX = 20;

/**
 * Applies one floor event to a snapshot and returns the new snapshot (never mutates its input).
 *
 * Events with `seq <= snapshot.seq` are already part of the snapshot and are ignored (the same
 * object is returned, so React skips the re-render). The server sends a fresh snapshot on every
 * (re)connect, so whatever this cannot know exactly is corrected there.
 */
export function applyFloorEvent(snapshot: Snapshot, event: FloorEvent): Snapshot {
  if (event.seq <= snapshot.seq) return snapshot;
  const next: Snapshot = { ...snapshot, seq: event.seq };
  switch (event.type) {
    case 'counter.updated':
      next.counters = replaceCounter(snapshot.counters, event.counter);
      break;
    case 'services.updated':
      next.services = event.partial ? mergeServices(snapshot.services, event.services) : event.services;
      break;
    case 'ticket.called':
      applyCall(next, event.call);
      break;
    case 'ticket.issued': {
      const { ticket, waitingInService } = event;
      next.services = snapshot.services.map((s) =>
        s.id === ticket.serviceId
          ? { ...s, waiting: Number.isFinite(waitingInService) ? waitingInService : s.waiting + 1 }
          : s,
      );
      if (snapshot.waiting && ticket.status === 'waiting' && !snapshot.waiting.some((w) => w.id === ticket.id)) {
        next.waiting = [...snapshot.waiting, ticket];
      }
      break;
    }
    case 'ticket.updated':
      applyTicketUpdate(next, event.ticket);
      break;
    case 'device.status':
    case 'rating.received':
    case 'rating.skipped':
    case 'staff.photo_changed':
      // Not part of the snapshot; screens that care listen with `useFloorEvent`.
      break;
    case 'display.settings':
      next.display = event.settings;
      break;
  }
  return next;
}

/** A partial `services.updated`: each service it carries replaces the one with its id; the others stay as they are. */
function mergeServices(services: Snapshot['services'], changed: Snapshot['services']): Snapshot['services'] {
  const byId = new Map(changed.map((s) => [s.id, s]));
  return services.map((s) => byId.get(s.id) ?? s);
}

function replaceCounter(counters: CounterDto[], counter: CounterDto): CounterDto[] {
  let found = false;
  const out = counters.map((c) => {
    if (c.id !== counter.id) return c;
    found = true;
    return counter;
  });
  // A counter this screen did not know yet (added by the admin) is shown too, in number order.
  return found ? out : [...out, counter].sort((a, b) => a.number - b.number);
}

function applyCall(next: Snapshot, call: CallDto): void {
  // A recall moves the ticket back to the top instead of listing the same number twice.
  const others = next.recentCalls.filter((c) => c.ticket.id !== call.ticket.id);
  next.recentCalls = [call, ...others].slice(0, RECENT_CALLS_MAX);
  next.counters = next.counters.map((c) => (c.id === call.counterId ? { ...c, currentTicket: call.ticket } : c));
  if (next.waiting) next.waiting = next.waiting.filter((w) => w.id !== call.ticket.id);
  // The first call takes a ticket out of the queue of its service; a recall does not.
  if (!call.recall) {
    next.services = next.services.map((s) =>
      s.id === call.ticket.serviceId ? { ...s, waiting: Math.max(0, s.waiting - 1) } : s,
    );
  }
}

function applyTicketUpdate(next: Snapshot, ticket: TicketDto): void {
  next.counters = next.counters.map((c) =>
    c.currentTicket?.id === ticket.id ? { ...c, currentTicket: ticket } : c,
  );
  if (next.waiting) {
    const rest = next.waiting.filter((w) => w.id !== ticket.id);
    next.waiting = ticket.status === 'waiting' ? [...rest, ticket] : rest;
  }
}

/** State kept by `useFloor`; a pure reducer so the whole socket flow can be tested without a socket. */
export interface FloorState {
  snapshot: Snapshot | null;
  connected: boolean;
  /** Why the server refused the connection, when it did. */
  error: string | null;
  /** Events that arrived before the first snapshot, applied when it comes. */
  pending: FloorEvent[];
}

export type FloorAction =
  | { kind: 'connected' }
  | { kind: 'disconnected' }
  | { kind: 'refused'; message: string }
  | { kind: 'snapshot'; snapshot: Snapshot }
  | { kind: 'event'; event: FloorEvent };

export const initialFloorState: FloorState = { snapshot: null, connected: false, error: null, pending: [] };

const PENDING_MAX = 200;

export function floorReducer(state: FloorState, action: FloorAction): FloorState {
  switch (action.kind) {
    case 'connected':
      return { ...state, connected: true, error: null };
    case 'disconnected':
      return state.connected ? { ...state, connected: false } : state;
    case 'refused':
      return { ...state, connected: false, error: action.message };
    case 'snapshot': {
      let snapshot = action.snapshot;
      for (const e of state.pending) snapshot = applyFloorEvent(snapshot, e);
      return { ...state, snapshot, pending: [], connected: true, error: null };
    }
    case 'event': {
      if (!state.snapshot) return { ...state, pending: [...state.pending, action.event].slice(-PENDING_MAX) };
      const snapshot = applyFloorEvent(state.snapshot, action.event);
      return snapshot === state.snapshot ? state : { ...state, snapshot };
    }
  }
}
