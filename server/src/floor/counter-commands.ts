import { startOfLocalDay, type TicketDto } from '@qms/protocol';
import { QueueError, activeAtCounter, applyAction, chooseNext, type Ticket, type TicketAction } from '../queue';
import type { CounterState } from '../store/counters';
import type { FloorContext, ReplyRecord, Tx } from './context';
import { callDto, ticketDto } from './views';

/** Who presses the button: the officer signed in at the counter, or an admin helping out. */
export interface Actor {
  userId: number;
  role: 'staff' | 'manager' | 'admin';
}

type TicketCommand =
  | { action: 'recall' | 'start' | 'no-show' | 'hold' }
  | { action: 'finish'; dossierCode?: string | undefined; procedure?: string | undefined }
  | { action: 'transfer'; serviceId?: string | undefined; counterId?: number | undefined };

export interface CallNextOptions {
  ticketId?: string | undefined;
  currentTicketId?: string | null | undefined;
}

export type CounterCommand = TicketCommand | { action: 'pause' | 'resume' | 'close' } | { action: 'unhold'; ticketId: string };

export function signIn(ctx: FloorContext, counterId: number, actor: Actor) {
  return ctx.run((tx) => {
    const c = ctx.counter(counterId);
    const allowed = ctx.q.users.byId(actor.userId)?.counterIds;
    if (allowed && !allowed.includes(c.id) && actor.role !== 'admin') throw new QueueError('not_allowed_at_counter', { counter: c.number });
    if (c.staffId !== null && c.staffId !== actor.userId && c.status !== 'closed' && actor.role !== 'admin') {
      const other = ctx.q.users.byId(c.staffId);
      throw new QueueError('counter_taken', { counter: c.number, name: other?.name ?? '' });
    }
    for (const other of ctx.q.counters.all()) {
      if (other.id !== c.id && other.staffId === actor.userId) closeCounter(ctx, tx, other, actor);
    }
    const next: CounterState = { ...c, staffId: actor.userId, status: c.status === 'paused' && c.staffId === actor.userId ? 'paused' : 'open' };
    ctx.q.counters.save(next);
    tx.log({ type: 'counter.signed_in', ticketId: null, counterId: c.id, staffId: actor.userId, payload: {} });
    return emitCounter(ctx, tx, next);
  }, { label: 'sign-in' });
}

/** Calls the next ticket (or `ticketId`, picked out of order); null when nobody waits. The ticket in progress is finished first. */
export function callNext(ctx: FloorContext, counterId: number, actor: Actor, pick?: CallNextOptions, once?: ReplyRecord<TicketDto | null> | null): TicketDto | null {
  return ctx.run((tx) => {
    let c = operable(ctx, counterId, actor);
    if (c.status !== 'open') throw new QueueError(c.status === 'paused' ? 'counter_paused' : 'counter_closed', { counter: c.number });
    const current = currentTicket(ctx, c);
    // A second click sent before the screen caught up with the first must not finish the ticket just called.
    if (pick?.currentTicketId !== undefined && pick.currentTicketId !== (current?.id ?? null)) {
      throw new QueueError('stale_view', { counter: c.number, number: current?.number ?? '—' });
    }
    if (current) {
      change(ctx, tx, c, current, { kind: 'finish', dossierCode: null }, { auto: true });
      c = { ...c, currentTicketId: null };
    }
    let ticket: Ticket | null;
    let reason: string;
    let streak = c.priorityStreak;
    if (pick?.ticketId) {
      const picked = ctx.q.tickets.get(pick.ticketId);
      ticket = picked?.status === 'waiting' && picked.serviceDay === tx.day ? picked : null;
      if (!ticket) throw new QueueError('ticket_not_waiting', { ticket: pick.ticketId });
      reason = 'picked';
    } else {
      // Only the tickets this counter may call next are read, not the whole hall's queue.
      const waiting = ctx.q.tickets.callCandidates(tx.day, c);
      const bookedStreak = ctx.q.appointments.bookedStreak(c.id, startOfLocalDay(tx.day, ctx.timeZone), ctx.rules.bookedCallsInARow ?? 0);
      const choice = chooseNext({ counter: c, priorityStreak: c.priorityStreak, bookedStreak, waiting, now: tx.now, rules: ctx.rules });
      ticket = choice?.ticket ?? null;
      reason = choice?.reason ?? 'none';
      streak = choice?.priorityStreak ?? streak;
    }
    if (!ticket) {
      if (current) emitCounter(ctx, tx, c);
      return null;
    }
    const called = change(ctx, tx, { ...c, priorityStreak: streak }, ticket, { kind: 'call', counterId: c.id, staffId: c.staffId }, { reason });
    ctx.servicesChanged(tx, [ticket.serviceId, current?.serviceId]); // a finished ticket's field has a new estimate
    return called;
  }, { label: 'call-next', once });
}

