import { z } from 'zod';
import type { MiddlewareHandler } from 'hono';
import { TicketDto } from '@qms/protocol';
import type { Floor } from '../floor';
import { ticketDto } from '../floor/views';
import { serviceDayOf } from '../queue';
import type { Db } from '../store/open';
import { allow } from '../http/auth';
import type { AppEnv } from '../http/env';
import { ApiFailure } from '../http/errors';
import { errorResponses, type Router } from '../http/router';
import type { TicketPrinting } from './printer';
import { printerQueries } from './printer-queries';

/** Response header of `POST /api/tickets` with the ticket's public link (the QR), so a kiosk opened as localhost still shows the LAN address. */
export const ticketUrlHeader = 'X-Qms-Ticket-Url';

/** Response header of `POST /api/tickets` naming the printer the ticket goes to (`none` when none): the kiosk then knows to wait for its paper. */
export const printerHeader = 'X-Qms-Printer';

export const ReprintReply = z.object({
  printed: z.boolean(),
  printerId: z.string().nullable(),
  /** Why it was not printed: `paper_out`, `cover_open`, `offline`, `no_answer`, `link_down`. */
  reason: z.string().nullable(),
});

/**
 * On `POST /api/tickets` (around its idempotency, so a replayed answer has them too): which printer the ticket went to
 * (`none` when none, so the kiosk knows whether to wait for paper) and its public link. The printing itself listens to
 * the floor bus (`createTicketPrinting`); the reply does not wait for the paper, the outcome follows as `ticket.updated`.
 */
export function printHeaders({ printing, floor }: { printing: TicketPrinting | undefined; floor: Floor }, { status = 201, ticketOf = (reply: unknown) => reply }: { status?: number; ticketOf?: (reply: unknown) => unknown } = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (!printing || c.res.status !== status) return;
    // The reply's text as `answerOnce` kept it: cloning the response would cost more than the rest of the request's
    // HTTP handling (it gives up @hono/node-server's fast path for a string body). Its id is all that is read: the reply
    // is the server's own, checked by its route.
    const text = c.get('replyBody');
    const reply: unknown = text !== undefined ? JSON.parse(text) : await c.res.clone().json().catch(() => null);
    const id = (ticketOf(reply) as { id?: unknown } | null | undefined)?.id;
    if (typeof id !== 'string') return;
    c.res.headers.set(printerHeader, floor.printRequestOf(id)?.printerId ?? 'none');
    c.res.headers.set(ticketUrlHeader, printing.ticketUrl(id));
  };
}

/** Staff's list of unprinted tickets and the reprint. Registered before the ticket routes (`/unprinted` is not an id). */
export function printerRoutes(r: Router, { printing, db, floor, now }: { printing: TicketPrinting; db: Db; floor: Floor; now: () => number }) {
  const q = printerQueries(db);
  // A booking's check-in at the kiosk prints its ticket like an issue: the kiosk learns the printer and the link the same way.
  r.app.post('/api/appointments/:code/check-in', printHeaders({ printing, floor }, { status: 200, ticketOf: (reply) => (reply as { ticket?: unknown } | null)?.ticket }));
  r.doc({
    method: 'get',
    path: '/api/tickets/unprinted',
    summary: "Today's tickets whose paper did not come out (printer fault), oldest first, to reprint or to call by number",
    access: 'staff, manager, admin',
    responses: { 200: { description: 'Tickets marked printed: false', schema: z.array(TicketDto) }, ...errorResponses(401, 403) },
  });
  r.app.get('/api/tickets/unprinted', allow('staff', 'manager', 'admin'), (c) => {
    const tickets = q.unprintedIds(serviceDayOf(now(), floor.timeZone)).flatMap((id) => {
      const t = floor.queries.tickets.get(id);
      return t ? [ticketDto(t, floor.timeZone)] : [];
    });
    return c.json(tickets);
  });

  r.doc({
    method: 'post',
    path: '/api/tickets/:id/print',
    summary: 'Print a ticket again (after the printer was refilled, or for a citizen who lost the slip); waits for the outcome',
    access: 'staff, admin',
    responses: { 200: { description: 'What happened; `printed: false` with a reason when the printer could not print', schema: ReprintReply }, ...errorResponses(401, 403, 404, 409) },
  });
  r.app.post('/api/tickets/:id/print', allow('staff', 'admin'), async (c) => {
    const p = c.get('principal');
    const id = c.req.param('id');
    const counterId = p?.kind === 'user' ? p.user.counterId : null;
    if (!printing.printerFor({ counterId })) throw new ApiFailure('no_printer');
    const outcome = await printing.reprint(id, { counterId });
    if (outcome.reason === 'unknown_ticket') throw new ApiFailure('unknown_ticket', { ticket: id });
    return c.json(outcome);
  });
}
