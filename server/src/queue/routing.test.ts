import { describe, it, expect } from 'vitest';
import { chooseNext, waitingAhead, type ChooseNextInput, type NextChoice } from './routing';
import { issuedTicket } from './lifecycle';
import type { Counter, QueueRules, Ticket } from './types';

const MIN = 60_000;
/** The "now" of every test: 10:00 local on 2026-03-16 (03:00Z). */
const NOW = Date.UTC(2026, 2, 16, 3, 0);
/** An instant `m` minutes before NOW. */
const ago = (m: number) => NOW - m * MIN;

let nextId = 0;
/** A waiting ticket; `queuedAt` defaults to 5 minutes ago. */
function ticket(over: Partial<Ticket> = {}): Ticket {
  const n = ++nextId;
  const seq = over.seq ?? n;
  const queuedAt = over.queuedAt ?? ago(5);
  return issuedTicket({ id: `t${n}`, serviceDay: '2026-03-16', serviceId: 'A', seq, number: `A${String(seq).padStart(3, '0')}`, priority: null, channel: 'kiosk', queuedAt, ...over });
}

function counter(over: Partial<Counter> = {}): Counter {
  return { id: 1, number: 1, serviceIds: ['A', 'B'], priority: false, serviceOrder: 'fifo', ...over };
}

const rules: QueueRules = { priorityCategories: ['elderly', 'pregnant', 'disabled'], antiStarvationAfter: 3, antiStarvationWaitSeconds: 600 };

function next(waiting: Ticket[], over: Partial<ChooseNextInput> = {}): NextChoice | null {
  return chooseNext({ counter: counter(), priorityStreak: 0, waiting, now: NOW, rules, ...over });
}
const pick = (waiting: Ticket[], over: Partial<ChooseNextInput> = {}) => next(waiting, over)?.ticket.id ?? null;

describe('chooseNext: basics', () => {
  it('returns null when nobody waits', () => {
    expect(next([])).toBeNull();
    expect(next([], { priorityStreak: 5 })).toBeNull();
  });

  it('ignores tickets that are not waiting', () => {
    const others = (['called', 'serving', 'done', 'no_show', 'cancelled', 'on_hold'] as const).map((status) => ticket({ status, queuedAt: ago(30) }));
    expect(next(others)).toBeNull();
    const w = ticket({ queuedAt: ago(1) });
    expect(pick([...others, w])).toBe(w.id);
  });

  it('fifo: oldest first among all the counter services, whatever the input order', () => {
    const a = ticket({ serviceId: 'A', queuedAt: ago(3) });
    const b = ticket({ serviceId: 'B', queuedAt: ago(7) });
    const a2 = ticket({ serviceId: 'A', queuedAt: ago(1) });
    expect(pick([a, b, a2])).toBe(b.id);
    expect(pick([a2, a, b])).toBe(b.id);
    expect(pick([a, a2])).toBe(a.id);
  });

  it('a normal call is reported as such and resets the priority streak', () => {
    const a = ticket();
    expect(next([a], { priorityStreak: 2 })).toEqual({ ticket: a, priorityStreak: 0, reason: 'normal' });
  });

  it('ordered: takes its first service oldest before an older ticket of its second service', () => {
    const c = counter({ serviceIds: ['A', 'B'], serviceOrder: 'ordered' });
    const b = ticket({ serviceId: 'B', queuedAt: ago(30) });
    const aNew = ticket({ serviceId: 'A', queuedAt: ago(1) });
    const aOld = ticket({ serviceId: 'A', queuedAt: ago(2) });
    expect(pick([b, aNew, aOld], { counter: c })).toBe(aOld.id);
    // the listed order matters, not the alphabet
    expect(pick([b, aNew, aOld], { counter: counter({ serviceIds: ['B', 'A'], serviceOrder: 'ordered' }) })).toBe(b.id);
  });

  it('ordered: falls through to the second service when the first has nobody', () => {
    const c = counter({ serviceIds: ['A', 'B'], serviceOrder: 'ordered' });
    const b1 = ticket({ serviceId: 'B', queuedAt: ago(4) });
    const b2 = ticket({ serviceId: 'B', queuedAt: ago(9) });
    expect(pick([b1, b2], { counter: c })).toBe(b2.id);
  });

  it('never chooses tickets of services the counter does not serve', () => {
    const c = counter({ serviceIds: ['A'] });
    const other = ticket({ serviceId: 'C', queuedAt: ago(60) });
    const mine = ticket({ serviceId: 'A', queuedAt: ago(1) });
    expect(pick([other, mine], { counter: c })).toBe(mine.id);
    expect(next([other], { counter: c })).toBeNull();
    expect(next([other], { counter: counter({ serviceIds: ['A'], serviceOrder: 'ordered' }) })).toBeNull();
  });

  it('a counter with no services chooses nothing but transfers addressed to it', () => {
    const c = counter({ serviceIds: [] });
    expect(next([ticket(), ticket({ priority: 'elderly' })], { counter: c })).toBeNull();
    const t = ticket({ targetCounterId: 1 });
    expect(pick([ticket(), t], { counter: c })).toBe(t.id);
  });

  it('ties on queuedAt are broken by seq', () => {
    const late = ticket({ seq: 12, queuedAt: ago(5) });
    const early = ticket({ seq: 11, queuedAt: ago(5) });
    expect(pick([late, early])).toBe(early.id);
    expect(pick([early, late])).toBe(early.id);
    const p12 = ticket({ seq: 12, queuedAt: ago(5), priority: 'elderly' });
    const p11 = ticket({ seq: 11, queuedAt: ago(5), priority: 'elderly' });
    expect(pick([p12, p11])).toBe(p11.id);
    const t12 = ticket({ seq: 12, queuedAt: ago(5), targetCounterId: 1 });
    const t11 = ticket({ seq: 11, queuedAt: ago(5), targetCounterId: 1 });
    expect(pick([t12, t11])).toBe(t11.id);
  });

  it('queuedAt decides before seq', () => {
    const lowSeqLater = ticket({ seq: 1, queuedAt: ago(1) });
    const highSeqEarlier = ticket({ seq: 99, queuedAt: ago(2) });
    expect(pick([lowSeqLater, highSeqEarlier])).toBe(highSeqEarlier.id);
  });
});

