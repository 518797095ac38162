import type { SummaryReply } from '@qms/protocol';
import { emptyCounts, withPaper } from '@qms/protocol/figures';
import type { Pool } from './db/pool';
import { paperSums } from './paper';
import { RollupSum, type RollupRow } from './rollup-row';

export interface HubSummaryRequest {
  from: string;
  to: string;
  groupBy?: 'center' | 'service' | undefined;
}

const cityTimeZone = 'Asia/Ho_Chi_Minh';
const citySatisfactionTarget = 0.95;

/**
 * City figures for the tickets issued on `from`…`to` (each center's own local dates), in the shape of a center's
 * `/api/stats/summary`, read from the rollups (never from ticket facts or raw events): the month rows for the whole
 * months of the range, the day rows for its partial months. Counts are the sums of the centers' counts and rates are
 * recomputed from them (exact); means from summed durations (exact); max the largest; medians and p90 from the rows'
 * sketches (exact while the range holds at most 200,000 durations, else within 1 %: sketch.ts). Paper ballots count
 * where their whole survey period lies inside the range, as at a center.
 */
export async function hubSummary(pool: Pool, req: HubSummaryRequest): Promise<SummaryReply> {
  const totals = new RollupSum();
  const groups = new Map<string, RollupSum>();
  const centers = new Map((await pool.query<{ id: number; code: string; name: string }>('SELECT id, code, name FROM centers')).rows.map((c) => [c.id, c]));
  const services = await serviceInfo(pool);
  for (const row of await rollupRows(pool, req.from, req.to)) {
    totals.add(row);
    if (!req.groupBy) continue;
    const key = req.groupBy === 'center' ? (centers.get(row.center_id)?.code ?? String(row.center_id)) : row.service_id;
    (groups.get(key) ?? groups.set(key, new RollupSum()).get(key)!).add(row);
  }
  const paper = await paperSums(pool, req.from, req.to);
  const reply: SummaryReply = { from: req.from, to: req.to, timezone: cityTimeZone, totals: withPaper(totals.figures(), paper.total, citySatisfactionTarget) };
  if (req.groupBy) {
    const byCode = new Map([...centers.values()].map((c) => [c.code, c.name]));
    const paperOf = new Map(
      req.groupBy === 'service' ? paper.byService : [...paper.byCenter].map(([id, counts]) => [centers.get(id)?.code ?? String(id), counts] as const),
    );
    // A field or center with paper ballots and no tickets in the range still has its line, as on a center's report.
    for (const key of paperOf.keys()) if (!groups.has(key)) groups.set(key, new RollupSum());
    reply.groups = [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, g]) => {
        const s = services.get(key);
        const target = req.groupBy === 'service' ? (s?.target ?? citySatisfactionTarget) : citySatisfactionTarget;
        const label = req.groupBy === 'center' ? (byCode.get(key) ?? key) : (s?.name ?? key);
        return { key, label, ...withPaper(g.figures(), paperOf.get(key) ?? emptyCounts(), target) };
      });
  }
  return reply;
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** Splits from…to into whole months (their first days) and the days of partial months (as [from, to] ranges). */
export function splitRange(from: string, to: string) {
  const months: string[] = [];
  const ranges: [string, string][] = [];
  let cursor = dayMs(from);
  const end = dayMs(to);
  while (cursor <= end) {
    const d = new Date(cursor);
    const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    const last = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0);
    if (cursor === first && last <= end) months.push(iso(first));
    else ranges.push([iso(cursor), iso(Math.min(last, end))]);
    cursor = last + 86_400_000;
  }
  return { months, ranges };
}

/** The rollup rows that make up from…to: month rows for whole months, day rows for the rest. */
async function rollupRows(pool: Pool, from: string, to: string): Promise<RollupRow[]> {
  if (from > to) return [];
  const { months, ranges } = splitRange(from, to);
  const rows: RollupRow[] = [];
  if (months.length) rows.push(...(await pool.query<RollupRow>('SELECT * FROM rollups_monthly WHERE day = ANY($1::date[])', [months])).rows);
  for (const [a, b] of ranges) rows.push(...(await pool.query<RollupRow>('SELECT * FROM rollups_daily WHERE day BETWEEN $1 AND $2', [a, b])).rows);
  return rows;
}

/** Each field's name and satisfaction target as the centers report them (the most common one where they differ). */
async function serviceInfo(pool: Pool) {
  const { rows } = await pool.query<{ service_id: string; name: string; target: number }>(
    `SELECT service_id, mode() WITHIN GROUP (ORDER BY name) AS name, mode() WITHIN GROUP (ORDER BY satisfaction_target) AS target
     FROM center_services GROUP BY service_id`,
  );
  return new Map(rows.map((r) => [r.service_id, { name: r.name, target: r.target }]));
}
