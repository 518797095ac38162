import { printQueueQueries } from '../store/print-queue';
import type { FloorContext, Tx } from './context';
import type { PrintRequest } from './issue';
import { ticketDto } from './views';

export interface PrintResult {
  printed: boolean;
  printerId: string | null;
  reason: string | null;
}

/** The printer asked for when the ticket was issued (from its `ticket.issued` row), or null when it was not to be printed. */
export function printRequestOf(ctx: FloorContext, ticketId: string): PrintRequest | null {
  const print = ctx.q.events.printAsked(ticketId);
  return print === null ? null : (JSON.parse(print) as PrintRequest);
}

function storeOutcome(ctx: FloorContext, tx: Tx, ticketId: string, outcome: PrintResult) {
  const t = ctx.q.tickets.get(ticketId);
  if (!t) return;
  const updated = { ...t, printed: outcome.printed };
  ctx.q.tickets.setPrinted(ticketId, outcome.printed);
  tx.log({
    type: outcome.printed ? 'ticket.printed' : 'ticket.print_failed',
    ticketId,
    counterId: null,
    staffId: null,
    payload: { printerId: outcome.printerId, ...(outcome.reason ? { reason: outcome.reason } : {}) },
  });
  tx.emit({ type: 'ticket.updated', ticket: ticketDto(updated, ctx.timeZone), change: 'printed' });
}

/**
 * Stores what the printer did with a ticket (`printed` 1/0), with its event row, and tells the kiosk and staff; in the
 * group commit of its turn (`grouped`). A group of print outcomes alone has no fsync of its own (the next command's fsync
 * takes it to the disk): a power cut that loses it leaves the ticket without an outcome, which the next start marks
 * `interrupted` for staff to reprint (docs/operations.md).
 */
export function recordPrint(ctx: FloorContext, ticketId: string, outcome: PrintResult): Promise<void> {
  return ctx.grouped(() => ctx.run((tx) => storeOutcome(ctx, tx, ticketId, outcome), { label: 'print' }), { durable: false });
}

/**
 * At start: today's tickets that were on their way to a printer when the process died never got an outcome. They are
 * marked not printed (reason `interrupted`), so staff see them in the unprinted list and a waiting kiosk stops waiting.
 */
export function markInterruptedPrints(ctx: FloorContext): string[] {
  const queue = printQueueQueries(ctx.db);
  return ctx.run(
    (tx) => {
      const ids = queue.awaitingOutcome(tx.day);
      for (const id of ids) storeOutcome(ctx, tx, id, { printed: false, printerId: printRequestOf(ctx, id)?.printerId ?? null, reason: 'interrupted' });
      return ids;
    },
    { label: 'print-interrupted' },
  );
}