describe('chooseNext: transfers', () => {
  it('transfers addressed to this counter go first, even before priority tickets and older tickets', () => {
    const p = ticket({ priority: 'elderly', queuedAt: ago(30) });
    const old = ticket({ queuedAt: ago(60) });
    const t = ticket({ serviceId: 'A', targetCounterId: 1, queuedAt: ago(1) });
    expect(next([p, old, t], { priorityStreak: 2 })).toEqual({ ticket: t, priorityStreak: 2, reason: 'transfer' });
  });

  it('a transfer addressed to this counter is taken even for a service it does not list', () => {
    const t = ticket({ serviceId: 'Z', targetCounterId: 1 });
    expect(pick([ticket({ queuedAt: ago(30) }), t])).toBe(t.id);
  });

  it('the oldest of several transfers to this counter', () => {
    const t1 = ticket({ targetCounterId: 1, queuedAt: ago(2) });
    const t2 = ticket({ targetCounterId: 1, queuedAt: ago(8) });
    expect(pick([t1, t2])).toBe(t2.id);
  });

  it('transfers addressed to another counter are never chosen by this one', () => {
    const elsewhere = ticket({ targetCounterId: 2, queuedAt: ago(60) });
    const elsewhereP = ticket({ targetCounterId: 2, queuedAt: ago(60), priority: 'elderly' });
    const normal = ticket({ queuedAt: ago(1) });
    expect(pick([elsewhere, elsewhereP, normal])).toBe(normal.id);
    expect(next([elsewhere, elsewhereP])).toBeNull();
    expect(next([elsewhere, elsewhereP], { counter: counter({ priority: true }) })).toBeNull();
    // …but counter 2 takes it
    expect(pick([elsewhere, elsewhereP, normal], { counter: counter({ id: 2, number: 2 }) })).toBe(elsewhere.id);
  });

  it('the priority streak is unchanged by a transfer call', () => {
    const t = ticket({ targetCounterId: 1 });
    expect(next([t], { priorityStreak: 0 })?.priorityStreak).toBe(0);
    expect(next([t], { priorityStreak: 3 })?.priorityStreak).toBe(3);
  });

  it('a transfer to a service (no counter) joins that service queue by its queuedAt', () => {
    const transferred = ticket({ serviceId: 'B', queuedAt: ago(20), targetCounterId: null });
    const later = ticket({ serviceId: 'B', queuedAt: ago(10) });
    expect(next([later, transferred])).toEqual({ ticket: transferred, priorityStreak: 0, reason: 'normal' });
  });
});

