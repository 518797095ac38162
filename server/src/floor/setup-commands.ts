import type {
  AdminCounterDto,
  AdminServiceDto,
  CreateCounterBody,
  CreateServiceBody,
  SetupEntity,
  UpdateCounterBody,
  UpdateServiceBody,
} from '@qms/protocol';
import { numbersOverlap } from '@qms/protocol';
import { LED_MAX_ADDRESS, LED_MIN_ADDRESS } from '@qms/drivers';
import { defaultSatisfactionTarget } from '../config/schema';
import { ledBoardsOfFile, ledBusId } from '../devices/led-config';
import { QueueError } from '../queue';
import type { SetupCounter, SetupService } from '../store/setup';
import type { FloorContext, Tx } from './context';

export type SetupLog = (entity: SetupEntity, action: string, id: string, before: unknown, after: unknown) => void;

/**
 * Runs one setup change: one transaction with its `setup.<entity>.<action>` event rows (staffId = the admin), then
 * the floor's in-memory setup is read again and every screen hears of it. A refused change leaves nothing behind.
 */
export function setupChange<T>(ctx: FloorContext, actorId: number | null, target: { entity: SetupEntity; id: () => string }, fn: (tx: Tx, log: SetupLog) => T): T {
  try {
    return ctx.run((tx) => {
      const log: SetupLog = (entity, action, id, before, after) =>
        tx.log({ type: `setup.${entity}.${action}`, ticketId: null, counterId: null, staffId: actorId, payload: { entity, id, before, after } });
      const result = fn(tx, log);
      ctx.reloadSetup();
      tx.emit({ type: 'services.updated', services: ctx.servicesView(tx.now, tx.day) });
      for (const c of ctx.q.counters.all()) tx.emit({ type: 'counter.updated', counter: ctx.counterView(c) });
      tx.emit({ type: 'setup.updated', entity: target.entity, id: target.id() });
      return result;
    });
  } catch (e) {
    ctx.reloadSetup();
    throw e;
  }
}

export function adminServiceDto(ctx: FloorContext, s: SetupService & { sort: number }, day: string): AdminServiceDto {
  const stopped = ctx.q.setup.stopped(s.id);
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    nameEn: s.nameEn ?? null,
    prefix: s.prefix,
    width: s.width,
    startNumber: s.startNumber,
    dailyCap: s.dailyCap,
    defaultServiceSeconds: s.defaultServiceSeconds,
    satisfactionTarget: s.satisfactionTarget,
    sort: s.sort,
    archived: s.archived === true,
    stoppedToday: stopped && stopped.day === day ? { reason: stopped.reason } : null,
    formerNames: s.formerNames ?? [],
  };
}

const withSort = (list: SetupService[]) => list.map((s, i) => ({ ...s, sort: i }));

function checkPrefix(ctx: FloorContext, next: SetupService) {
  if (next.archived) return;
  const other = ctx.q.setup.services().find((s) => !s.archived && s.id !== next.id && numbersOverlap(s.prefix, next.prefix));
  if (other) {
    throw new QueueError('prefix_collision', { field: 'prefix', prefix: next.prefix || '—', other: other.name, otherPrefix: other.prefix || '—' });
  }
}

export function createService(ctx: FloorContext, actorId: number, body: CreateServiceBody) {
  return setupChange(ctx, actorId, { entity: 'service', id: () => body.id }, (tx, log) => {
    if (ctx.q.setup.service(body.id)) throw new QueueError('service_id_taken', { field: 'id', id: body.id });
    const { sort: wanted, nameEn, satisfactionTarget, ...rest } = body;
    const s: SetupService = { ...rest, ...(nameEn ? { nameEn } : {}), hours: null, satisfactionTarget: satisfactionTarget ?? defaultSatisfactionTarget(body.name) };
    checkPrefix(ctx, s);
    const list = ctx.q.setup.services();
    const active = list.filter((x) => !x.archived);
    const at = Math.min(wanted ?? active.length, active.length);
    const ordered = [...active.slice(0, at), s, ...active.slice(at), ...list.filter((x) => x.archived)];
    ordered.forEach((x, i) => ctx.q.setup.saveService(x, i));
    log('service', 'created', s.id, null, s);
    return adminServiceDto(ctx, { ...s, sort: at }, tx.day);
  });
}

