import type { CallDto, CounterDto } from '@qms/protocol';
import { describe, expect, it } from 'vitest';
import { callKey, missedCalls } from './missed-calls';

const at = (s: number) => new Date(Date.parse('2026-03-16T09:00:00+07:00') + s * 1000).toISOString();
const call = (id: string, counterId: number, s: number) => ({ ticket: { id, number: id, status: 'called' }, counterId, counterNumber: counterId, recall: false, at: at(s) }) as unknown as CallDto;
const counter = (id: number, ticketId: string | null, status = 'called') =>
  ({ id, number: id, status: 'open', currentTicket: ticketId ? { id: ticketId, status } : null }) as unknown as CounterDto;

describe('the calls a display missed while away', () => {
  const recentCalls = [call('t5', 2, 100), call('t4', 1, 90), call('t3', 1, 80), call('t2', 3, 45), call('t1', 4, 10)];
  const counters = [counter(1, 't4'), counter(2, 't5', 'serving'), counter(3, 't2'), counter(4, 't1')];
  const snapshot = { recentCalls, counters, serverTime: at(100) };
  const all = () => true;

  it('the newest call at each counter, still live there, in the last 60 s of the server clock (t1 is older), oldest first', () => {
    expect(missedCalls(snapshot, () => false, all).map((c) => c.ticket.id)).toEqual(['t2', 't4', 't5']);
  });

  it('never one already said, nor one at a counter this display does not show', () => {
    const said = new Set([callKey(recentCalls[1]!)]);
    expect(missedCalls(snapshot, (k) => said.has(k), (id) => id !== 3).map((c) => c.ticket.id)).toEqual(['t5']);
  });

  it('not a call its counter has moved on from (closed, or serving someone else)', () => {
    const moved = [counter(1, null), counter(2, 't9'), counter(3, 't2', 'done'), counter(4, 't1')];
    expect(missedCalls({ ...snapshot, counters: moved }, () => false, all)).toEqual([]);
  });

  it('by the server clock, not the TV clock that may be off', () => {
    const tvAhead = Date.parse(at(100)) + 3_600_000;
    expect(missedCalls(snapshot, () => false, all, tvAhead)).toHaveLength(3);
    expect(missedCalls({ recentCalls, counters }, () => false, all, tvAhead)).toHaveLength(0);
  });
});
