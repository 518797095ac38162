import { FigureRollup, type TicketFact } from '@qms/protocol/figures';
import type { Client } from './db/pool';
import { dayColumns, rowOfFacts, type DayRow } from './rollup-row';

type FactRow = TicketFact & { centerId: number; serviceDay: string; serviceId: string };

export const factColumns = `center_id AS "centerId", service_day AS "serviceDay", service_id AS "serviceId", status, channel, issued_at AS "issuedAt",
  first_called_at AS "firstCalledAt", started_at AS "startedAt", finished_at AS "finishedAt", transferred, rating_skipped AS "ratingSkipped", rating,
  rating_channel AS "ratingChannel", rating_dossier AS "ratingDossier"`;

const monthOf = (day: string) => `${day.slice(0, 7)}-01`;

/** Day rows with one statement, column by column. */
async function insertDayRows(c: Client, rows: readonly DayRow[]) {
  if (rows.length === 0) return;
  const types: Record<string, string> = { center_id: 'int', day: 'date', service_id: 'text', figures: 'bytea', wait_seconds_sum: 'float8', wait_seconds_max: 'float8', service_seconds_sum: 'float8', service_seconds_max: 'float8' };
  await c.query(
    `INSERT INTO rollups_daily (${dayColumns.join(', ')}) SELECT * FROM unnest(${dayColumns.map((k, i) => `$${i + 1}::${types[k] ?? 'int'}[]`).join(', ')})`,
    dayColumns.map((k) => rows.map((r) => r[k])),
  );
}

/** Rows per center × day × field from facts ordered by center, day, field, ticket. */
function dayRows(facts: readonly FactRow[]): DayRow[] {
  const rows: DayRow[] = [];
  let start = 0;
  for (let i = 1; i <= facts.length; i++) {
    const a = facts[start]!;
    const b = facts[i];
    if (b && b.centerId === a.centerId && b.serviceDay === a.serviceDay && b.serviceId === a.serviceId) continue;
    rows.push(rowOfFacts(a.centerId, a.serviceDay, a.serviceId, facts.slice(start, i)));
    start = i;
  }
  return rows;
}

/** Rewrites a center's month rows of `months` from its day rows. */
async function rewriteMonths(c: Client, centerId: number, months: readonly string[]) {
  if (months.length === 0) return;
  await c.query('DELETE FROM rollups_monthly WHERE center_id = $1 AND day = ANY($2::date[])', [centerId, months]);
  const { rows } = await c.query<{ day: string; service_id: string; figures: Buffer }>(
    `SELECT day, service_id, figures FROM rollups_daily WHERE center_id = $1 AND date_trunc('month', day)::date = ANY($2::date[]) ORDER BY day, service_id`,
    [centerId, months],
  );
  const sums = new Map<string, FigureRollup>();
  for (const r of rows) {
    const key = `${monthOf(r.day)}|${r.service_id}`;
    (sums.get(key) ?? sums.set(key, new FigureRollup()).get(key)!).addEncoded(r.figures);
  }
  if (sums.size === 0) return;
  const keys = [...sums.keys()];
  await c.query(
    'INSERT INTO rollups_monthly (center_id, day, service_id, figures) SELECT $1, * FROM unnest($2::date[], $3::text[], $4::bytea[])',
    [centerId, keys.map((k) => k.slice(0, 10)), keys.map((k) => k.slice(11)), keys.map((k) => Buffer.from(sums.get(k)!.encode()))],
  );
}

/** Rewrites a center's rollup rows of `days`, and of their months, from its ticket facts (inside the ingest transaction). */
export async function rewriteRollups(c: Client, centerId: number, days: readonly string[]) {
  if (days.length === 0) return;
  await c.query('DELETE FROM rollups_daily WHERE center_id = $1 AND day = ANY($2::date[])', [centerId, days]);
  const { rows } = await c.query<FactRow>(
    `SELECT ${factColumns} FROM ticket_facts WHERE center_id = $1 AND service_day = ANY($2::date[]) ORDER BY service_day, service_id, ticket_id`,
    [centerId, days],
  );
  await insertDayRows(c, dayRows(rows));
  await rewriteMonths(c, centerId, [...new Set(days.map(monthOf))]);
}

/** Rebuilds every rollup row from the ticket facts, a center-month at a time (tests compare it with the maintained rows; repair). */
export async function rebuildRollups(c: Client) {
  await c.query('DELETE FROM rollups_daily');
  await c.query('DELETE FROM rollups_monthly');
  const centers = await c.query<{ center_id: number }>('SELECT DISTINCT center_id FROM ticket_facts ORDER BY center_id');
  for (const { center_id: id } of centers.rows) {
    const days = (await c.query<{ d: string }>('SELECT DISTINCT service_day AS d FROM ticket_facts WHERE center_id = $1', [id])).rows.map((r) => r.d);
    const byMonth = new Map<string, string[]>();
    for (const d of days) (byMonth.get(monthOf(d)) ?? byMonth.set(monthOf(d), []).get(monthOf(d))!).push(d);
    for (const monthDays of byMonth.values()) await rewriteRollups(c, id, monthDays);
  }
}

/** True when ticket facts exist without rollups (a hub upgraded past migration 005): the start rebuilds them. */
export async function rollupsMissing(c: Pick<Client, 'query'>) {
  const { rows } = await c.query<{ missing: boolean }>('SELECT EXISTS (SELECT 1 FROM ticket_facts) AND NOT EXISTS (SELECT 1 FROM rollups_daily) AS missing');
  return rows[0]!.missing;
}
