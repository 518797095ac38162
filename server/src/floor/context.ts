import { EventEmitter } from 'node:events';
import { startOfLocalDay, toLocalIso, type FloorEvent, type Snapshot } from '@qms/protocol';
import type { CenterConfig } from '../config/schema';
import { QueueError, serviceDayOf, type QueueRules } from '../queue';
import { appointmentQueries } from '../store/appointments';
import { counterQueries, type CounterState } from '../store/counters';
import { displaySettingsQueries } from '../store/display-settings';
import { eventQueries, recentCalls, type NewEvent } from '../store/events';
import { idempotencyQueries, type StoredReply } from '../store/idempotency';
import type { Db } from '../store/open';
import { noteDurableCommit, noteLazyCommit } from '../store/lazy-commits';
import { loadServices } from '../store/services';
import { ledAddressQueries } from '../store/led-addresses';
import { effectiveConfig, setupQueries } from '../store/setup';
import { ticketQueries } from '../store/tickets';
import { userQueries } from '../store/users';
import { createRollups, eventsWithRollups, ticketsWithRollups } from '../stats/rollups';
import { createDayState, ticketsWithDayState } from './day-state';
import { watchWrites, type FloorFaults } from './faults';
import { centerCalendar } from './center-day';
import { callDto, counterDto, serviceDtos, ticketDto } from './views';

/** How long a print outcome waits for a command to share its commit with (the kiosk hears of its paper that much later). */
const LAZY_WAIT_MS = 10;

export interface FloorDeps {
  db: Db;
  config: CenterConfig;
  /** Milliseconds since the epoch; injected so tests and benchmarks can run a whole day in a second. */
  now: () => number;
  newId: () => string;
  /** Tests only: fault points (see `faults.ts`). */
  faults?: FloorFaults;
}

/** A request's `Idempotency-Key` and how the command's result becomes the HTTP reply, stored in the command's transaction. */
export interface ReplyRecord<T> {
  key: string;
  reply: (result: T) => StoredReply;
}

export interface RunOptions<T> {
  /** The command's name, for fault points (`QMS_FAULT=after-commit:<label>`). */
  label?: string;
  once?: ReplyRecord<T> | null;
}

export type Draft = FloorEvent extends infer E ? (E extends FloorEvent ? Omit<E, 'seq' | 'at'> : never) : never;

/** What a command sees while its transaction is open. */
export interface Tx {
  now: number;
  day: string;
  /** Appends to the event log, in the transaction. */
  log: (e: Omit<NewEvent, 'at'>) => void;
  /** Queues a realtime event, published only after the commit. */
  emit: (e: Draft) => void;
}

export type FloorContext = ReturnType<typeof createContext>;

/** A command waiting for its group's commit (`grouped`). */
interface Grouped {
  command: () => unknown;
  durable: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  after: (() => void)[];
  /** Answers the caller with what the command returned or threw; called once the group is committed. */
  settle: () => void;
}

/**
 * A command that changes a counter twice (call-next finishes the ticket in progress, then calls the next) publishes
 * only the counter's last state, where its last change was: `counter.updated` replaces the whole counter on every
 * screen, so the state in between would be overwritten at once, after costing one more message to every socket.
 */
export function latestCounterStates(drafts: Draft[]): Draft[] {
  const last = new Map<number, number>();
  let counters = 0;
  drafts.forEach((d, i) => {
    if (d.type !== 'counter.updated') return;
    last.set(d.counter.id, i);
    counters++;
  });
  return counters === last.size ? drafts : drafts.filter((d, i) => d.type !== 'counter.updated' || last.get(d.counter.id) === i);
}