export function updateService(ctx: FloorContext, actorId: number, id: string, body: UpdateServiceBody) {
  return setupChange(ctx, actorId, { entity: 'service', id: () => id }, (tx, log) => {
    const list = withSort(ctx.q.setup.services());
    const old = list.find((s) => s.id === id);
    if (!old) throw new QueueError('unknown_service', { service: id });
    const { sort: wanted, archived, stoppedToday, nameEn, ...fields } = body;
    const next: SetupService & { sort: number } = { ...old, ...stripUndefined(fields) };
    if (nameEn !== undefined) {
      if (nameEn) next.nameEn = nameEn;
      else delete next.nameEn;
    }
    if (archived !== undefined) {
      if (archived) next.archived = true;
      else delete next.archived;
    }
    if (next.name !== old.name) next.formerNames = [...(old.formerNames ?? []).filter((n) => n !== next.name), old.name];
    if ((next.prefix !== old.prefix || next.width !== old.width) && ctx.q.tickets.issuedCount(tx.day, id) > 0) {
      throw new QueueError('numbering_in_use', { field: next.prefix !== old.prefix ? 'prefix' : 'width', service: old.name });
    }
    const waiting = ctx.q.tickets.waitingCounts(tx.day).get(id)?.total ?? 0;
    if (next.archived && !old.archived && waiting > 0) throw new QueueError('service_has_waiting', { field: 'archived', service: old.name, waiting });
    checkPrefix(ctx, next);
    const { sort: _, ...stored } = next;
    if (wanted !== undefined && wanted !== old.sort) {
      const others = list.filter((s) => s.id !== id);
      const ordered = [...others.slice(0, wanted), stored, ...others.slice(wanted)];
      ordered.forEach((x, i) => ctx.q.setup.saveService(x, i));
      next.sort = Math.min(wanted, others.length);
    } else ctx.q.setup.saveService(stored, old.sort);
    const stoppedBefore = ctx.q.setup.stopped(id);
    if (stoppedToday !== undefined) ctx.q.setup.setStopped(id, stoppedToday ? { day: tx.day, reason: stoppedToday.reason } : null);
    const before = { ...old, stoppedToday: stoppedBefore?.day === tx.day ? { reason: stoppedBefore.reason } : null };
    const after = adminServiceDto(ctx, next, tx.day);
    const action = archived === true && !old.archived ? 'archived' : stoppedToday !== undefined && Object.keys(body).length === 1 ? (stoppedToday ? 'stopped' : 'resumed') : 'updated';
    log('service', action, id, before, after);
    return after;
  });
}

export function adminCounterDto(ctx: FloorContext, c: SetupCounter): AdminCounterDto {
  const state = ctx.q.setup.counterState(c.id);
  const staff = state?.staffId ? ctx.q.users.byId(state.staffId) : null;
  return {
    id: c.id,
    number: c.number,
    name: c.name,
    serviceIds: c.serviceIds,
    priority: c.priority,
    serviceOrder: c.serviceOrder,
    enabled: c.enabled !== false,
    ledAddress: ctx.q.led.of(c.id)?.address ?? null,
    status: state?.status ?? 'closed',
    staff: staff ? { id: staff.id, name: staff.name } : null,
  };
}

function checkServices(ctx: FloorContext, ids: string[]) {
  const known = new Set(ctx.q.setup.services().filter((s) => !s.archived).map((s) => s.id));
  const unknown = ids.find((id) => !known.has(id));
  if (unknown !== undefined) throw new QueueError('unknown_service', { field: 'serviceIds', service: unknown });
  if (new Set(ids).size !== ids.length) throw new QueueError('unknown_service', { field: 'serviceIds', service: ids.find((x, i) => ids.indexOf(x) !== i)! });
}

