import type { Ticket } from '../queue';
import { dayCountsFromDb, type DayCounts, type DoneTime } from '../store/day-tally';
import type { Db } from '../store/open';
import type { TicketQueries } from '../store/tickets';

/** How many recent service times the wait estimate averages (as the query it replaces read). */
const RECENT = 20;

/**
 * What every floor operation reads about the service day (waiting per field, tickets issued per field, recent
 * service times), kept in memory instead of counted again from the tickets table each time. Every ticket write goes
 * through `changed` inside the command's transaction; `rollback` undoes the command's changes when the transaction
 * fails, so the state always equals `dayCountsFromDb` (tested in day-state.test.ts). Built from the database at start
 * and on each new service day.
 */
export function createDayState(db: Db) {
  let day = '';
  let counts: DayCounts = { waiting: new Map(), issued: new Map(), done: new Map() };
  // Undo steps of the command in progress, newest last; null outside a command.
  let undo: (() => void)[] | null = null;
  const outer: ((() => void)[] | null)[] = [];

  function on(d: string) {
    if (d === day) return;
    const before = { day, counts };
    day = d;
    counts = dayCountsFromDb(db, d);
    undo?.push(() => ({ day, counts } = before));
  }

  function add<K>(map: Map<K, number>, key: K, by: number) {
    const n = (map.get(key) ?? 0) + by;
    if (n === 0) map.delete(key);
    else map.set(key, n);
    undo?.push(() => add(map, key, -by));
  }

  function addWaiting(serviceId: string, total: number, priority: number) {
    const w = counts.waiting.get(serviceId) ?? { total: 0, priority: 0 };
    const next = { total: w.total + total, priority: w.priority + priority };
    if (next.total === 0) counts.waiting.delete(serviceId);
    else counts.waiting.set(serviceId, next);
    undo?.push(() => addWaiting(serviceId, -total, -priority));
  }

  function addDone(serviceId: string, time: DoneTime) {
    const list = counts.done.get(serviceId) ?? [];
    counts.done.set(serviceId, list);
    // Finishes come in time order: nearly always appended at the end.
    let i = list.length;
    while (i > 0 && list[i - 1]!.finishedAt > time.finishedAt) i--;
    list.splice(i, 0, time);
    undo?.push(() => removeDone(serviceId, time.id));
  }

  function removeDone(serviceId: string, id: string) {
    const list = counts.done.get(serviceId) ?? [];
    const i = list.findIndex((t) => t.id === id);
    if (i < 0) return;
    const [time] = list.splice(i, 1);
    if (list.length === 0) counts.done.delete(serviceId);
    undo?.push(() => addDone(serviceId, time!));
  }

  /** A ticket row written: `before` is the row as it was (null for a new ticket). */
  function changed(before: Ticket | null, after: Ticket) {
    if (after.serviceDay !== day) return;
    if (!before) add(counts.issued, after.serviceId, 1);
    else if (before.serviceId !== after.serviceId) {
      add(counts.issued, before.serviceId, -1);
      add(counts.issued, after.serviceId, 1);
    }
    if (before?.status === 'waiting') addWaiting(before.serviceId, -1, before.priority === null ? 0 : -1);
    if (after.status === 'waiting') addWaiting(after.serviceId, 1, after.priority === null ? 0 : 1);
    if (before?.status === 'done') removeDone(before.serviceId, before.id);
    if (after.status === 'done') {
      const from = after.startedAt ?? after.firstCalledAt;
      addDone(after.serviceId, { id: after.id, finishedAt: after.finishedAt!, seconds: from === null ? NaN : (after.finishedAt! - from) / 1000 });
    }
  }

  return {
    on,
    changed,
    /** Called when a command's transaction opens; `rollback` or `commit` closes it. */
    begin: () => {
      outer.push(undo);
      undo = [];
    },
    commit: () => {
      const steps = undo ?? [];
      undo = outer.pop() ?? null;
      undo?.push(...steps); // a command run inside another is undone with it
    },
    rollback: () => {
      const steps = undo ?? [];
      undo = null;
      for (let i = steps.length - 1; i >= 0; i--) steps[i]!();
      undo = outer.pop() ?? null;
    },
    waitingCounts: (d: string) => (on(d), counts.waiting),
    issuedCount: (d: string, serviceId: string) => (on(d), counts.issued.get(serviceId) ?? 0),
    /** The latest service times of the field today, newest first. */
    recentServiceSeconds: (d: string, serviceId: string) => (on(d), (counts.done.get(serviceId) ?? []).slice(-RECENT).map((t) => t.seconds).reverse()),
    /** Tests: the state as it stands, to compare with `dayCountsFromDb`. */
    current: () => ({ day, counts }),
  };
}
export type DayState = ReturnType<typeof createDayState>;

/** The ticket queries with every write fed to the day state, and the day's counts read from it. */
export function ticketsWithDayState(tickets: TicketQueries, state: DayState): TicketQueries {
  return {
    ...tickets,
    insert: (t) => {
      tickets.insert(t);
      state.changed(null, t);
    },
    update: (t) => {
      const before = tickets.get(t.id);
      tickets.update(t);
      state.changed(before, t);
    },
    waitingCounts: (day) => new Map(state.waitingCounts(day)),
    issuedCount: (day, serviceId) => state.issuedCount(day, serviceId),
    recentServiceSeconds: (day, serviceId) => state.recentServiceSeconds(day, serviceId),
  };
}
