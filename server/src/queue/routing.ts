import type { Counter, QueueRules, Ticket } from './types';

export interface NextChoice {
  ticket: Ticket;
  /** The counter's count of priority calls in a row after this call. */
  priorityStreak: number;
  reason: 'transfer' | 'priority' | 'anti_starvation' | 'normal';
}

export interface ChooseNextInput {
  counter: Counter;
  priorityStreak: number;
  /** Waiting tickets of the service day; the function picks only those this counter may serve. */
  waiting: readonly Ticket[];
  now: number;
  rules: QueueRules;
}

/**
 * The ticket a counter calls next: transfers addressed to it, then priority tickets (a priority counter also takes
 * those of fields it does not serve, until they were first called), then the oldest
 * normal ticket among its services (in its service order when configured). After `antiStarvationAfter`
 * priority calls in a row, a normal ticket waiting longer than `antiStarvationWaitSeconds` goes first.
 */
export function chooseNext({ counter, priorityStreak, waiting, now, rules }: ChooseNextInput): NextChoice | null {
  const mine = waiting.filter((t) => t.status === 'waiting' && (t.targetCounterId === null || t.targetCounterId === counter.id));

  const transfer = oldest(mine.filter((t) => t.targetCounterId === counter.id));
  if (transfer) return { ticket: transfer, priorityStreak, reason: 'transfer' };

  const serves = (t: Ticket) => counter.serviceIds.includes(t.serviceId);
  // The priority counter is where priority citizens start; once called and sent on to a field it does not serve,
  // the ticket is that field's counters' to call, not the priority counter's again.
  const priority = oldest(mine.filter((t) => t.priority !== null && (serves(t) || (counter.priority && t.firstCalledAt === null))));
  const normal = pickNormal(counter, mine.filter((t) => t.priority === null && serves(t)));

  if (priority) {
    const starving =
      rules.antiStarvationAfter > 0 &&
      priorityStreak >= rules.antiStarvationAfter &&
      normal !== null &&
      now - normal.queuedAt >= rules.antiStarvationWaitSeconds * 1000;
    if (starving) return { ticket: normal, priorityStreak: 0, reason: 'anti_starvation' };
    return { ticket: priority, priorityStreak: priorityStreak + 1, reason: 'priority' };
  }
  if (normal) return { ticket: normal, priorityStreak: 0, reason: 'normal' };
  return null;
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
      (ticket.priority === null ? t.priority !== null || isBefore(t, ticket) : t.priority !== null && isBefore(t, ticket)),
  ).length;
}

function isBefore(a: Ticket, b: Ticket): boolean {
  return a.queuedAt < b.queuedAt || (a.queuedAt === b.queuedAt && a.seq < b.seq);
}
