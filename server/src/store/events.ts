import type { Db } from './open';

export interface StoredEvent {
  id: number;
  type: string;
  ticketId: string | null;
  counterId: number | null;
  staffId: number | null;
  payload: Record<string, unknown>;
  at: number;
}

export type NewEvent = Omit<StoredEvent, 'id' | 'payload'> & { payload?: Record<string, unknown> };

interface EventRow {
  id: number;
  type: string;
  ticket_id: string | null;
  counter_id: number | null;
  staff_id: number | null;
  payload: string;
  at: number;
}

const toEvent = (r: EventRow): StoredEvent => ({
  id: r.id,
  type: r.type,
  ticketId: r.ticket_id,
  counterId: r.counter_id,
  staffId: r.staff_id,
  payload: JSON.parse(r.payload) as Record<string, unknown>,
  at: r.at,
});

export function eventQueries(db: Db) {
  const append = db.prepare(`INSERT INTO events (type, ticket_id, counter_id, staff_id, payload, at) VALUES (?, ?, ?, ?, ?, ?)`);
  const ofTicket = db.prepare<[string], EventRow>(`SELECT * FROM events WHERE ticket_id = ? ORDER BY id`);
  const printAsked = db.prepare<[string], string | null>(`SELECT json_extract(payload, '$.print') FROM events INDEXED BY events_ticket WHERE ticket_id = ? AND type = 'ticket.issued'`).pluck();
  const lastSignIn = db.prepare<[number], { at: number | null }>(`SELECT max(at) AS at FROM events WHERE counter_id = ? AND type = 'counter.signed_in'`);
  return {
    append: (e: NewEvent): number =>
      Number(append.run(e.type, e.ticketId, e.counterId, e.staffId, JSON.stringify(e.payload ?? {}), e.at).lastInsertRowid),
    ofTicket: (ticketId: string): StoredEvent[] => ofTicket.all(ticketId).map(toEvent),
    /** The `print` field of the ticket's `ticket.issued` row, as JSON text; null when it has none. */
    printAsked: (ticketId: string): string | null => printAsked.get(ticketId) ?? null,
    /** When an officer last signed in at the counter, or null. */
    lastSignIn: (counterId: number): number | null => lastSignIn.get(counterId)?.at ?? null,
  };
}
export type EventQueries = ReturnType<typeof eventQueries>;

/** Exported for the test of their query plans. */
export const recentCallsSql = {
  firstOfDay: `SELECT min(id) FROM events INDEXED BY events_at WHERE at >= ?`,
  calls: `SELECT ticket_id, counter_id, type, at FROM events WHERE type IN ('ticket.called', 'ticket.recalled', 'ticket.unheld') AND id >= ? AND at >= ? ORDER BY id DESC LIMIT ?`,
};

/**
 * The latest calls since `since`, newest first, each ticket once (its latest call, recall or bring-back). Bounded to the
 * events from the first one at or after `since` (found through `events_at`), so its cost follows today's calls, not
 * every call ever made (the index `events_type_id` then reads only today's part of each type).
 */
export function recentCalls(db: Db, since: number, limit: number) {
  const first = db.prepare<[number], number | null>(recentCallsSql.firstOfDay).pluck().get(since) ?? null;
  if (first === null) return [];
  const rows = db.prepare<[number, number, number], { ticket_id: string; counter_id: number; type: string; at: number }>(recentCallsSql.calls).all(first, since, limit * 4);
  return rows.filter((r, i) => rows.findIndex((o) => o.ticket_id === r.ticket_id) === i).slice(0, limit);
}
