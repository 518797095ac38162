import { FigureRollup, type TicketFact } from '@qms/protocol/figures';
import type { EventQueries } from '../store/events';
import type { Db } from '../store/open';
import type { RatingQueries } from '../store/ratings';
import { rollupQueries, type CellKey, type HourKey } from '../store/rollups';
import type { TicketQueries } from '../store/tickets';
import { keyFunction, type GroupSource } from './groups';
import { oneTicketSql, ticketsSql, toFact, type RawRow } from './summary';

/** Where a ticket counts in the rollups, and what it counts there. */
interface Placed {
  cell: CellKey;
  hour: HourKey;
  fact: TicketFact;
}

type HourOf = (r: GroupSource) => number;

function place(row: RawRow, hourOf: HourOf): Placed {
  const day = row[2];
  return {
    cell: { day, serviceId: row[1], counterId: row[5] ?? -1, staffId: row[6] ?? -1 },
    hour: { day, hour: hourOf({ serviceId: row[1], serviceDay: day, counterId: row[5], staffId: row[6], issuedAt: row[7] }) },
    fact: toFact(row),
  };
}

const cellId = (k: CellKey) => `${k.day}\u0000${k.serviceId}\u0000${k.counterId}\u0000${k.staffId}`;
const hourId = (k: HourKey) => `${k.day}\u0000${k.hour}`;
const sameCell = (a: CellKey, b: CellKey) => a.day === b.day && a.serviceId === b.serviceId && a.counterId === b.counterId && a.staffId === b.staffId;
const samePlace = (a: Placed | null, b: Placed | null) => a === b || (a !== null && b !== null && sameCell(a.cell, b.cell) && a.hour.hour === b.hour.hour && JSON.stringify(a.fact) === JSON.stringify(b.fact));

interface Change<K> {
  key: K;
  add: TicketFact[];
  remove: TicketFact[];
}

/**
 * The report rollups kept in step with the floor's writes (docs/figures.md). Every ticket, rating or event write of a
 * command first `touch`es its ticket: the ticket's place and fact are read as they stand before the command changes
 * them. `flush`, the last step of the command's transaction, reads them again and moves the difference into the
 * rollup rows, so they commit or roll back with the command. Built from the tickets when missing (the first start
 * after migration 015) or built for another time zone.
 */
export function createRollups(db: Db, timeZone: string) {
  const q = rollupQueries(db);
  const one = db.prepare(oneTicketSql).raw();
  const ofDays = db.prepare(ticketsSql).raw();
  const hourOf = keyFunction('hour', timeZone) as HourOf;
  let touched = new Map<string, Placed | null>();

  const read = (id: string): Placed | null => {
    const row = one.get(id) as RawRow | undefined;
    return row ? place(row, hourOf) : null;
  };

  /** The cell (or hour) built again from the day's tickets: when the max was taken out, it is found again there. */
  function rebuilt(day: string, keep: (p: Placed) => boolean): FigureRollup {
    const r = new FigureRollup();
    for (const row of ofDays.all(day, day) as RawRow[]) {
      const p = place(row, hourOf);
      if (keep(p)) r.add(p.fact);
    }
    return r;
  }

  // The rollup last written per row, kept decoded: when the row still holds exactly those bytes (the command that wrote
  // them was not rolled back), the next change starts from it instead of decoding the row again.
  let written = new Map<string, { bytes: Uint8Array; rollup: FigureRollup }>();

  function apply<K>(changes: Map<string, Change<K>>, stored: (k: K) => Buffer | null, put: (k: K, data: Uint8Array | null) => unknown, again: (k: K) => FigureRollup) {
    for (const [id, { key, add, remove }] of changes) {
      const bytes = stored(key);
      const last = written.get(id);
      let r = bytes && last && last.bytes.length === bytes.length && Buffer.compare(last.bytes, bytes) === 0 ? last.rollup : bytes ? FigureRollup.decode(bytes) : new FigureRollup();
      for (const f of add) r.add(f, 1);
      let stale = false;
      for (const f of remove) stale = r.add(f, -1) || stale;
      if (stale) r = again(key);
      const data = r.isEmpty() ? null : r.encode();
      put(key, data);
      if (written.size > 4096) written = new Map(); // a day's cells are a few hundred; older days are rarely written again
      if (data) written.set(id, { bytes: data, rollup: r });
      else written.delete(id);
    }
  }

  function flush() {
    if (touched.size === 0) return;
    const cells = new Map<string, Change<CellKey>>();
    const hours = new Map<string, Change<HourKey>>();
    const note = <K>(m: Map<string, Change<K>>, id: string, key: K, f: TicketFact, sign: 1 | -1) => {
      let c = m.get(id);
      if (!c) m.set(id, (c = { key, add: [], remove: [] }));
      (sign > 0 ? c.add : c.remove).push(f);
    };
    for (const [id, before] of touched) {
      const after = read(id);
      if (samePlace(before, after)) continue;
      for (const [p, sign] of [[before, -1], [after, 1]] as const) {
        if (!p) continue;
        note(cells, cellId(p.cell), p.cell, p.fact, sign);
        note(hours, hourId(p.hour), p.hour, p.fact, sign);
      }
    }
    touched = new Map();
    apply(cells, q.cell, q.putCell, (k) => rebuilt(k.day, (p) => sameCell(p.cell, k)));
    apply(hours, q.hour, q.putHour, (k) => rebuilt(k.day, (p) => p.hour.hour === k.hour));
  }

  if (q.timeZone() !== timeZone) rebuildRollups(db, timeZone);

  return {
    /** Before a write that may change the ticket's figures (`isNew`: it does not exist yet). */
    touch: (ticketId: string, isNew = false) => {
      if (!touched.has(ticketId)) touched.set(ticketId, isNew ? null : read(ticketId));
    },
    /** When a command's transaction opens: a command run inside another first brings the rollups up to date. */
    begin: () => {
      if (db.inTransaction) flush();
    },
    /** The last step inside the command's transaction. */
    flush,
    /**
     * The transaction failed: what it touched is back as it was, rollups included. (Forgetting is tidiness only: a
     * ticket left here was read as it stands again after the rollback.)
     */
    rollback: () => void (touched = new Map()),
  };
}
export type Rollups = ReturnType<typeof createRollups>;

