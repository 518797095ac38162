import type { Client } from './db/pool';

const rollupSelect = `
  SELECT center_id, service_day, service_id,
    count(*), count(*) FILTER (WHERE status = 'done'), count(*) FILTER (WHERE status = 'no_show'), count(*) FILTER (WHERE status = 'cancelled'),
    count(*) FILTER (WHERE transferred),
    count(first_called_at), coalesce(sum(first_called_at - issued_at), 0) / 1000.0, max(first_called_at - issued_at) / 1000.0,
    count(*) FILTER (WHERE status = 'done' AND finished_at IS NOT NULL AND coalesce(started_at, first_called_at) IS NOT NULL),
    coalesce(sum(finished_at - coalesce(started_at, first_called_at)) FILTER (WHERE status = 'done'), 0) / 1000.0,
    max(finished_at - coalesce(started_at, first_called_at)) FILTER (WHERE status = 'done') / 1000.0,
    count(*) FILTER (WHERE rating = 'very_satisfied'), count(*) FILTER (WHERE rating = 'satisfied'), count(*) FILTER (WHERE rating = 'neutral'),
    count(*) FILTER (WHERE rating = 'dissatisfied'), count(*) FILTER (WHERE rating = 'very_dissatisfied'),
    count(*) FILTER (WHERE rating IS NOT NULL AND rating_dossier), count(*) FILTER (WHERE rating_skipped AND rating IS NULL)
  FROM ticket_facts`;

/** Rewrites a center's rollup rows of `days` from its ticket facts (inside the ingest transaction). */
export async function rewriteRollups(c: Client, centerId: number, days: readonly string[]) {
  if (days.length === 0) return;
  await c.query('DELETE FROM rollups_daily WHERE center_id = $1 AND day = ANY($2::date[])', [centerId, days]);
  await c.query(`INSERT INTO rollups_daily ${rollupSelect} WHERE center_id = $1 AND service_day = ANY($2::date[]) GROUP BY center_id, service_day, service_id`, [centerId, days]);
}

/** Rebuilds every rollup row from the ticket facts (tests compare it with the maintained rows; repair after a fix). */
export async function rebuildRollups(c: Client) {
  await c.query('DELETE FROM rollups_daily');
  await c.query(`INSERT INTO rollups_daily ${rollupSelect} GROUP BY center_id, service_day, service_id`);
}