describe('chooseNext: priority', () => {
  it('priority tickets before normal ones, even older normal ones', () => {
    const n = ticket({ queuedAt: ago(8) });
    const p = ticket({ priority: 'pregnant', queuedAt: ago(1) });
    expect(next([n, p])).toEqual({ ticket: p, priorityStreak: 1, reason: 'priority' });
  });

  it('the oldest priority ticket first', () => {
    const p1 = ticket({ priority: 'elderly', queuedAt: ago(2) });
    const p2 = ticket({ priority: 'disabled', serviceId: 'B', queuedAt: ago(4) });
    expect(pick([p1, p2])).toBe(p2.id);
  });

  it('priority order is fifo across services even on an ordered counter', () => {
    const c = counter({ serviceIds: ['A', 'B'], serviceOrder: 'ordered' });
    const pa = ticket({ priority: 'elderly', serviceId: 'A', queuedAt: ago(2) });
    const pb = ticket({ priority: 'elderly', serviceId: 'B', queuedAt: ago(4) });
    expect(pick([pa, pb], { counter: c })).toBe(pb.id);
  });

  it('a normal counter does not take priority tickets of services it does not list', () => {
    const c = counter({ serviceIds: ['A'] });
    const pc = ticket({ priority: 'elderly', serviceId: 'C', queuedAt: ago(20) });
    const a = ticket({ serviceId: 'A', queuedAt: ago(1) });
    expect(pick([pc, a], { counter: c })).toBe(a.id);
    expect(next([pc], { counter: c })).toBeNull();
  });

  it('a priority counter takes priority tickets of services it does not list, but not normal tickets of those', () => {
    const c = counter({ serviceIds: ['A'], priority: true });
    const pc = ticket({ priority: 'elderly', serviceId: 'C', queuedAt: ago(1) });
    const nc = ticket({ serviceId: 'C', queuedAt: ago(60) });
    const na = ticket({ serviceId: 'A', queuedAt: ago(30) });
    expect(next([nc, na, pc], { counter: c })).toEqual({ ticket: pc, priorityStreak: 1, reason: 'priority' });
    expect(pick([nc, na], { counter: c })).toBe(na.id);
    expect(next([nc], { counter: c })).toBeNull();
  });

  it('a priority ticket the priority counter sent on to a field it does not serve is not called back by it', () => {
    const c = counter({ serviceIds: ['A'], priority: true });
    const sentOn = ticket({ priority: 'elderly', serviceId: 'C', firstCalledAt: ago(10), queuedAt: ago(20) });
    const fresh = ticket({ priority: 'pregnant', serviceId: 'C', queuedAt: ago(1) });
    expect(pick([sentOn, fresh], { counter: c })).toBe(fresh.id);
    expect(next([sentOn], { counter: c })).toBeNull();
    // Sent on into a field it serves, it is the counter's again; and the field's own counters take it first as priority.
    expect(pick([{ ...sentOn, serviceId: 'A' }], { counter: c })).toBe(sentOn.id);
    expect(pick([sentOn, ticket({ serviceId: 'C', queuedAt: ago(60) })], { counter: counter({ serviceIds: ['C'] }) })).toBe(sentOn.id);
  });

  it('a priority counter with no services of its own serves only priority tickets', () => {
    const c = counter({ serviceIds: [], priority: true });
    const p = ticket({ priority: 'disabled', serviceId: 'C' });
    expect(pick([ticket({ queuedAt: ago(50) }), p], { counter: c })).toBe(p.id);
    expect(next([ticket({ queuedAt: ago(50) })], { counter: c })).toBeNull();
  });
});

