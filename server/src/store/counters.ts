import type { CounterStatus } from '@qms/protocol';
import type { Counter } from '../queue';
import type { Db } from './open';

export interface CounterState extends Counter {
  name: string;
  status: CounterStatus;
  staffId: number | null;
  currentTicketId: string | null;
  priorityStreak: number;
}

/** A row of `counters`, every column (`SELECT *`). */
export interface CounterRow {
  id: number;
  number: number;
  name: string;
  service_ids: string;
  priority: number;
  service_order: string;
  status: string;
  staff_id: number | null;
  current_ticket_id: string | null;
  priority_streak: number;
  active: number;
}

const toCounter = (r: CounterRow): CounterState => ({
  id: r.id,
  number: r.number,
  name: r.name,
  serviceIds: JSON.parse(r.service_ids) as string[],
  priority: r.priority === 1,
  serviceOrder: r.service_order === 'ordered' ? 'ordered' : 'fifo',
  status: r.status as CounterStatus,
  staffId: r.staff_id,
  currentTicketId: r.current_ticket_id,
  priorityStreak: r.priority_streak,
});

export function counterQueries(db: Db) {
  const all = db.prepare<[], CounterRow>(`SELECT * FROM counters WHERE active = 1 ORDER BY number`);
  const byId = db.prepare<[number], CounterRow>(`SELECT * FROM counters WHERE id = ? AND active = 1`);
  const save = db.prepare(
    `UPDATE counters SET status = @status, staff_id = @staffId, current_ticket_id = @currentTicketId, priority_streak = @priorityStreak WHERE id = @id`,
  );
  return {
    all: (): CounterState[] => all.all().map(toCounter),
    get: (id: number): CounterState | null => {
      const r = byId.get(id);
      return r ? toCounter(r) : null;
    },
    save: (c: CounterState) => void save.run(c),
  };
}
export type CounterQueries = ReturnType<typeof counterQueries>;