export function createCounter(ctx: FloorContext, actorId: number, body: CreateCounterBody) {
  let id = 0;
  return setupChange(ctx, actorId, { entity: 'counter', id: () => String(id) }, (_tx, log) => {
    const all = ctx.q.setup.counters();
    if (all.some((c) => c.number === body.number)) throw new QueueError('counter_number_taken', { field: 'number', counter: body.number });
    checkServices(ctx, body.serviceIds);
    id = Math.max(0, ...all.map((c) => c.id)) + 1;
    const c: SetupCounter = { id, ...body };
    ctx.q.setup.saveCounter(c);
    log('counter', 'created', String(id), null, c);
    return adminCounterDto(ctx, c);
  });
}

export function updateCounter(ctx: FloorContext, actorId: number, id: number, body: UpdateCounterBody) {
  return setupChange(ctx, actorId, { entity: 'counter', id: () => String(id) }, (_tx, log) => {
    const all = ctx.q.setup.counters();
    const old = all.find((c) => c.id === id);
    if (!old) throw new QueueError('unknown_counter', { counter: id });
    const { enabled, ledAddress, ...fields } = body;
    const next: SetupCounter = { ...old, ...stripUndefined(fields) };
    if (enabled !== undefined) {
      if (enabled) delete next.enabled;
      else next.enabled = false;
    }
    if (next.number !== old.number && all.some((c) => c.id !== id && c.number === next.number)) {
      throw new QueueError('counter_number_taken', { field: 'number', counter: next.number });
    }
    if (body.serviceIds) checkServices(ctx, body.serviceIds);
    const state = ctx.q.setup.counterState(id);
    if (next.enabled === false && old.enabled !== false && state && state.status !== 'closed') {
      throw new QueueError('counter_in_use', { field: 'enabled', counter: old.number });
    }
    // A field taken away while its ticket is served here is fine: the counter's current ticket is live state, not setup.
    ctx.q.setup.saveCounter(next);
    const ledBefore = ctx.q.led.of(id)?.address ?? null;
    if (ledAddress !== undefined) setLedAddress(ctx, next, ledAddress);
    const ledAfter = ctx.q.led.of(id)?.address ?? null;
    log('counter', enabled === false && old.enabled !== false ? 'disabled' : 'updated', String(id), { ...old, ledAddress: ledBefore }, { ...next, ledAddress: ledAfter });
    return adminCounterDto(ctx, next);
  });
}

/**
 * Points a counter's LED board at `address` (null: none), on the bus it is on already, else the bus the hardware file
 * put it on, else the first bus. Two counters cannot share an address on one bus.
 */
function setLedAddress(ctx: FloorContext, counter: SetupCounter, address: number | null) {
  const buses = ctx.config.hardware.ledBoards ?? [];
  const fromFile = ledBoardsOfFile(buses).find((b) => b.counterId === counter.id)?.bus;
  const bus = ctx.q.led.of(counter.id)?.bus ?? fromFile ?? (buses[0] ? ledBusId(buses[0], 0) : 'led-1');
  if (address !== null) {
    const ascii = buses.find((b, i) => ledBusId(b, i) === bus)?.profile.address === 'ascii';
    const max = ascii ? 99 : LED_MAX_ADDRESS;
    if (address < LED_MIN_ADDRESS || address > max) throw new QueueError('led_address_invalid', { field: 'ledAddress', min: LED_MIN_ADDRESS, max });
    const other = ctx.q.led.all().find((r) => r.bus === bus && r.address === address && r.counterId !== counter.id);
    if (other) {
      const number = ctx.q.setup.counters().find((c) => c.id === other.counterId)?.number ?? other.counterId;
      throw new QueueError('led_address_taken', { field: 'ledAddress', address, counter: number });
    }
  }
  ctx.q.led.save({ counterId: counter.id, bus, address });
}

function stripUndefined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