describe('chooseNext: anti-starvation (after 3 priority calls, a normal ticket waiting ≥ 10 min)', () => {
  const p = () => ticket({ priority: 'elderly', queuedAt: ago(1) });

  it('after 3 priority calls in a row, a normal ticket waiting exactly 10 min is taken and the streak resets', () => {
    const n = ticket({ queuedAt: ago(10) });
    expect(next([p(), n], { priorityStreak: 3 })).toEqual({ ticket: n, priorityStreak: 0, reason: 'anti_starvation' });
  });

  it('a normal ticket waiting 9 min is not taken: the priority ticket goes and the streak grows', () => {
    const pr = p();
    const n = ticket({ queuedAt: ago(9) });
    expect(next([pr, n], { priorityStreak: 3 })).toEqual({ ticket: pr, priorityStreak: 4, reason: 'priority' });
    // one millisecond short of 10 minutes is still not enough
    expect(next([pr, ticket({ queuedAt: NOW - 600_000 + 1 })], { priorityStreak: 3 })?.reason).toBe('priority');
  });

  it('not before the streak reaches 3', () => {
    const pr = p();
    expect(next([pr, ticket({ queuedAt: ago(45) })], { priorityStreak: 2 })).toEqual({ ticket: pr, priorityStreak: 3, reason: 'priority' });
  });

  it('applies at any streak ≥ 3', () => {
    expect(next([p(), ticket({ queuedAt: ago(15) })], { priorityStreak: 7 })?.reason).toBe('anti_starvation');
  });

  it('antiStarvationAfter: 0 turns it off', () => {
    const off = { ...rules, antiStarvationAfter: 0 };
    const pr = p();
    for (const priorityStreak of [0, 3, 100]) {
      expect(next([pr, ticket({ queuedAt: ago(120) })], { priorityStreak, rules: off })).toEqual({ ticket: pr, priorityStreak: priorityStreak + 1, reason: 'priority' });
    }
  });

  it('uses the configured wait', () => {
    const short = { ...rules, antiStarvationWaitSeconds: 60 };
    expect(next([p(), ticket({ queuedAt: ago(2) })], { priorityStreak: 3, rules: short })?.reason).toBe('anti_starvation');
    const after1 = { ...rules, antiStarvationAfter: 1 };
    expect(next([p(), ticket({ queuedAt: ago(11) })], { priorityStreak: 1, rules: after1 })?.reason).toBe('anti_starvation');
  });

  it('transfers addressed to the counter still come before a starving normal ticket', () => {
    const t = ticket({ targetCounterId: 1, queuedAt: ago(1) });
    expect(next([p(), ticket({ queuedAt: ago(30) }), t], { priorityStreak: 5 })).toEqual({ ticket: t, priorityStreak: 5, reason: 'transfer' });
  });

  it('the starving ticket must be one the counter serves', () => {
    const c = counter({ serviceIds: ['A'], priority: true });
    const pr = p();
    expect(next([pr, ticket({ serviceId: 'C', queuedAt: ago(60) })], { counter: c, priorityStreak: 3 })?.ticket.id).toBe(pr.id);
  });

  it('streak counting over a run of calls: +1 per priority call, reset on normal, unchanged on transfer', () => {
    // priorities arrive at 10:00 − 8…4 min; one normal ticket waiting 20 min; one transfer to this counter
    const ps = [8, 7, 6, 5, 4].map((m) => ticket({ priority: 'elderly', queuedAt: ago(m) }));
    const n1 = ticket({ queuedAt: ago(20) });
    const n2 = ticket({ queuedAt: ago(3) });
    let waiting: Ticket[] = [...ps, n1, n2];
    let streak = 0;
    const log: [string, string, number][] = [];
    for (let i = 0; i < 10; i++) {
      if (i === 2) waiting = [...waiting, ticket({ id: 'tr', targetCounterId: 1, queuedAt: ago(1) })];
      const c = chooseNext({ counter: counter(), priorityStreak: streak, waiting, now: NOW, rules });
      if (!c) break;
      streak = c.priorityStreak;
      log.push([c.ticket.id, c.reason, streak]);
      waiting = waiting.filter((t) => t.id !== c.ticket.id);
    }
    expect(log).toEqual([
      [ps[0]!.id, 'priority', 1],
      [ps[1]!.id, 'priority', 2],
      ['tr', 'transfer', 2],
      [ps[2]!.id, 'priority', 3],
      [n1.id, 'anti_starvation', 0],
      [ps[3]!.id, 'priority', 1],
      [ps[4]!.id, 'priority', 2],
      [n2.id, 'normal', 0],
    ]);
  });

  it('the chosen ticket object is the one from the list, unmodified', () => {
    const n = ticket({ queuedAt: ago(30) });
    const frozen = Object.freeze({ ...n });
    const choice = next([Object.freeze(p()), frozen], { priorityStreak: 3 });
    expect(choice?.ticket).toBe(frozen);
  });
});