/** The other desk actions; returns the ticket they acted on, or null for counter-only actions. */
export function counterCommand(ctx: FloorContext, counterId: number, actor: Actor, cmd: CounterCommand, once?: ReplyRecord<TicketDto | null> | null): TicketDto | null {
  return ctx.run((tx) => {
    const c = operable(ctx, counterId, actor);
    switch (cmd.action) {
      case 'pause':
      case 'resume':
      case 'close':
        return counterStatus(ctx, tx, c, cmd.action, actor);
      case 'unhold': {
        if (currentTicket(ctx, c)) throw new QueueError('counter_busy', { counter: c.number });
        const held = ctx.q.tickets.get(cmd.ticketId);
        if (!held || held.status !== 'on_hold' || held.counterId !== c.id) throw new QueueError('ticket_not_held_here', { ticket: cmd.ticketId, counter: c.number });
        return change(ctx, tx, c, held, { kind: 'unhold', counterId: c.id, staffId: c.staffId });
      }
      default: {
        const t = currentTicket(ctx, c);
        if (!t) throw new QueueError('no_current_ticket', { counter: c.number });
        return change(ctx, tx, c, t, ticketAction(ctx, c, t, cmd), cmd.action === 'finish' && cmd.procedure ? { procedure: cmd.procedure } : {});
      }
    }
  }, { label: cmd.action, once });
}

function ticketAction(ctx: FloorContext, c: CounterState, t: Ticket, cmd: TicketCommand): TicketAction {
  switch (cmd.action) {
    case 'recall':
      return { kind: 'recall' };
    case 'start':
      return { kind: 'start' };
    case 'no-show':
      return { kind: 'no_show' };
    case 'hold':
      return { kind: 'hold' };
    case 'finish':
      return { kind: 'finish', dossierCode: cmd.dossierCode ?? null };
    case 'transfer': {
      const target = cmd.counterId === undefined ? null : ctx.counter(cmd.counterId);
      if (target?.id === c.id) throw new QueueError('transfer_to_self', { counter: c.number });
      if (target?.status === 'closed') throw new QueueError('transfer_to_closed', { counter: target.number });
      // Sent to a counter by name, the ticket keeps its field: that counter takes it whatever fields it lists.
      const serviceId = cmd.serviceId ?? t.serviceId;
      ctx.service(serviceId);
      if (!target && serviceId === t.serviceId) throw new QueueError('transfer_nowhere', { number: t.number });
      return { kind: 'transfer', serviceId, targetCounterId: target?.id ?? null };
    }
  }
}

const eventTypes: Record<TicketAction['kind'], string> = {
  call: 'ticket.called',
  recall: 'ticket.recalled',
  start: 'ticket.started',
  finish: 'ticket.finished',
  no_show: 'ticket.no_show',
  hold: 'ticket.on_hold',
  unhold: 'ticket.unheld',
  transfer: 'ticket.transferred',
  cancel: 'ticket.cancelled',
  release: 'ticket.released',
};

const changeNames = {
  start: 'started',
  finish: 'finished',
  no_show: 'no_show',
  hold: 'on_hold',
  unhold: 'unheld',
  transfer: 'transferred',
  cancel: 'cancelled',
  release: 'released',
} as const;

