import { describe, it, expect } from 'vitest';
import type { TicketStatus } from '@qms/protocol';
import { activeAtCounter, applyAction, finalStatuses, issuedTicket, type TicketAction } from './lifecycle';
import { chooseNext } from './routing';
import { QueueError, type Counter, type Ticket } from './types';

/** 2026-03-16 08:00 local (01:00Z) and minutes after it. */
const T0 = Date.UTC(2026, 2, 16, 1, 0);
const at = (m: number) => T0 + m * 60_000;

let n = 0;
/** A freshly issued, waiting ticket (frozen, so any mutation by the domain code throws). */
function ticket(over: Partial<Ticket> = {}): Ticket {
  n++;
  return Object.freeze(issuedTicket({ id: `t${n}`, serviceDay: '2026-03-16', serviceId: 'cert', seq: n, number: `1${String(n).padStart(3, '0')}`, priority: null, channel: 'kiosk', queuedAt: T0, issuedAt: T0, ...over }));
}

const call = (counterId = 3, staffId: number | null = 7): TicketAction => ({ kind: 'call', counterId, staffId });
const frozen = (t: Ticket) => Object.freeze(t);

/** Applies the actions in turn, at minutes 1, 2, 3, … after T0; every intermediate ticket is frozen. */
function run(t: Ticket, ...actions: TicketAction[]): Ticket {
  return actions.reduce((cur, a, i) => frozen(applyAction(cur, a, at(i + 1))), t);
}