describe('waitingAhead', () => {
  it('0 when the ticket is first (or alone)', () => {
    const t = ticket();
    expect(waitingAhead(t, [t])).toBe(0);
    expect(waitingAhead(t, [])).toBe(0);
  });

  it('a normal ticket: earlier normal tickets and every priority ticket of its service', () => {
    const me = ticket({ queuedAt: ago(5) });
    const list = [
      ticket({ queuedAt: ago(9) }), // ahead
      ticket({ queuedAt: ago(7) }), // ahead
      ticket({ queuedAt: ago(2) }), // behind
      ticket({ queuedAt: ago(1), priority: 'elderly' }), // ahead: priority even though later
      ticket({ queuedAt: ago(9), serviceId: 'B' }), // other service
      ticket({ queuedAt: ago(9), serviceId: 'B', priority: 'elderly' }), // other service
      ticket({ queuedAt: ago(9), status: 'called' }), // not waiting
      ticket({ queuedAt: ago(9), status: 'on_hold' }), // not waiting
      me,
    ];
    expect(waitingAhead(me, list)).toBe(3);
  });

  it('a priority ticket: only earlier priority tickets of its service', () => {
    const me = ticket({ queuedAt: ago(5), priority: 'pregnant' });
    const list = [
      ticket({ queuedAt: ago(9) }), // normal, even older: behind
      ticket({ queuedAt: ago(8), priority: 'elderly' }), // ahead
      ticket({ queuedAt: ago(2), priority: 'elderly' }), // behind
      ticket({ queuedAt: ago(8), priority: 'elderly', serviceId: 'B' }), // other service
      me,
    ];
    expect(waitingAhead(me, list)).toBe(1);
  });

  it('ties on queuedAt broken by seq', () => {
    const me = ticket({ seq: 10, queuedAt: ago(5) });
    expect(waitingAhead(me, [ticket({ seq: 9, queuedAt: ago(5) }), ticket({ seq: 11, queuedAt: ago(5) }), me])).toBe(1);
  });

  it('does not count the ticket itself even when another copy of it is in the list', () => {
    const me = ticket();
    expect(waitingAhead(me, [{ ...me }, me])).toBe(0);
  });

  it('agrees with chooseNext: the count equals how many calls happen before it at a single counter', () => {
    const c = counter({ serviceIds: ['A'] });
    const list = [
      ticket({ queuedAt: ago(9) }),
      ticket({ queuedAt: ago(7), priority: 'elderly' }),
      ticket({ queuedAt: ago(6) }),
      ticket({ queuedAt: ago(2), priority: 'disabled' }),
      ticket({ queuedAt: ago(1) }),
    ];
    const me = ticket({ queuedAt: ago(4) });
    let waiting = [...list, me];
    let calls = 0;
    for (;;) {
      const choice = chooseNext({ counter: c, priorityStreak: 0, waiting, now: NOW, rules: { ...rules, antiStarvationAfter: 0 } });
      if (!choice || choice.ticket.id === me.id) break;
      waiting = waiting.filter((t) => t.id !== choice.ticket.id);
      calls++;
    }
    expect(waitingAhead(me, [...list, me])).toBe(calls);
    expect(calls).toBe(4);
  });
});