/** Empties the rollups and builds them again from every ticket (at start, when missing; benchmarks after a bulk fill). */
export function rebuildRollups(db: Db, timeZone: string) {
  const q = rollupQueries(db);
  const hourOf = keyFunction('hour', timeZone) as HourOf;
  const nextDay = db.prepare<[string], string | null>(`SELECT min(service_day) FROM tickets WHERE service_day > ?`).pluck();
  const ofDay = db.prepare(ticketsSql).raw();
  db.transaction(() => {
    q.reset(timeZone);
    for (let day = nextDay.get(''); day; day = nextDay.get(day)) {
      const cells = new Map<string, { key: CellKey; r: FigureRollup }>();
      const hours = new Map<number, FigureRollup>();
      for (const row of ofDay.all(day, day) as RawRow[]) {
        const p = place(row, hourOf);
        const id = cellId(p.cell);
        let c = cells.get(id);
        if (!c) cells.set(id, (c = { key: p.cell, r: new FigureRollup() }));
        c.r.add(p.fact);
        let h = hours.get(p.hour.hour);
        if (!h) hours.set(p.hour.hour, (h = new FigureRollup()));
        h.add(p.fact);
      }
      for (const { key, r } of cells.values()) q.putCell(key, r.encode());
      for (const [hour, r] of hours) q.putHour({ day, hour }, r.encode());
    }
  })();
}

/** The floor's ticket queries, each write announced to the rollups first. */
export function ticketsWithRollups(tickets: TicketQueries, rollups: Rollups): TicketQueries {
  return {
    ...tickets,
    insert: (t) => {
      rollups.touch(t.id, true);
      tickets.insert(t);
    },
    update: (t) => {
      rollups.touch(t.id);
      tickets.update(t);
    },
  };
}

export function eventsWithRollups(events: EventQueries, rollups: Rollups): EventQueries {
  return {
    ...events,
    append: (e) => {
      if (e.ticketId) rollups.touch(e.ticketId);
      return events.append(e);
    },
  };
}

export function ratingsWithRollups(ratings: RatingQueries, rollups: Rollups): RatingQueries {
  return {
    ...ratings,
    insertRating: (r) => {
      rollups.touch(r.ticketId);
      return ratings.insertRating(r);
    },
    insertSkip: (s) => {
      rollups.touch(s.ticketId);
      ratings.insertSkip(s);
    },
  };
}
