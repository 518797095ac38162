import type { Db } from './open';

/** A rollup cell's key: service day × field × last counter × last officer (-1: none). */
export interface CellKey {
  day: string;
  serviceId: string;
  counterId: number;
  staffId: number;
}

export interface HourKey {
  day: string;
  hour: number;
}

/** The rollup tables (migration 015): read, write and empty them. */
export function rollupQueries(db: Db) {
  const cellGet = db.prepare<[string, string, number, number], Buffer>(`SELECT data FROM rollup_cells WHERE day = ? AND service_id = ? AND counter_id = ? AND staff_id = ?`).pluck();
  const cellPut = db.prepare(
    `INSERT INTO rollup_cells (day, service_id, counter_id, staff_id, data) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (day, service_id, counter_id, staff_id) DO UPDATE SET data = excluded.data`,
  );
  const cellDelete = db.prepare(`DELETE FROM rollup_cells WHERE day = ? AND service_id = ? AND counter_id = ? AND staff_id = ?`);
  const hourGet = db.prepare<[string, number], Buffer>(`SELECT data FROM rollup_hours WHERE day = ? AND hour = ?`).pluck();
  const hourPut = db.prepare(`INSERT INTO rollup_hours (day, hour, data) VALUES (?, ?, ?) ON CONFLICT (day, hour) DO UPDATE SET data = excluded.data`);
  const hourDelete = db.prepare(`DELETE FROM rollup_hours WHERE day = ? AND hour = ?`);
  const meta = db.prepare<[], string>(`SELECT time_zone FROM rollup_meta WHERE id = 1`).pluck();
  return {
    cell: (k: CellKey) => cellGet.get(k.day, k.serviceId, k.counterId, k.staffId) ?? null,
    putCell: (k: CellKey, data: Uint8Array | null) =>
      data ? cellPut.run(k.day, k.serviceId, k.counterId, k.staffId, data) : cellDelete.run(k.day, k.serviceId, k.counterId, k.staffId),
    hour: (k: HourKey) => hourGet.get(k.day, k.hour) ?? null,
    putHour: (k: HourKey, data: Uint8Array | null) => (data ? hourPut.run(k.day, k.hour, data) : hourDelete.run(k.day, k.hour)),
    /** The time zone the rollups were built for; null before they were first built. */
    timeZone: (): string | null => meta.get() ?? null,
    /** Empties the rollups and records the time zone they are rebuilt for. */
    reset: (timeZone: string) => {
      db.exec(`DELETE FROM rollup_cells; DELETE FROM rollup_hours;`);
      db.prepare(`INSERT INTO rollup_meta (id, time_zone) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET time_zone = excluded.time_zone`).run(timeZone);
    },
  };
}

export const rollupCellsSql = `SELECT day, service_id, counter_id, staff_id, data FROM rollup_cells WHERE day BETWEEN ? AND ?`;
export const rollupHoursSql = `SELECT day, hour, data FROM rollup_hours WHERE day BETWEEN ? AND ?`;
