import type { Counter, QueueRules, Ticket } from './types';

export interface NextChoice {
  ticket: Ticket;
  /** The counter's count of priority calls in a row after this call. */
  priorityStreak: number;
  reason: 'transfer' | 'priority' | 'anti_starvation' | 'appointment' | 'normal';
}

export interface ChooseNextInput {
  counter: Counter;
  priorityStreak: number;
  /** The counter's latest calls that were bookings (channel `appointment`), in a row; absent: 0. */
  bookedStreak?: number;
  /** Waiting tickets of the service day; the function picks only those this counter may serve. */
  waiting: readonly Ticket[];
  now: number;
  rules: QueueRules;
}

/**
 * The ticket a counter calls next: transfers addressed to it, then priority tickets (a priority counter also takes
 * those of fields it does not serve, until they were first called), then checked-in bookings whose slot time has
 * come (earliest slot first), then the oldest walk-in among its services (in its service order when configured),
 * then bookings checked in early (rather than leave the counter idle). After `antiStarvationAfter` priority calls
 * in a row, a normal ticket waiting longer than `antiStarvationWaitSeconds` goes first; after `bookedCallsInARow`
 * booked calls in a row, a walk-in waiting longer than `walkInWaitSeconds` goes before the next booking.
 */
export function chooseNext({ counter, priorityStreak, bookedStreak = 0, waiting, now, rules }: ChooseNextInput): NextChoice | null {
  const mine = waiting.filter((t) => t.status === 'waiting' && (t.targetCounterId === null || t.targetCounterId === counter.id));

  const transfer = oldest(mine.filter((t) => t.targetCounterId === counter.id));
  if (transfer) return { ticket: transfer, priorityStreak, reason: 'transfer' };

  const serves = (t: Ticket) => counter.serviceIds.includes(t.serviceId);
  // The priority counter is where priority citizens start; once called and sent on to a field it does not serve,
  // the ticket is that field's counters' to call, not the priority counter's again.
  const priority = oldest(mine.filter((t) => t.priority !== null && (serves(t) || (counter.priority && t.firstCalledAt === null))));
  const normal = pickWithBookings(counter, mine.filter((t) => t.priority === null && serves(t)), bookedStreak, now, rules);

  if (priority) {
    const starving =
      rules.antiStarvationAfter > 0 &&
      priorityStreak >= rules.antiStarvationAfter &&
      normal !== null &&
      now - normal.ticket.queuedAt >= rules.antiStarvationWaitSeconds * 1000;
    if (starving) return { ticket: normal.ticket, priorityStreak: 0, reason: 'anti_starvation' };
    return { ticket: priority, priorityStreak: priorityStreak + 1, reason: 'priority' };
  }
  if (normal) return { ticket: normal.ticket, priorityStreak: 0, reason: normal.reason };
  return null;
}

const isBooking = (t: Ticket) => t.channel === 'appointment' && t.appointmentAt != null;

/** Among the counter's non-priority tickets: a due booking, unless walk-ins have waited through too many of them. */
function pickWithBookings(counter: Counter, candidates: Ticket[], bookedStreak: number, now: number, rules: QueueRules): { ticket: Ticket; reason: NextChoice['reason'] } | null {
  const bookings = candidates.filter(isBooking);
  const walkIn = pickNormal(counter, candidates.filter((t) => !isBooking(t)));
  const due = earliestSlot(bookings.filter((t) => (t.appointmentAt ?? 0) <= now));
  if (due) {
    const after = rules.bookedCallsInARow ?? 0;
    const starving = after > 0 && bookedStreak >= after && walkIn !== null && now - walkIn.queuedAt >= (rules.walkInWaitSeconds ?? 0) * 1000;
    if (starving) return { ticket: walkIn, reason: 'anti_starvation' };
    return { ticket: due, reason: 'appointment' };
  }
  if (walkIn) return { ticket: walkIn, reason: 'normal' };
  const early = earliestSlot(bookings);
  return early ? { ticket: early, reason: 'appointment' } : null;
}

function earliestSlot(tickets: Ticket[]): Ticket | null {
  let best: Ticket | null = null;
  for (const t of tickets) {
    if (!best || (t.appointmentAt ?? 0) < (best.appointmentAt ?? 0) || (t.appointmentAt === best.appointmentAt && isBefore(t, best))) best = t;
  }
  return best;
}

function pickNormal(counter: Counter, candidates: Ticket[]): Ticket | null {
  if (counter.serviceOrder === 'fifo') return oldest(candidates);
  for (const serviceId of counter.serviceIds) {
    const t = oldest(candidates.filter((c) => c.serviceId === serviceId));
    if (t) return t;
  }
  return null;
}

function oldest(tickets: Ticket[]): Ticket | null {
  let best: Ticket | null = null;
  for (const t of tickets) {
    if (!best || isBefore(t, best)) best = t;
  }
  return best;
}

/** Tickets that would be called before `ticket` by any counter serving its service. */
export function waitingAhead(ticket: Ticket, waiting: readonly Ticket[]): number {
  return waiting.filter(
    (t) =>
      t.id !== ticket.id &&
      t.status === 'waiting' &&
      t.serviceId === ticket.serviceId &&
      (ticket.priority !== null
        ? t.priority !== null && isBefore(t, ticket)
        : isBooking(ticket)
          ? t.priority !== null || (isBooking(t) && (t.appointmentAt ?? 0) <= (ticket.appointmentAt ?? 0) && (t.appointmentAt !== ticket.appointmentAt || isBefore(t, ticket)))
          : t.priority !== null || isBefore(t, ticket)),
  ).length;
}

function isBefore(a: Ticket, b: Ticket): boolean {
  return a.queuedAt < b.queuedAt || (a.queuedAt === b.queuedAt && a.seq < b.seq);
}
