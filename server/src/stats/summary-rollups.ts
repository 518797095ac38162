import { FigureRollup, parseRollup, servesTarget, type ParsedRollup } from '@qms/protocol/figures';
import type { StatsGroupBy } from '@qms/protocol';
import type { Db } from '../store/open';
import { rollupCellsSql, rollupHoursSql } from '../store/rollups';
import { isoWeekday } from './groups';

/**
 * Up to this many tickets in the range, reports are computed from the tickets, exactly (a pass over 20 000 tickets
 * costs about what reading the rollups does); above, from the rollups, medians and p90 within the sketch's bound.
 */
export const exactUpTo = 20_000;

type Key = string | number;
type CellRow = [day: string, serviceId: string, counterId: number, staffId: number, data: Buffer];
type HourRow = [day: string, hour: number, data: Buffer];

const cellKeys: Partial<Record<StatsGroupBy, (r: CellRow) => Key>> = {
  service: (r) => r[1],
  counter: (r) => (r[2] === -1 ? 'none' : r[2]),
  staff: (r) => (r[3] === -1 ? 'none' : r[3]),
  day: (r) => r[0],
  weekday: (r) => isoWeekday(r[0]),
};
const hourKeys: Partial<Record<StatsGroupBy, (r: HourRow) => Key>> = {
  hour: (r) => r[1],
  weekday_hour: (r) => `${isoWeekday(r[0])}-${String(r[1]).padStart(2, '0')}`,
};

export interface RollupFigures {
  totals: FigureRollup;
  groupings: { by: StatsGroupBy; groups: Map<Key, FigureRollup> }[];
}

/**
 * The totals and groupings of local dates `from`…`to` from the rollups, without reading a ticket; null when they
 * cannot serve it: built for another time zone (or not yet), a wait target that is not a bucket edge, or a range of
 * at most `exactUpTo` tickets (computed exactly instead).
 */
export function figuresFromRollups(
  db: Db,
  req: { from: string; to: string; timeZone: string },
  groupBys: readonly StatsGroupBy[],
  targetWaitSeconds: number,
  exactBelow = exactUpTo,
): RollupFigures | null {
  if (!servesTarget(targetWaitSeconds)) return null;
  const tz = db.prepare<[], string>(`SELECT time_zone FROM rollup_meta WHERE id = 1`).pluck().get();
  if (tz !== req.timeZone) return null;
  const totals = new FigureRollup();
  const add = (groups: Map<Key, FigureRollup>, key: Key, data: ParsedRollup) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = new FigureRollup()));
    g.addParsed(data);
  };
  const byCell = groupBys.flatMap((by) => (cellKeys[by] ? [{ by, keyOf: cellKeys[by], groups: new Map<Key, FigureRollup>() }] : []));
  for (const row of db.prepare(rollupCellsSql).raw().iterate(req.from, req.to) as IterableIterator<CellRow>) {
    const data = parseRollup(row[4]); // read once, added to the totals and to each grouping's group
    totals.addParsed(data);
    for (const g of byCell) add(g.groups, g.keyOf(row), data);
  }
  if (totals.issued <= exactBelow) return null;
  const byHour = groupBys.flatMap((by) => (hourKeys[by] ? [{ by, keyOf: hourKeys[by], groups: new Map<Key, FigureRollup>() }] : []));
  if (byHour.length)
    for (const row of db.prepare(rollupHoursSql).raw().iterate(req.from, req.to) as IterableIterator<HourRow>) {
      const data = parseRollup(row[2]);
      for (const g of byHour) add(g.groups, g.keyOf(row), data);
    }
  const all = [...byCell, ...byHour];
  return { totals, groupings: groupBys.map((by) => all.find((g) => g.by === by)!) };
}