const allStatuses: TicketStatus[] = ['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'on_hold'];
const allActions: TicketAction[] = [
  call(),
  { kind: 'recall' },
  { kind: 'start' },
  { kind: 'finish', dossierCode: null },
  { kind: 'no_show' },
  { kind: 'hold' },
  { kind: 'unhold', counterId: 3, staffId: 7 },
  { kind: 'transfer', serviceId: 'land', targetCounterId: null },
  { kind: 'cancel' },
  { kind: 'release' },
];
/** The transition table, written independently of the code under test. */
const allowed: Record<TicketAction['kind'], TicketStatus[]> = {
  call: ['waiting'],
  recall: ['called'],
  start: ['called'],
  finish: ['called', 'serving'],
  no_show: ['called'],
  hold: ['called', 'serving'],
  unhold: ['on_hold'],
  transfer: ['called', 'serving', 'on_hold'],
  cancel: ['waiting', 'on_hold'],
  release: ['waiting', 'on_hold'],
};

describe('applyAction: the normal path', () => {
  it('waiting → called → serving → done, with every time set', () => {
    const w = ticket();
    const called = applyAction(w, call(3, 7), at(10));
    expect(called).toEqual({
      ...w,
      status: 'called',
      counterId: 3,
      staffId: 7,
      targetCounterId: null,
      calledAt: at(10),
      firstCalledAt: at(10),
      callCount: 1,
    });
    const serving = applyAction(frozen(called), { kind: 'start' }, at(11));
    expect(serving).toEqual({ ...called, status: 'serving', startedAt: at(11) });
    const done = applyAction(frozen(serving), { kind: 'finish', dossierCode: 'H23.45-260316-0001' }, at(19));
    expect(done).toEqual({ ...serving, status: 'done', finishedAt: at(19), dossierCode: 'H23.45-260316-0001' });
    // the issue and queue times never move
    expect(done.issuedAt).toBe(T0);
    expect(done.queuedAt).toBe(T0);
    expect(done.firstCalledAt).toBe(at(10));
    expect(done.calledAt).toBe(at(10));
    expect(done.startedAt).toBe(at(11));
  });

  it('returns a new object and leaves the input untouched', () => {
    const w = ticket();
    const copy = { ...w };
    const called = applyAction(w, call(), at(1));
    expect(called).not.toBe(w);
    expect(w).toEqual(copy);
  });

  it('finish without a dossier code keeps one already on the ticket', () => {
    const serving = run(ticket({ dossierCode: 'HS-01' }), call(), { kind: 'start' });
    expect(applyAction(serving, { kind: 'finish', dossierCode: null }, at(9)).dossierCode).toBe('HS-01');
    expect(applyAction(serving, { kind: 'finish', dossierCode: 'HS-02' }, at(9)).dossierCode).toBe('HS-02');
    const plain = run(ticket(), call(), { kind: 'start' });
    expect(applyAction(plain, { kind: 'finish', dossierCode: null }, at(9)).dossierCode).toBeNull();
  });

  it('finish directly from called (never started) is allowed; startedAt stays null', () => {
    const done = run(ticket(), call(), { kind: 'finish', dossierCode: null });
    expect(done.status).toBe('done');
    expect(done.startedAt).toBeNull();
    expect(done.finishedAt).toBe(at(2));
  });

  it('recall keeps status called, bumps callCount, moves calledAt, keeps firstCalledAt', () => {
    const called = run(ticket(), call());
    const r1 = applyAction(called, { kind: 'recall' }, at(5));
    expect(r1).toEqual({ ...called, calledAt: at(5), callCount: 2 });
    expect(r1.status).toBe('called');
    expect(r1.firstCalledAt).toBe(at(1));
    const r2 = applyAction(frozen(r1), { kind: 'recall' }, at(6));
    expect(r2.callCount).toBe(3);
    expect(r2.calledAt).toBe(at(6));
    expect(r2.firstCalledAt).toBe(at(1));
  });

  it('no-show from called ends the ticket', () => {
    const ns = run(ticket(), call(), { kind: 'recall' }, { kind: 'no_show' });
    expect(ns.status).toBe('no_show');
    expect(ns.finishedAt).toBe(at(3));
    expect(ns.callCount).toBe(2);
    expect(finalStatuses).toContain(ns.status);
  });

  it('cancel from waiting ends the ticket', () => {
    const c = applyAction(ticket(), { kind: 'cancel' }, at(4));
    expect(c.status).toBe('cancelled');
    expect(c.finishedAt).toBe(at(4));
    expect(c.firstCalledAt).toBeNull();
  });

  it('cancel from on_hold (the citizen never came back)', () => {
    const c = run(ticket(), call(), { kind: 'hold' }, { kind: 'cancel' });
    expect(c.status).toBe('cancelled');
    expect(c.finishedAt).toBe(at(3));
  });
});

describe('applyAction: hold and unhold', () => {
  it('hold from called, unhold goes back to called (never started)', () => {
    const held = run(ticket(), call(3, 7), { kind: 'hold' });
    expect(held.status).toBe('on_hold');
    expect(held.counterId).toBe(3);
    const back = applyAction(held, { kind: 'unhold', counterId: 3, staffId: 8 }, at(9));
    expect(back.status).toBe('called');
    expect(back.startedAt).toBeNull();
    expect(back.staffId).toBe(8);
    expect(back.callCount).toBe(1);
    expect(back.firstCalledAt).toBe(at(1));
  });

  it('hold from serving, unhold goes back to serving (started) and keeps startedAt', () => {
    const held = run(ticket(), call(), { kind: 'start' }, { kind: 'hold' });
    expect(held.status).toBe('on_hold');
    const back = applyAction(held, { kind: 'unhold', counterId: 3, staffId: 7 }, at(20));
    expect(back.status).toBe('serving');
    expect(back.startedAt).toBe(at(2));
    expect(back.finishedAt).toBeNull();
  });

  it('unhold sets the counter and officer that take the ticket back', () => {
    const held = run(ticket(), call(3, 7), { kind: 'hold' });
    const back = applyAction(held, { kind: 'unhold', counterId: 5, staffId: null }, at(9));
    expect(back.counterId).toBe(5);
    expect(back.staffId).toBeNull();
  });

  it('a held ticket can be finished only after unhold', () => {
    const held = run(ticket(), call(), { kind: 'start' }, { kind: 'hold' });
    expect(() => applyAction(held, { kind: 'finish', dossierCode: null }, at(9))).toThrow(QueueError);
    const done = run(held, { kind: 'unhold', counterId: 3, staffId: 7 }, { kind: 'finish', dossierCode: null });
    expect(done.status).toBe('done');
  });
});

describe('applyAction: release (its counter closed)', () => {
  it('a held ticket goes back to its field\'s queue in its old place, not started, tied to no counter', () => {
    const held = run(ticket(), call(3, 7), { kind: 'start' }, { kind: 'hold' });
    const back = applyAction(held, { kind: 'release' }, at(30));
    expect(back).toEqual({ ...held, status: 'waiting', counterId: null, targetCounterId: null, startedAt: null });
  });

  it('a ticket sent to one counter by name is open to every counter of its field again', () => {
    const sent = run(ticket(), call(3, 7), { kind: 'transfer', serviceId: 'land', targetCounterId: 5 });
    expect(applyAction(sent, { kind: 'release' }, at(30))).toEqual({ ...sent, targetCounterId: null });
  });
});

describe('applyAction: transfer', () => {
  const transfer = (serviceId: string, targetCounterId: number | null): TicketAction => ({ kind: 'transfer', serviceId, targetCounterId });

  it.each([
    ['called', [call()]],
    ['serving', [call(), { kind: 'start' }]],
    ['on_hold', [call(), { kind: 'start' }, { kind: 'hold' }]],
  ] as [TicketStatus, TicketAction[]][])('from %s → waiting with the new service and target, counter cleared, queuedAt kept', (from, path) => {
    const before = run(ticket({ queuedAt: T0 - 5_000 }), ...path);
    expect(before.status).toBe(from);
    const after = applyAction(before, transfer('land', 4), at(30));
    expect(after.status).toBe('waiting');
    expect(after.serviceId).toBe('land');
    expect(after.targetCounterId).toBe(4);
    expect(after.counterId).toBeNull();
    expect(after.queuedAt).toBe(T0 - 5_000);
    expect(after.issuedAt).toBe(T0);
    expect(after.firstCalledAt).toBe(at(1));
    expect(after.finishedAt).toBeNull();
    expect(after.startedAt).toBeNull();
    // the number and sequence stay, so the citizen keeps the paper ticket
    expect(after.number).toBe(before.number);
    expect(after.seq).toBe(before.seq);
  });

  it('to a service only: no target counter', () => {
    const after = applyAction(run(ticket(), call()), transfer('land', null), at(9));
    expect(after.targetCounterId).toBeNull();
    expect(after.serviceId).toBe('land');
  });

  it('a transferred ticket goes ahead of later arrivals of its new service', () => {
    const counter: Counter = { id: 4, number: 4, serviceIds: ['land'], priority: false, serviceOrder: 'fifo' };
    const rules = { priorityCategories: ['elderly'], antiStarvationAfter: 3, antiStarvationWaitSeconds: 600 };
    const moved = applyAction(run(ticket({ queuedAt: T0 }), call(3), { kind: 'start' }), transfer('land', null), at(20));
    const later = ticket({ serviceId: 'land', queuedAt: at(5) });
    const choice = chooseNext({ counter, priorityStreak: 0, waiting: [later, moved], now: at(21), rules });
    expect(choice?.ticket.id).toBe(moved.id);
    // addressed to counter 4, it goes ahead of everything there, and no other counter calls it
    const addressed = applyAction(run(ticket({ queuedAt: at(10) }), call(3)), transfer('land', 4), at(20));
    expect(chooseNext({ counter, priorityStreak: 0, waiting: [later, moved, addressed], now: at(21), rules })?.reason).toBe('transfer');
    expect(chooseNext({ counter: { ...counter, id: 5, number: 5 }, priorityStreak: 0, waiting: [addressed], now: at(21), rules })).toBeNull();
  });

  it('calling a transferred ticket clears its target, bumps callCount and keeps firstCalledAt', () => {
    const moved = run(ticket(), call(3), { kind: 'transfer', serviceId: 'land', targetCounterId: 4 });
    const recalled = applyAction(moved, call(4, 9), at(40));
    expect(recalled.status).toBe('called');
    expect(recalled.counterId).toBe(4);
    expect(recalled.staffId).toBe(9);
    expect(recalled.targetCounterId).toBeNull();
    expect(recalled.callCount).toBe(2);
    expect(recalled.firstCalledAt).toBe(at(1));
    expect(recalled.calledAt).toBe(at(40));
  });

  it('after a transfer the ticket counts as not started at the next counter: hold/unhold there returns to called', () => {
    // served at counter 3, transferred, called at counter 4, put on hold there before anyone started it
    const held = run(ticket(), call(3), { kind: 'start' }, { kind: 'transfer', serviceId: 'land', targetCounterId: 4 }, call(4), { kind: 'hold' });
    const back = applyAction(held, { kind: 'unhold', counterId: 4, staffId: 9 }, at(30));
    expect(back.status).toBe('called');
    // and once started at counter 4, it is serving again with the new start time
    const serving = run(back, { kind: 'start' });
    expect(serving.status).toBe('serving');
    expect(serving.startedAt).toBe(at(1));
  });
});

describe('applyAction: the transition table', () => {
  /** A ticket in `status`, as the real paths produce it (with started/called times where they belong). */
  function inStatus(status: TicketStatus): Ticket {
    const w = ticket();
    switch (status) {
      case 'waiting':
        return w;
      case 'called':
        return run(w, call());
      case 'serving':
        return run(w, call(), { kind: 'start' });
      case 'done':
        return run(w, call(), { kind: 'start' }, { kind: 'finish', dossierCode: null });
      case 'no_show':
        return run(w, call(), { kind: 'no_show' });
      case 'cancelled':
        return run(w, { kind: 'cancel' });
      case 'on_hold':
        return run(w, call(), { kind: 'hold' });
    }
  }

  it('every status is reachable by the helper', () => {
    for (const s of allStatuses) expect(inStatus(s).status).toBe(s);
  });

  for (const status of allStatuses) {
    for (const action of allActions) {
      const ok = allowed[action.kind].includes(status);
      it(`${action.kind} from ${status}: ${ok ? 'allowed' : 'invalid_transition'}`, () => {
        const t = inStatus(status);
        const snapshot = structuredClone(t);
        if (ok) {
          const next = applyAction(t, action, at(50));
          expect(next).not.toBe(t);
          expect(next.id).toBe(t.id);
        } else {
          let err: unknown = null;
          try {
            applyAction(t, action, at(50));
          } catch (e) {
            err = e;
          }
          expect(err).toBeInstanceOf(QueueError);
          expect((err as QueueError).code).toBe('invalid_transition');
          expect((err as QueueError).params).toEqual({ number: t.number, status, action: action.kind });
        }
        expect(t).toEqual(snapshot);
      });
    }
  }

  it('final statuses allow nothing at all', () => {
    for (const status of finalStatuses) {
      const t = inStatus(status);
      for (const action of allActions) expect(() => applyAction(t, action, at(50)), `${action.kind} from ${status}`).toThrow('invalid_transition');
    }
  });

  it('the status lists used by the floor', () => {
    expect([...activeAtCounter].sort()).toEqual(['called', 'serving']);
    expect([...finalStatuses].sort()).toEqual(['cancelled', 'done', 'no_show']);
  });
});
