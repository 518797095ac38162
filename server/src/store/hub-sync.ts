import type { HubEvent, HubLiveFloor } from '@qms/protocol/hub';
import type { Db } from './open';

type EventRow = [id: number, type: string, ticketId: string | null, counterId: number | null, staffId: number | null, payload: string, at: number, serviceDay: string | null];

/** What the hub push reads and writes in the center's database: its cursor, the next events, the live floor. */
export function hubSyncQueries(db: Db) {
  const cursor = db.prepare<[], { pushed_through: number }>('SELECT pushed_through FROM hub_sync WHERE id = 1');
  const setCursor = db.prepare('INSERT INTO hub_sync (id, pushed_through) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET pushed_through = excluded.pushed_through');
  const after = db.prepare<[number, number], EventRow>(
    `SELECT e.id, e.type, e.ticket_id, e.counter_id, e.staff_id, e.payload, e.at, t.service_day
     FROM events e LEFT JOIN tickets t ON e.type = 'ticket.issued' AND t.id = e.ticket_id
     WHERE e.id > ? ORDER BY e.id LIMIT ?`,
  );
  const lastId = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM events');
  const waiting = db.prepare<[], { service_id: string; n: number; oldest: number }>(
    `SELECT service_id, count(*) AS n, min(issued_at) AS oldest FROM tickets WHERE status = 'waiting' GROUP BY service_id ORDER BY service_id`,
  );
  const countersOpen = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM counters WHERE status = 'open' AND active = 1`);
  const services = db.prepare<[], { id: string; code: string; name: string; satisfaction_target: number }>(
    'SELECT id, code, name, satisfaction_target FROM services WHERE active = 1 ORDER BY sort, id',
  );
  return {
    pushedThrough: () => cursor.get()?.pushed_through ?? 0,
    setPushedThrough: (id: number) => void setCursor.run(id),
    /** The next `limit` events after `id`, as the hub takes them. */
    eventsAfter: (id: number, limit: number): HubEvent[] =>
      (after.raw().all(id, limit) as EventRow[]).map((r) => ({
        id: r[0],
        type: r[1],
        ticketId: r[2],
        counterId: r[3],
        staffId: r[4],
        payload: JSON.parse(r[5]) as Record<string, unknown>,
        at: r[6],
        ...(r[7] ? { serviceDay: r[7] } : {}),
      })),
    lastEventId: () => lastId.get()?.id ?? 0,
    liveFloor(now: number, eventsBehind: number): HubLiveFloor {
      const rows = waiting.all();
      const waits = rows.map((r) => ({ serviceId: r.service_id, count: r.n, longestWaitSeconds: Math.max(0, Math.round((now - r.oldest) / 1000)) }));
      return {
        waiting: waits,
        waitingTotal: waits.reduce((a, w) => a + w.count, 0),
        longestWaitSeconds: waits.length ? Math.max(...waits.map((w) => w.longestWaitSeconds)) : null,
        countersOpen: countersOpen.get()?.n ?? 0,
        eventsBehind,
      };
    },
    services: () => services.all().map((s) => ({ id: s.id, code: s.code, name: s.name, satisfactionTarget: s.satisfaction_target })),
  };
}