describe('chooseNext: bookings (channel appointment) with priority and walk-ins', () => {
  const bookedRules: QueueRules = { ...rules, bookedCallsInARow: 2, walkInWaitSeconds: 20 * 60 };
  /** A checked-in booking for a slot at `slotIn` minutes from now (negative: the slot has begun). */
  const booking = (slotIn: number, over: Partial<Ticket> = {}) =>
    ticket({ channel: 'appointment', appointmentAt: NOW + slotIn * MIN, queuedAt: ago(3), ...over });
  const nextB = (waiting: Ticket[], over: Partial<ChooseNextInput> = {}) => next(waiting, { rules: bookedRules, ...over });

  it('a booking whose slot has come goes before an earlier walk-in of its field', () => {
    const walkIn = ticket({ queuedAt: ago(40) });
    const b = booking(0, { queuedAt: ago(10) });
    expect(nextB([walkIn, b])).toEqual({ ticket: b, priorityStreak: 0, reason: 'appointment' });
  });

  it('a booking checked in early waits for its slot while walk-ins are served, and is called early only when nobody else waits', () => {
    const walkIn = ticket({ queuedAt: ago(1) });
    const early = booking(10, { queuedAt: ago(5) });
    expect(nextB([early, walkIn])?.ticket.id).toBe(walkIn.id);
    expect(nextB([early])).toMatchObject({ ticket: early, reason: 'appointment' });
    // At its slot time the same booking goes first.
    expect(nextB([early, walkIn], { now: NOW + 10 * MIN })?.ticket.id).toBe(early.id);
  });

  it('bookings are called by slot time, not by check-in time', () => {
    const nine = booking(-5, { queuedAt: ago(2) });
    const quarterTo = booking(-20, { queuedAt: ago(1) });
    expect(nextB([nine, quarterTo])?.ticket.id).toBe(quarterTo.id);
  });

  it('behind priority tickets and behind transfers addressed to the counter', () => {
    const b = booking(-1);
    const p = ticket({ priority: 'elderly', queuedAt: ago(1) });
    const tr = ticket({ targetCounterId: 1, queuedAt: ago(1) });
    expect(nextB([b, p, tr])?.reason).toBe('transfer');
    expect(nextB([b, p])).toMatchObject({ ticket: p, reason: 'priority' });
    expect(nextB([b])?.ticket.id).toBe(b.id);
  });

  it('a booking of a field the counter does not serve is not its to call', () => {
    expect(nextB([booking(-1, { serviceId: 'C' })])).toBeNull();
  });

  it('anti-starvation: after 2 booked calls in a row, a walk-in who waited 20 min goes before the next due booking', () => {
    const b = booking(-1);
    const longWalkIn = ticket({ queuedAt: ago(25) });
    const shortWalkIn = ticket({ queuedAt: ago(5) });
    expect(nextB([b, longWalkIn], { bookedStreak: 1 })?.ticket.id).toBe(b.id);
    expect(nextB([b, longWalkIn], { bookedStreak: 2 })).toMatchObject({ ticket: longWalkIn, reason: 'anti_starvation' });
    // A walk-in who has not waited long enough does not jump the booking.
    expect(nextB([b, shortWalkIn], { bookedStreak: 5 })?.ticket.id).toBe(b.id);
    // Rule off (0): bookings keep going first.
    expect(nextB([b, longWalkIn], { bookedStreak: 9, rules: { ...bookedRules, bookedCallsInARow: 0 } })?.ticket.id).toBe(b.id);
  });

  it('a whole morning: priority, bookings and walk-ins together at one counter', () => {
    let now = NOW;
    let priorityStreak = 0;
    let bookedStreak = 0;
    const w1 = ticket({ number: 'W1', queuedAt: NOW - 30 * MIN });
    const w2 = ticket({ number: 'W2', queuedAt: NOW - 25 * MIN });
    const b1 = booking(0, { number: 'B1', queuedAt: NOW - 10 * MIN });
    const b2 = booking(5, { number: 'B2', queuedAt: NOW - 8 * MIN });
    const b3 = booking(10, { number: 'B3', queuedAt: NOW - 6 * MIN });
    const p1 = ticket({ number: 'P1', priority: 'pregnant', queuedAt: NOW - 2 * MIN });
    let waiting = [w1, w2, b1, b2, b3, p1];
    const order: string[] = [];
    while (waiting.length > 0) {
      const c = chooseNext({ counter: counter(), priorityStreak, bookedStreak, waiting, now, rules: bookedRules });
      if (!c) break;
      order.push(c.ticket.number);
      priorityStreak = c.priorityStreak;
      bookedStreak = c.reason === 'appointment' ? bookedStreak + 1 : 0;
      waiting = waiting.filter((t) => t.id !== c.ticket.id);
      now += 5 * MIN;
    }
    // 10:00 P1 (priority first); 10:05 B1 (due since 10:00); 10:10 B2 (due 10:05); 10:15: two bookings in a row
    // and W1 has waited 45 min → W1; 10:20 B3; 10:25 W2.
    expect(order).toEqual(['P1', 'B1', 'B2', 'W1', 'B3', 'W2']);
  });

  it('waitingAhead: a booking counts priority tickets and earlier slots only; a walk-in counts bookings that checked in before it', () => {
    const b9 = booking(0, { queuedAt: ago(2) });
    const b845 = booking(-15, { queuedAt: ago(1) });
    const w = ticket({ queuedAt: ago(30) });
    const p = ticket({ priority: 'elderly' });
    const all = [b9, b845, w, p];
    expect(waitingAhead(b9, all)).toBe(2);
    expect(waitingAhead(b845, all)).toBe(1);
    expect(waitingAhead(w, all)).toBe(1);
  });
});
