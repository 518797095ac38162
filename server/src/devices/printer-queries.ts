import type { Db } from '../store/open';

export function printerQueries(db: Db) {
  const unprinted = db.prepare<[string], { id: string }>(`SELECT id FROM tickets WHERE service_day = ? AND printed = 0 ORDER BY issued_at, id`);
  return {
    /** Ids of the day's tickets the printer could not print, oldest first. */
    unprintedIds: (serviceDay: string): string[] => unprinted.all(serviceDay).map((r) => r.id),
  };
}
