import type { Db } from './open';

/** What the devices list needs beyond the setup rows: every id ever used, and when each device was paired. */
export function pairedDeviceQueries(db: Db) {
  const ids = db.prepare<[], { id: string }>(`SELECT id FROM devices`);
  const pairedAt = db.prepare<[], { id: string; at: number }>(
    `SELECT json_extract(payload, '$.id') AS id, MAX(at) AS at FROM events WHERE type = 'setup.device.added' GROUP BY 1`,
  );
  const counterIds = db.prepare<[], { id: string; counter_ids: string }>(`SELECT id, counter_ids FROM devices WHERE counter_ids IS NOT NULL`);
  const setCounterIds = db.prepare(`UPDATE devices SET counter_ids = ? WHERE id = ?`);
  return {
    /** Hall displays paired for some counters: id → counter ids. */
    counterIds: () => new Map(counterIds.all().map((r) => [r.id, JSON.parse(r.counter_ids) as number[]])),
    setCounterIds: (id: string, ids: number[] | null) => void setCounterIds.run(ids && ids.length ? JSON.stringify(ids) : null, id),
    /** Retired ones too: a new device never takes the id (and the change log) of a revoked one. */
    allIds: () => new Set(ids.all().map((r) => r.id)),
    pairedAt: () => new Map(pairedAt.all().map((r) => [String(r.id), r.at])),
  };
}
