import { describe, expect, it } from 'vitest';
import type { CallDto, CounterDto, FloorEvent, ServiceDto, Snapshot, TicketDto } from '@qms/protocol';
import { applyFloorEvent, floorReducer, initialFloorState, RECENT_CALLS_MAX } from './floor';

const at = '2026-11-23T08:05:00.000+07:00';

function ticket(id: string, over: Partial<TicketDto> = {}): TicketDto {
  return {
    id, number: id, serviceId: 'HT', serviceDay: '2026-11-23', status: 'waiting', priority: null, channel: 'kiosk',
    counterId: null, targetCounterId: null, issuedAt: at, calledAt: null, startedAt: null, finishedAt: null,
    callCount: 0, dossierCode: null, printed: null, ...over,
  };
}

function service(id: string, waiting: number): ServiceDto {
  return { id, code: id, name: `Lĩnh vực ${id}`, nameEn: id, prefix: id[0] ?? 'A', width: 4, dailyCap: null, waiting, estimatedWaitSeconds: 0, issuingNow: true, closedReason: null };
}

function counter(id: number, over: Partial<CounterDto> = {}): CounterDto {
  return { id, number: id, name: `Quầy ${id}`, serviceIds: ['HT'], priority: false, status: 'open', staff: null, currentTicket: null, ...over };
}

function call(t: TicketDto, counterId: number, recall = false): CallDto {
  return { ticket: { ...t, status: 'called', counterId }, counterId, counterNumber: counterId, recall, at };
}

function snapshot(over: Partial<Snapshot> = {}): Snapshot {
  return {
    centerName: 'Trung tâm Phục vụ hành chính công phường Thạch Khôi', timezone: 'Asia/Ho_Chi_Minh', serviceDay: '2026-11-23',
    demo: true, priorityCategories: ['elderly', 'pregnant', 'disability'], seq: 10, serverStartedAt: at,
    services: [service('HT', 3), service('CT', 5)],
    counters: [counter(1), counter(2), counter(3)],
    recentCalls: [], ...over,
  };
}

type EventBody = FloorEvent extends infer E ? (E extends FloorEvent ? Omit<E, 'seq' | 'at'> : never) : never;
const ev = (seq: number, body: EventBody): FloorEvent => ({ seq, at, ...body }) as FloorEvent;