/** Applies a ticket action at a counter: ticket row, counter row, event log, realtime events. */
function change(ctx: FloorContext, tx: Tx, c: CounterState, t: Ticket, action: TicketAction, extra: Record<string, unknown> = {}): TicketDto {
  const next = applyAction(t, action, tx.now);
  ctx.q.tickets.update(next);
  const occupies = activeAtCounter.includes(next.status);
  const counter: CounterState = { ...c, currentTicketId: occupies ? next.id : c.currentTicketId === t.id ? null : c.currentTicketId };
  ctx.q.counters.save(counter);
  const payload: Record<string, unknown> = { ...extra, from: t.status };
  if (action.kind === 'finish' && action.dossierCode) payload.dossierCode = action.dossierCode;
  if (action.kind === 'transfer') Object.assign(payload, { fromServiceId: t.serviceId, toServiceId: next.serviceId, fromCounterId: c.id, toCounterId: action.targetCounterId });
  tx.log({ type: eventTypes[action.kind], ticketId: t.id, counterId: c.id, staffId: c.staffId, payload });
  const dto = ticketDto(next, ctx.timeZone);
  if (action.kind === 'recall' || action.kind === 'call') {
    tx.emit({ type: 'ticket.called', call: callDto(next, counter, action.kind === 'recall', tx.now, ctx.timeZone) });
  } else {
    tx.emit({ type: 'ticket.updated', ticket: dto, change: changeNames[action.kind] });
  }
  // The citizen back with the missing paper is waiting in the hall: the displays call them to the counter again.
  if (action.kind === 'unhold') tx.emit({ type: 'ticket.called', call: callDto(next, counter, true, tx.now, ctx.timeZone) });
  emitCounter(ctx, tx, counter);
  if (action.kind === 'transfer') ctx.servicesChanged(tx, [t.serviceId, next.serviceId]);
  return dto;
}

function counterStatus(ctx: FloorContext, tx: Tx, c: CounterState, action: 'pause' | 'resume' | 'close', actor: Actor): null {
  if (action === 'close') {
    closeCounter(ctx, tx, c, actor);
    return null;
  }
  const from = action === 'pause' ? 'open' : 'paused';
  if (c.status !== from) throw new QueueError(`counter_not_${from}`, { counter: c.number });
  if (action === 'pause' && currentTicket(ctx, c)) throw new QueueError('counter_busy', { counter: c.number });
  const next: CounterState = { ...c, status: action === 'pause' ? 'paused' : 'open' };
  ctx.q.counters.save(next);
  tx.log({ type: action === 'pause' ? 'counter.paused' : 'counter.resumed', ticketId: null, counterId: c.id, staffId: actor.userId, payload: {} });
  emitCounter(ctx, tx, next);
  ctx.servicesChanged(tx, c.serviceIds); // the fields whose open counters changed
  return null;
}

function closeCounter(ctx: FloorContext, tx: Tx, c: CounterState, actor: Actor) {
  if (currentTicket(ctx, c)) throw new QueueError('counter_busy', { counter: c.number });
  const next: CounterState = { ...c, status: 'closed', staffId: null, priorityStreak: 0 };
  ctx.q.counters.save(next);
  // Tickets sent to this counter by name or put on hold here would otherwise wait for it all day.
  const stranded = [...ctx.q.tickets.waiting(tx.day).filter((t) => t.targetCounterId === c.id), ...ctx.q.tickets.heldAt(tx.day, c.id)];
  for (const t of stranded) release(ctx, tx, c.id, t);
  tx.log({ type: 'counter.closed', ticketId: null, counterId: c.id, staffId: actor.userId, payload: { staffId: c.staffId } });
  emitCounter(ctx, tx, next);
  ctx.servicesChanged(tx, [...c.serviceIds, ...stranded.map((t) => t.serviceId)]);
}

/** Back to its field's queue, in its old place; no counter holds it, so no counter row changes. */
function release(ctx: FloorContext, tx: Tx, counterId: number, t: Ticket) {
  const next = applyAction(t, { kind: 'release' }, tx.now);
  ctx.q.tickets.update(next);
  tx.log({ type: 'ticket.released', ticketId: t.id, counterId, staffId: null, payload: { reason: 'counter_closed', from: t.status } });
  tx.emit({ type: 'ticket.updated', ticket: ticketDto(next, ctx.timeZone), change: 'released' });
}

function operable(ctx: FloorContext, counterId: number, actor: Actor): CounterState {
  const c = ctx.counter(counterId);
  if (actor.role === 'admin') return c;
  if (c.staffId !== actor.userId) throw new QueueError('not_signed_in_here', { counter: c.number });
  return c;
}

function currentTicket(ctx: FloorContext, c: CounterState): Ticket | null {
  const t = c.currentTicketId ? ctx.q.tickets.get(c.currentTicketId) : null;
  return t && activeAtCounter.includes(t.status) ? t : null;
}

function emitCounter(ctx: FloorContext, tx: Tx, c: CounterState) {
  const view = ctx.counterView(c);
  tx.emit({ type: 'counter.updated', counter: view });
  return view;
}

