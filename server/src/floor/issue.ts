import type { Channel, IssuedTicketDto } from '@qms/protocol';
import { QueueError, applyAction, estimateWaitSeconds, formatTicketNumber, issuedTicket, nextSeq, waitingAhead } from '../queue';
import type { FloorContext, ReplyRecord, Tx } from './context';
import { ticketDto } from './views';

export interface IssueRequest {
  serviceId: string;
  priority?: string | null | undefined;
  channel: Channel;
  /** The officer issuing it from the desk, if any. */
  staffId: number | null;
  /** The printer asked to print it, and for whom: kept in the `ticket.issued` event row, which the printer listens to. */
  print?: PrintRequest | null;
  /** A booking's check-in: the slot start, when the ticket is due ahead of walk-ins. */
  appointmentAt?: number | null;
}

export interface PrintRequest {
  printerId: string;
  kioskId: string | null;
  counterId: number | null;
}

export function issueTicket(ctx: FloorContext, req: IssueRequest, once?: ReplyRecord<IssuedTicketDto> | null): IssuedTicketDto {
  return ctx.run((tx) => issueInTx(ctx, tx, req), { label: 'issue', once });
}

/** Issues a ticket inside an open transaction (a kiosk tap, or a booking's check-in). */
export function issueInTx(ctx: FloorContext, tx: Tx, req: IssueRequest): IssuedTicketDto {
  {
    const service = ctx.service(req.serviceId);
    const priority = req.priority ?? null;
    if (priority !== null && !ctx.rules.priorityCategories.includes(priority)) {
      const groups = ctx.config.priorityCategories;
      throw new QueueError('unknown_priority', { priority, allowed: groups.map((p) => p.name).join(', '), allowedEn: groups.map((p) => p.nameEn ?? p.name).join(', ') });
    }
    const block = ctx.calendar.block({
      service,
      now: tx.now,
      timeZone: ctx.timeZone,
      issuedToday: ctx.q.tickets.issuedCount(tx.day, service.id),
      // A booking checked in on time was checked against the hours and capacity when it was made (and its window
      // opens before the slot): only an admin's stop for today holds it back, which `demo` leaves in place.
      demo: ctx.config.demo || req.appointmentAt != null,
    }, tx.day);
    if (block) throw block;

    const seq = nextSeq(service, ctx.q.tickets.lastSeq(tx.day, service.id));
    ctx.q.tickets.saveSeq(tx.day, service.id, seq);
    const ticket = issuedTicket({
      id: ctx.deps.newId(),
      serviceDay: tx.day,
      serviceId: service.id,
      seq,
      number: formatTicketNumber(service, seq),
      priority,
      channel: req.channel,
      queuedAt: tx.now,
      appointmentAt: req.appointmentAt ?? null,
    });
    ctx.q.tickets.insert(ticket);
    tx.log({ type: 'ticket.issued', ticketId: ticket.id, counterId: null, staffId: req.staffId, payload: { serviceId: service.id, number: ticket.number, priority, channel: req.channel, ...(req.print ? { print: req.print } : {}) } });

    // Everyone already waiting in the service is ahead of a new normal ticket (transfers keep their older place);
    // a new priority ticket is behind the priority tickets only.
    const counts = ctx.q.tickets.waitingCounts(tx.day).get(service.id) ?? { total: 1, priority: 0 };
    // A booking's ticket waits only behind priority tickets and earlier slots.
    const ahead = ticket.appointmentAt != null ? waitingAhead(ticket, ctx.q.tickets.waitingIn(tx.day, service.id)) : priority === null ? counts.total - 1 : counts.priority - 1;
    const counters = ctx.q.counters.all();
    const openCounters = counters.filter((c) => c.status === 'open' && (c.serviceIds.includes(service.id) || (priority !== null && c.priority))).length;
    const estimatedWaitSeconds = estimateWaitSeconds({
      ahead,
      recentServiceSeconds: ctx.q.tickets.recentServiceSeconds(tx.day, service.id),
      defaultServiceSeconds: service.defaultServiceSeconds,
      openCounters,
    });
    const dto = ticketDto(ticket, ctx.timeZone);
    tx.emit({ type: 'ticket.issued', ticket: dto, waitingInService: counts.total });
    ctx.servicesChanged(tx, [service.id], counters);
    return { ...dto, waitingAhead: ahead, estimatedWaitSeconds };
  }
}

export function cancelTicket(ctx: FloorContext, ticketId: string, staffId: number | null) {
  return ctx.run((tx) => {
    const t = ctx.q.tickets.get(ticketId);
    if (!t) throw new QueueError('unknown_ticket', { ticket: ticketId });
    const cancelled = applyAction(t, { kind: 'cancel' }, tx.now);
    ctx.q.tickets.update(cancelled);
    tx.log({ type: 'ticket.cancelled', ticketId: t.id, counterId: t.counterId, staffId, payload: { from: t.status } });
    const dto = ticketDto(cancelled, ctx.timeZone);
    tx.emit({ type: 'ticket.updated', ticket: dto, change: 'cancelled' });
    ctx.servicesChanged(tx, [t.serviceId]);
    return dto;
  }, { label: 'cancel' });
}
