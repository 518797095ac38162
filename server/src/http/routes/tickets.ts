import { z } from 'zod';
import type { Channel } from '@qms/protocol';
import { IssueTicketBody, IssuedTicketDto, TicketDto, TicketWithEventsDto, toLocalIso, type PublicTicketStatusDto } from '@qms/protocol';
import { waitingAhead } from '../../queue';
import { ticketDto } from '../../floor/views';
import { allow } from '../auth';
import { ApiFailure } from '../errors';
import { answerOnce, idempotent, jsonReply } from '../idempotency';
import { printHeaders } from '../../devices/printer-routes';
import { errorResponses, validJson, type Router } from '../router';
import type { RouteDeps } from './deps';

export function ticketRoutes(r: Router, { floor, db, now, printing }: RouteDeps) {
  r.doc({
    method: 'post',
    path: '/api/tickets',
    summary: 'Issue a ticket (take a number). A kiosk always issues on channel "kiosk"; staff default to "desk". Honours an Idempotency-Key header.',
    access: 'kiosk device, staff, admin',
    body: IssueTicketBody,
    responses: { 201: { description: 'Issued', schema: IssuedTicketDto }, ...errorResponses(400, 401, 403, 404, 409) },
  });
  r.app.post('/api/tickets', allow('kiosk', 'staff', 'admin'), printHeaders({ printing, floor }), idempotent(db, now), validJson(IssueTicketBody), (c) => {
    const body = c.req.valid('json');
    const p = c.get('principal')!;
    const channel: Channel = p.kind === 'device' ? 'kiosk' : (body.channel ?? (p.user.role === 'staff' ? 'desk' : 'api'));
    // Every kiosk ticket is printed; a desk ticket when the body says `print: true`. The printer listens for the issue.
    const kioskId = p.kind === 'device' ? p.device.id : null;
    const counterId = p.kind === 'user' ? p.user.counterId : null;
    const printerId = printing && (channel === 'kiosk' || body.print === true) ? printing.printerFor(kioskId !== null ? { kioskId } : { counterId }) : null;
    const req = { serviceId: body.serviceId, priority: body.priority, channel, staffId: p.kind === 'user' ? p.user.id : null, print: printerId ? { printerId, kioskId, counterId } : null };
    return answerOnce(c, floor, (once) => floor.issue(req, once), (ticket) => jsonReply(201, ticket));
  });

  r.doc({
    method: 'get',
    path: '/api/tickets/:id',
    summary: 'A ticket with its status, times and people ahead (the QR on the paper ticket); signed-in accounts also get its dossier code (null for anyone else) and event log',
    access: 'anyone (the id is unguessable)',
    responses: { 200: { description: 'The ticket', schema: TicketWithEventsDto }, ...errorResponses(404) },
  });
  r.app.get('/api/tickets/:id', (c) => {
    const t = floor.queries.tickets.get(c.req.param('id'));
    if (!t) throw new ApiFailure('unknown_ticket', { ticket: c.req.param('id') });
    const p = c.get('principal');
    const ahead = t.status === 'waiting' ? waitingAhead(t, floor.queries.tickets.waitingIn(t.serviceDay, t.serviceId)) : null;
    const service = floor.services.find((s) => s.id === t.serviceId) ?? floor.queries.setup.service(t.serviceId); // archived since
    const status = { ...ticketDto(t, floor.timeZone), serviceName: service?.name ?? t.serviceId, waitingAhead: ahead };
    // The dossier code and the event log are for signed-in accounts; the QR page and devices get the public view.
    if (p?.kind !== 'user') return c.json({ ...status, dossierCode: null } satisfies PublicTicketStatusDto);
    const events = floor.queries.events.ofTicket(t.id).map((e) => ({ ...e, at: toLocalIso(e.at, floor.timeZone) }));
    return c.json({ ...status, events });
  });

  r.doc({
    method: 'post',
    path: '/api/tickets/:id/cancel',
    summary: 'Cancel a waiting or held ticket (the citizen left)',
    access: 'staff, manager, admin',
    responses: { 200: { description: 'Cancelled', schema: z.object({ ticket: TicketDto }) }, ...errorResponses(401, 403, 404, 409) },
  });
  r.app.post('/api/tickets/:id/cancel', allow('staff', 'manager', 'admin'), (c) => {
    const p = c.get('principal');
    const ticket = floor.cancel(c.req.param('id'), p?.kind === 'user' ? p.user.id : null);
    return c.json({ ticket });
  });
}
