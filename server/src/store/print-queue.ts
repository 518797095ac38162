import type { Db } from './open';

export function printQueueQueries(db: Db) {
  // A ticket asked for a printer when its `ticket.issued` row carries `print`; `printed` stays NULL until the outcome.
  const waiting = db.prepare<[string], { id: string }>(
    `SELECT t.id FROM tickets t JOIN events e INDEXED BY events_ticket ON e.ticket_id = t.id AND e.type = 'ticket.issued'
     WHERE t.service_day = ? AND t.printed IS NULL AND json_extract(e.payload, '$.print') IS NOT NULL ORDER BY t.issued_at, t.id`,
  );
  return {
    /** The day's tickets sent to a printer whose outcome was never stored (the process died while printing). */
    awaitingOutcome: (serviceDay: string): string[] => waiting.all(serviceDay).map((r) => r.id),
  };
}
