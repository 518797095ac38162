import { describe, expect, it } from 'vitest';
import { ticketId } from './ticket-id';

describe('ticket ids', () => {
  it('are UUIDs of version 7 that sort in the order of issue, and differ within one millisecond', () => {
    const at = Date.parse('2026-03-16T01:30:00Z');
    const ids = [at, at, at + 1, at + 60_000, at + 86_400_000].map(ticketId);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[0]).not.toBe(ids[1]);
    expect(ids.slice(1)).toEqual([...ids.slice(1)].sort());
    expect(parseInt(ids[2]!.replace(/-/g, '').slice(0, 12), 16)).toBe(at + 1);
  });
});