describe('applyFloorEvent', () => {
  it('ignores events already in the snapshot (seq <= snapshot.seq) and returns the same object', () => {
    const s = snapshot();
    const old = ev(10, { type: 'counter.updated', counter: counter(1, { status: 'paused' }) });
    const older = ev(3, { type: 'services.updated', services: [] });
    expect(applyFloorEvent(s, old)).toBe(s);
    expect(applyFloorEvent(s, older)).toBe(s);
  });

  it('sets seq to the event seq and never mutates the input', () => {
    const s = snapshot();
    const frozen = structuredClone(s);
    const next = applyFloorEvent(s, ev(11, { type: 'counter.updated', counter: counter(2, { status: 'closed' }) }));
    expect(next.seq).toBe(11);
    expect(next).not.toBe(s);
    expect(s).toEqual(frozen);
  });

  it('counter.updated replaces that counter by id and keeps the others', () => {
    const s = snapshot();
    const updated = counter(2, { status: 'paused', staff: { id: 7, name: 'Nguyễn Thị Lan' } });
    const next = applyFloorEvent(s, ev(11, { type: 'counter.updated', counter: updated }));
    expect(next.counters).toHaveLength(3);
    expect(next.counters[1]).toBe(updated);
    expect(next.counters[0]).toBe(s.counters[0]);
    expect(next.counters[2]).toBe(s.counters[2]);
  });

  it('counter.updated for an unknown counter adds it in number order', () => {
    const s = snapshot({ counters: [counter(1), counter(3)] });
    const next = applyFloorEvent(s, ev(11, { type: 'counter.updated', counter: counter(2) }));
    expect(next.counters.map((c) => c.id)).toEqual([1, 2, 3]);
  });

  it('services.updated replaces the services', () => {
    const services = [service('DD', 0)];
    const next = applyFloorEvent(snapshot(), ev(11, { type: 'services.updated', services }));
    expect(next.services).toBe(services);
  });

  it('a partial services.updated replaces only the services it carries, keeping the order', () => {
    const s = snapshot();
    const next = applyFloorEvent(s, ev(11, { type: 'services.updated', services: [service('CT', 9)], partial: true }));
    expect(next.services).toEqual([s.services[0], service('CT', 9)]);
    expect(next.services[0]).toBe(s.services[0]);
  });

  it('ticket.called prepends the call and sets the counter current ticket', () => {
    const c = call(ticket('HT1001'), 3);
    const next = applyFloorEvent(snapshot(), ev(11, { type: 'ticket.called', call: c }));
    expect(next.recentCalls[0]).toBe(c);
    expect(next.counters.find((x) => x.id === 3)?.currentTicket).toEqual(c.ticket);
    expect(next.counters.find((x) => x.id === 1)?.currentTicket).toBeNull();
    // the first call takes the ticket out of its service's queue
    expect(next.services.find((x) => x.id === 'HT')?.waiting).toBe(2);
  });

  it(`keeps at most ${RECENT_CALLS_MAX} recent calls, newest first`, () => {
    let s = snapshot();
    for (let i = 1; i <= RECENT_CALLS_MAX + 5; i++) s = applyFloorEvent(s, ev(10 + i, { type: 'ticket.called', call: call(ticket(`HT${1000 + i}`), 1) }));
    expect(s.recentCalls).toHaveLength(RECENT_CALLS_MAX);
    expect(s.recentCalls[0]?.ticket.number).toBe(`HT${1000 + RECENT_CALLS_MAX + 5}`);
    expect(s.recentCalls[RECENT_CALLS_MAX - 1]?.ticket.number).toBe('HT1006');
    expect(s.seq).toBe(15 + RECENT_CALLS_MAX);
  });

  it('a recall moves the call to the top instead of listing it twice, and does not change waiting', () => {
    const a = ticket('HT1001');
    const b = ticket('HT1002');
    let s = applyFloorEvent(snapshot(), ev(11, { type: 'ticket.called', call: call(a, 1) }));
    s = applyFloorEvent(s, ev(12, { type: 'ticket.called', call: call(b, 2) }));
    const waiting = s.services.find((x) => x.id === 'HT')?.waiting;
    s = applyFloorEvent(s, ev(13, { type: 'ticket.called', call: call(a, 1, true) }));
    expect(s.recentCalls.map((c) => c.ticket.id)).toEqual(['HT1001', 'HT1002']);
    expect(s.services.find((x) => x.id === 'HT')?.waiting).toBe(waiting);
  });

  it('ticket.issued bumps the waiting count of its service only', () => {
    const next = applyFloorEvent(snapshot(), ev(11, { type: 'ticket.issued', ticket: ticket('HT1004'), waitingInService: 4 }));
    expect(next.services.find((x) => x.id === 'HT')?.waiting).toBe(4);
    expect(next.services.find((x) => x.id === 'CT')?.waiting).toBe(5);
  });

  it('ticket.issued appends to the waiting list when the snapshot has one (staff rooms)', () => {
    const next = applyFloorEvent(snapshot({ waiting: [ticket('HT1001')] }), ev(11, { type: 'ticket.issued', ticket: ticket('HT1002'), waitingInService: 2 }));
    expect(next.waiting?.map((w) => w.id)).toEqual(['HT1001', 'HT1002']);
    const called = applyFloorEvent(next, ev(12, { type: 'ticket.called', call: call(ticket('HT1001'), 1) }));
    expect(called.waiting?.map((w) => w.id)).toEqual(['HT1002']);
  });

  it('ticket.updated refreshes the ticket a counter is serving', () => {
    const t = ticket('HT1001');
    let s = applyFloorEvent(snapshot(), ev(11, { type: 'ticket.called', call: call(t, 2) }));
    const serving = { ...t, status: 'serving' as const, counterId: 2, startedAt: at };
    s = applyFloorEvent(s, ev(12, { type: 'ticket.updated', ticket: serving, change: 'started' }));
    expect(s.counters.find((x) => x.id === 2)?.currentTicket?.status).toBe('serving');
  });

  it('device.status only advances seq', () => {
    const s = snapshot();
    const next = applyFloorEvent(s, ev(11, { type: 'device.status', deviceId: 'printer-1', kind: 'printer', ok: false, code: 'paper_out', detail: 'Máy in hết giấy — /dev/usb/lp0' }));
    expect(next).toEqual({ ...s, seq: 11 });
  });
});

describe('floorReducer', () => {
  it('keeps events that arrive before the first snapshot and applies the newer ones to it', () => {
    let st = floorReducer(initialFloorState, { kind: 'event', event: ev(9, { type: 'services.updated', services: [] }) });
    st = floorReducer(st, { kind: 'event', event: ev(11, { type: 'counter.updated', counter: counter(1, { status: 'closed' }) }) });
    expect(st.snapshot).toBeNull();
    st = floorReducer(st, { kind: 'snapshot', snapshot: snapshot() });
    expect(st.pending).toEqual([]);
    expect(st.snapshot?.seq).toBe(11);
    expect(st.snapshot?.services).toHaveLength(2); // seq 9 was already in the snapshot
    expect(st.snapshot?.counters[0]?.status).toBe('closed');
  });

  it('a fresh snapshot (after a reconnect) replaces the old one, even with a lower seq (server restart)', () => {
    let st = floorReducer(initialFloorState, { kind: 'snapshot', snapshot: snapshot({ seq: 500 }) });
    st = floorReducer(st, { kind: 'disconnected' });
    expect(st.connected).toBe(false);
    const fresh = snapshot({ seq: 2, centerName: 'Sau khi khởi động lại' });
    st = floorReducer(st, { kind: 'snapshot', snapshot: fresh });
    expect(st.snapshot).toBe(fresh);
    expect(st.connected).toBe(true);
  });

  it('applies an event once and leaves state alone when the same event comes again', () => {
    let st = floorReducer(initialFloorState, { kind: 'snapshot', snapshot: snapshot() });
    const e = ev(11, { type: 'ticket.called', call: call(ticket('HT1001'), 1) });
    st = floorReducer(st, { kind: 'event', event: e });
    expect(st.snapshot?.seq).toBe(11);
    const same = floorReducer(st, { kind: 'event', event: e });
    expect(same).toBe(st);
  });

  it('a refused connection keeps the reason until the next connect', () => {
    let st = floorReducer(initialFloorState, { kind: 'refused', message: 'unauthorized' });
    expect(st.error).toBe('unauthorized');
    st = floorReducer(st, { kind: 'connected' });
    expect(st).toMatchObject({ connected: true, error: null });
  });
});
