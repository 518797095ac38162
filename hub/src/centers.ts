import { randomBytes } from 'node:crypto';
import type { HubCenter, HubCenterBody, HubCenterPatch, HubHeartbeat, HubLiveFloor } from '@qms/protocol/hub';
import { centerAlarms } from './alarms';
import { sha256 } from './auth/accounts';
import type { Pool } from './db/pool';
import { HubError } from './http/errors';

/** A center counts as online while its last heartbeat is younger than this. */
export const onlineWindowMs = 60_000;

interface CenterRow {
  id: number;
  code: string;
  name: string;
  district: string | null;
  timezone: string | null;
  last_contact_at: Date | null;
  live: HubLiveFloor | null;
  last_event_id: number | null;
  events_stored: number;
  diverged_first_at: Date | null;
  diverged_events: number;
  diverged_from_event: number | null;
  key_issued_at: Date | null;
}

const newKey = () => `qmshub_${randomBytes(32).toString('base64url')}`;

export function centers(pool: Pool, now: () => number) {
  return {
    /** Registers a center; the key is shown once, only its hash is kept. */
    async register(body: HubCenterBody) {
      const key = newKey();
      const { rows } = await pool.query<{ id: number }>(
        'INSERT INTO centers (code, name, key_hash, district, key_issued_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code) DO NOTHING RETURNING id',
        [body.code, body.name, sha256(key), body.district ?? null, new Date(now())],
      );
      if (!rows[0]) throw new HubError('center_code_taken', { code: body.code });
      return { id: rows[0].id, key };
    },
    /** A new key for a center that lost its own; the old one stops working at once. Null when there is no such center. */
    async newKey(id: number): Promise<{ id: number; key: string } | null> {
      const key = newKey();
      const { rowCount } = await pool.query('UPDATE centers SET key_hash = $2, key_issued_at = $3 WHERE id = $1', [id, sha256(key), new Date(now())]);
      return rowCount === 1 ? { id, key } : null;
    },
    /** A new name and/or district; false when there is no such center. */
    async update(id: number, patch: HubCenterPatch): Promise<boolean> {
      const { rowCount } = await pool.query(
        `UPDATE centers SET name = CASE WHEN $2::boolean THEN $3 ELSE name END, district = CASE WHEN $4::boolean THEN $5 ELSE district END WHERE id = $1`,
        [id, patch.name !== undefined, patch.name ?? null, patch.district !== undefined, patch.district ?? null],
      );
      return rowCount === 1;
    },
    async byKey(key: string): Promise<{ id: number } | null> {
      const { rows } = await pool.query<{ id: number }>('SELECT id FROM centers WHERE key_hash = $1', [sha256(key)]);
      return rows[0] ?? null;
    },
    async list(): Promise<HubCenter[]> {
      const { rows } = await pool.query<CenterRow>('SELECT * FROM centers ORDER BY code');
      const at = now();
      return rows.map((r) => {
        const online = r.last_contact_at !== null && at - r.last_contact_at.getTime() < onlineWindowMs;
        return {
          id: r.id,
          code: r.code,
          name: r.name,
          district: r.district,
          lastContactAt: r.last_contact_at?.toISOString() ?? null,
          online,
          live: r.live,
          lastEventId: r.last_event_id,
          eventsStored: r.events_stored,
          divergence: r.diverged_first_at ? { firstAt: r.diverged_first_at.toISOString(), events: r.diverged_events, fromEventId: r.diverged_from_event ?? 0 } : null,
          alarms: centerAlarms({ lastContactAt: r.last_contact_at, online, live: r.live, timezone: r.timezone }, at),
          keyIssuedAt: r.key_issued_at?.toISOString() ?? null,
        };
      });
    },
    async heartbeat(centerId: number, hb: HubHeartbeat) {
      await pool.query('UPDATE centers SET last_contact_at = $2, live = $3, timezone = $4 WHERE id = $1', [centerId, new Date(now()), JSON.stringify(hb.floor), hb.timezone]);
      for (const s of hb.services) {
        await pool.query(
          `INSERT INTO center_services (center_id, service_id, code, name, satisfaction_target) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (center_id, service_id) DO UPDATE SET code = excluded.code, name = excluded.name, satisfaction_target = excluded.satisfaction_target`,
          [centerId, s.id, s.code, s.name, s.satisfactionTarget],
        );
      }
    },
  };
}
export type Centers = ReturnType<typeof centers>;
