import type { CallDto, CounterDto } from '@qms/protocol';

/** How far back a display that was away (reconnect, reload) catches up on the calls it did not say. */
export const CATCH_UP_MS = 60_000;

/** A call's identity: its ticket and the moment of the call (a recall is another call). */
export const callKey = (call: { ticket: { id: string }; at: string }) => `${call.ticket.id}@${call.at}`;

export interface SnapshotCalls {
  recentCalls: CallDto[];
  counters: CounterDto[];
  /** The server's clock when the snapshot was made; the display's own clock when an older server does not send it. */
  serverTime?: string;
}

/**
 * The calls of a snapshot this display has not said and should: made in the last `CATCH_UP_MS` by the server's
 * clock, the newest at its counter, and still called or served there (a counter that has moved on no longer
 * wants that citizen). Oldest first, the order they were made.
 */
export function missedCalls(snapshot: SnapshotCalls, said: (key: string) => boolean, mine: (counterId: number) => boolean, displayNow = Date.now()): CallDto[] {
  const now = snapshot.serverTime ? Date.parse(snapshot.serverTime) : displayNow;
  const newestAt = new Set<number>();
  const missed: CallDto[] = [];
  // recentCalls is newest first.
  for (const call of snapshot.recentCalls) {
    if (newestAt.has(call.counterId)) continue;
    newestAt.add(call.counterId);
    if (!mine(call.counterId) || said(callKey(call)) || now - Date.parse(call.at) > CATCH_UP_MS) continue;
    const counter = snapshot.counters.find((c) => c.id === call.counterId);
    const live = counter?.status === 'open' && counter.currentTicket?.id === call.ticket.id && ['called', 'serving'].includes(counter.currentTicket.status);
    if (live) missed.push(call);
  }
  return missed.reverse();
}
