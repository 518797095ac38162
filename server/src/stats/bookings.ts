import type { Bookings, StatsGroupBy } from '@qms/protocol';
import type { Db } from '../store/open';
import { keyFunction } from './groups';

type Key = string | number;

/** The groupings a booking has a key in: a booking is at no counter and with no officer. */
const bookingGroupings: readonly StatsGroupBy[] = ['service', 'day', 'hour', 'weekday', 'weekday_hour'];
export const groupsBookings = (by: StatsGroupBy) => bookingGroupings.includes(by);

export const noBookings = (): Bookings => ({ made: 0, kept: 0, cancelled: 0, noShow: 0, late: 0, open: 0 });

type Row = [serviceId: string, serviceDay: string, slotStart: number, status: string, late: number];

function count(b: Bookings, r: Row) {
  b.made++;
  if (r[3] === 'checked_in') b.kept++;
  else if (r[3] === 'cancelled') b.cancelled++;
  else if (r[3] === 'no_show') {
    b.noShow++;
    if (r[4]) b.late++;
  } else b.open++;
}

/**
 * The bookings whose slot lies on local dates `from`…`to` (docs/figures.md "Lịch hẹn"): counted on their slot's day,
 * a moved booking once, on the day of the slot it has now; a group's hour is its slot's. The table holds a center's
 * bookings only (a few per field and slot), so it is read whole for the range.
 */
export function bookingsIn(db: Db, req: { from: string; to: string; timeZone: string }, groupBys: readonly StatsGroupBy[]) {
  const totals = noBookings();
  const groupings = groupBys.filter(groupsBookings).map((by) => ({ by, keyOf: keyFunction(by, req.timeZone), groups: new Map<Key, Bookings>() }));
  const rows = db
    .prepare(`SELECT service_id, service_day, slot_start, status, ticket_id IS NOT NULL FROM appointments INDEXED BY appointments_by_slot WHERE service_day BETWEEN ? AND ?`)
    .raw()
    .all(req.from, req.to) as Row[];
  for (const r of rows) {
    count(totals, r);
    for (const { keyOf, groups } of groupings) {
      const key = keyOf({ serviceId: r[0], serviceDay: r[1], counterId: null, staffId: null, issuedAt: r[2] });
      let b = groups.get(key);
      if (!b) groups.set(key, (b = noBookings()));
      count(b, r);
    }
  }
  return { totals, groups: new Map(groupings.map((g) => [g.by, g.groups])) };
}