export function createContext(deps: FloorDeps) {
  const { config } = deps;
  const faults = deps.faults ?? {};
  // Writes are counted only while a command runs; -1 outside.
  let writes = -1;
  const db = faults.afterFirstWrite
    ? watchWrites(deps.db, (sql) => {
        if (writes >= 0 && writes++ === 0) faults.afterFirstWrite?.(sql);
      })
    : deps.db;
  const timeZone = config.timezone;
  const dayState = createDayState(db);
  // Report rollups, kept in each command's transaction (stats/rollups.ts).
  const rollups = createRollups(db, timeZone);
  const q = {
    tickets: ticketsWithDayState(ticketsWithRollups(ticketQueries(db), rollups), dayState),
    events: eventsWithRollups(eventQueries(db), rollups),
    counters: counterQueries(db),
    users: userQueries(db),
    idempotency: idempotencyQueries(db),
    displaySettings: displaySettingsQueries(db),
    setup: setupQueries(db),
    led: ledAddressQueries(db),
    appointments: appointmentQueries(db),
  };
  const services = loadServices(db, config.defaultHours);
  const serviceById = new Map(services.map((s) => [s.id, s]));
  const calendar = centerCalendar(db, config);
  const rulesOf = (c: CenterConfig): QueueRules => ({
    priorityCategories: c.priorityCategories.map((p) => p.code),
    antiStarvationAfter: c.antiStarvation.afterPriorityCalls,
    antiStarvationWaitSeconds: c.antiStarvation.normalWaitMinutes * 60,
  });
  const rules: QueueRules = rulesOf(config);

  /**
   * Reads the setup again from the database after an admin changed it (inside the change's transaction, and again
   * after a rollback). The objects are updated in place, so every module holding them sees the new setup; the time
   * zone stays as it was at start (a new one applies at the next start).
   */
  function reloadSetup() {
    Object.assign(config, { ...effectiveConfig(db, config), timezone: timeZone });
    services.splice(0, services.length, ...loadServices(db, config.defaultHours));
    serviceById.clear();
    for (const s of services) serviceById.set(s.id, s);
    Object.assign(rules, rulesOf(config));
  }
  const bus = new EventEmitter<{ event: [FloorEvent] }>();
  bus.setMaxListeners(0);
  const startedAt = deps.now();
  let seq = 0;
  let closedThrough: string | null = null;
  const syncNormal = deps.db.prepare('PRAGMA synchronous = NORMAL');
  const syncFull = deps.db.prepare('PRAGMA synchronous = FULL');
  // Group commit (`grouped`): the commands waiting for the end of this turn of the event loop, and while they run,
  // what each command does once the group is committed.
  let waiting: Grouped[] = [];
  // When the waiting group runs: at the end of this turn ('now') once a durable command waits; lazy commands alone
  // first wait a little for one, so that on a busy floor they share its commit instead of making commits of their own.
  let scheduled: 'now' | 'later' | null = null;
  let lazyTimer: ReturnType<typeof setTimeout> | undefined;
  let afterGroup: (() => void)[] | null = null;

  /**
   * Runs `fn` in one SQLite transaction; its events reach listeners only after the commit. With `once`, the reply
   * to the request is stored under its Idempotency-Key in the same transaction, so a retry after a crash gets it.
   */
  function run<T>(fn: (tx: Tx) => T, opts: RunOptions<T> = {}): T {
    const now = deps.now();
    const day = serviceDayOf(now, timeZone);
    const drafts: Draft[] = [];
    const tx: Tx = {
      now,
      day,
      log: (e) => q.events.append({ ...e, at: now }),
      emit: (e) => drafts.push(e),
    };
    writes = 0;
    let result: T;
    dayState.begin();
    // In a group, the commit and its fsync are the group's (`grouped`).
    const group = afterGroup;
    rollups.begin();
    try {
      result = db.transaction(() => {
        dayState.on(day);
        if (closedThrough !== day) closeEarlierDays(tx);
        const r = fn(tx);
        rollups.flush();
        // Last: a reply that cannot be stored rolls back everything above, the rollups' rows included.
        if (opts.once) q.idempotency.complete(opts.once.key, opts.once.reply(r), now);
        return r;
      })();
      dayState.commit();
    } catch (e) {
      dayState.rollback(); // the in-memory day counts follow the database back
      rollups.rollback();
      throw e;
    } finally {
      writes = -1;
    }
    const committed = () => {
      closedThrough = day;
      if (!group) noteDurableCommit(deps.db);
      if (opts.label) faults.afterCommit?.(opts.label);
      publish(latestCounterStates(drafts), now);
    };
    if (group) group.push(committed);
    else committed();
    return result;
  }

  /**
   * Group commit. `command` (one that calls `run`) waits for the end of this turn of the event loop; then every command
   * that waits runs, each in a savepoint of one transaction: a command's writes, its events and its stored reply stand
   * or fall together as in a transaction of its own, and a command that fails rolls back alone. The transaction commits
   * with one fsync (synchronous=FULL) for all of them; only then does each promise settle and do the events go out.
   * A commit that fails fails them all. Requests that arrive together so share the fsync and the pages they all write
   * (the day's rollups, sequences and the newest index pages) instead of each writing them again.
   * `durable: false`: such a command waits up to LAZY_WAIT_MS for a durable one to share a commit with; a group of them
   * alone commits without fsync (synchronous=NORMAL). Only for a fact the start can tell was lost (a print outcome:
   * `markInterruptedPrints`). It survives a crash of the process (the WAL is in the OS's cache) and reaches the disk with
   * the next fsync'd commit or checkpoint; only a power cut before that loses it.
   */
  function grouped<T>(command: () => T, { durable = true } = {}): Promise<T> {
    if (durable && scheduled !== 'now') {
      clearTimeout(lazyTimer);
      scheduled = 'now';
      setImmediate(runGroup);
    } else if (!durable && scheduled === null) {
      scheduled = 'later';
      lazyTimer = setTimeout(runGroup, LAZY_WAIT_MS);
    }
    return new Promise<T>((resolve, reject) => waiting.push({ command, durable, resolve: resolve as (v: unknown) => void, reject, after: [], settle: () => undefined }));
  }

  function runGroup() {
    const group = waiting;
    waiting = [];
    scheduled = null;
    const lazy = group.every((g) => !g.durable);
    if (lazy) syncNormal.run();
    dayState.begin();
    try {
      db.transaction(() => {
        for (const g of group) {
          afterGroup = g.after;
          try {
            const value = g.command();
            g.settle = () => g.resolve(value);
          } catch (e) {
            g.settle = () => g.reject(e);
            // SQLite rolled the whole transaction back on its own (a full disk, an I/O error): the group fails with it.
            if (!db.inTransaction) throw e;
          }
        }
      })();
      dayState.commit();
    } catch (e) {
      dayState.rollback();
      rollups.rollback();
      for (const g of group) g.reject(e);
      return;
    } finally {
      afterGroup = null;
      if (lazy) syncFull.run();
    }
    if (lazy) noteLazyCommit(deps.db);
    else noteDurableCommit(deps.db);
    for (const g of group) {
      try {
        for (const committed of g.after) committed();
        g.settle();
      } catch (e) {
        g.reject(e);
      }
    }
  }

  /** Sends events to every listener (realtime, devices) with the next sequence numbers. */
  function publish(drafts: Draft[], now = deps.now()) {
    const at = toLocalIso(now, timeZone);
    for (const d of drafts) bus.emit('event', { ...d, seq: ++seq, at } as FloorEvent);
  }

  /** Tickets still open from an earlier service day are cancelled: numbers restart each day, so they could never be called. */
  function closeEarlierDays(tx: Tx) {
    const stale = q.tickets.openBefore(tx.day);
    for (const t of stale) {
      q.tickets.update({ ...t, status: 'cancelled', finishedAt: tx.now });
      tx.log({ type: 'ticket.cancelled', ticketId: t.id, counterId: t.counterId, staffId: null, payload: { reason: 'day_closed', from: t.status } });
    }
    // A counter left open overnight is closed, so the next morning any officer can take it; a restart during the
    // day leaves counters alone because their last sign-in is from today.
    const dayStart = startOfLocalDay(tx.day, timeZone);
    for (const c of q.counters.all()) {
      const stillOpen = c.status !== 'closed' && (q.events.lastSignIn(c.id) ?? 0) < dayStart;
      if (stillOpen) {
        q.counters.save({ ...c, status: 'closed', staffId: null, currentTicketId: null, priorityStreak: 0 });
        tx.log({ type: 'counter.closed', ticketId: null, counterId: c.id, staffId: null, payload: { staffId: c.staffId, reason: 'day_closed' } });
      } else if (c.currentTicketId && stale.some((t) => t.id === c.currentTicketId)) q.counters.save({ ...c, currentTicketId: null });
      else continue;
      tx.emit({ type: 'counter.updated', counter: counterView(counter(c.id)) });
    }
  }

  function service(id: string) {
    const s = serviceById.get(id);
    if (!s) throw new QueueError('unknown_service', { service: id });
    return s;
  }

  function counter(id: number): CounterState {
    const c = q.counters.get(id);
    if (!c) throw new QueueError('unknown_counter', { counter: id });
    return c;
  }

  function staffOf(c: CounterState) {
    const u = c.staffId === null ? null : q.users.byId(c.staffId);
    return u ? { id: u.id, name: u.name, title: u.title, photoVersion: u.photoVersion } : null;
  }

  const counterView = (c: CounterState) =>
    counterDto(c, staffOf(c), c.currentTicketId ? q.tickets.get(c.currentTicketId) : null, timeZone);

  /** The services as screens show them; `only`: just these fields (a partial `services.updated`); `counters`: as just read. */
  function servicesView(now: number, day: string, only?: Iterable<string | null | undefined>, counters = q.counters.all()) {
    const center = calendar.on(day);
    const wanted = only ? new Set(only) : null;
    return serviceDtos({
      block: (check) => calendar.block(check, day, center),
      services: wanted ? services.filter((s) => wanted.has(s.id)) : services,
      counters,
      waiting: q.tickets.waitingCounts(day),
      now,
      timeZone,
      demo: config.demo,
      issuedToday: (id) => q.tickets.issuedCount(day, id),
      recentServiceSeconds: (id) => q.tickets.recentServiceSeconds(day, id),
    });
  }

  function snapshot(options: { withWaiting: boolean }): Snapshot {
    const now = deps.now();
    const day = serviceDayOf(now, timeZone);
    const countersNow = q.counters.all();
    const byId = new Map(countersNow.map((c) => [c.id, c]));
    const recent = recentCalls(db, startOfLocalDay(day, timeZone), 20).flatMap((r) => {
      const t = q.tickets.get(r.ticket_id);
      const c = byId.get(r.counter_id);
      return t && c ? [callDto(t, c, r.type !== 'ticket.called', r.at, timeZone)] : [];
    });
    return {
      centerName: config.center.name,
      timezone: timeZone,
      serviceDay: day,
      demo: config.demo,
      priorityCategories: config.priorityCategories.map((p) => p.code),
      priorities: config.priorityCategories,
      seq,
      serverStartedAt: toLocalIso(startedAt, timeZone),
      serverTime: toLocalIso(now, timeZone),
      services: servicesView(now, day),
      counters: countersNow.map(counterView),
      recentCalls: recent,
      display: q.displaySettings.get(), // the hall displays' settings, changed by the `saveDisplaySettings` command
      ...(options.withWaiting ? { waiting: q.tickets.waiting(day).map((t) => ticketDto(t, timeZone)) } : {}),
    };
  }

  /** Tells screens that these fields' counts or estimates changed: only they go out (`partial`), not the whole list. */
  function servicesChanged(tx: Tx, ids: Iterable<string | null | undefined>, counters?: CounterState[]) {
    tx.emit({ type: 'services.updated', services: servicesView(tx.now, tx.day, ids, counters), partial: true });
  }

  return { deps, db, config, timeZone, q, dayState, rollups, services, service, counter, rules, bus, run, grouped, publish, counterView, servicesView, servicesChanged, snapshot, calendar, reloadSetup };
}
