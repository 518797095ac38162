import type { Figures, RatingCounts, SummaryReply } from '@qms/protocol';
import { emptyCounts, FigureAccumulator, FigureRollup, withPaper, type TicketFact } from '@qms/protocol/figures';
import type { Pool } from './db/pool';
import { paperSums } from './paper';
import { targetWaitSeconds } from './rollup-row';
import { factColumns } from './rollups';

export interface HubSummaryRequest {
  from: string;
  to: string;
  groupBy?: 'center' | 'service' | 'district' | undefined;
  /** Only this center (by code): a drill-down into one center, e.g. its figures per field. */
  center?: string | undefined;
}

/** The key of the line for centers without a district (groupBy=district). */
export const noDistrictKey = '';

const cityTimeZone = 'Asia/Ho_Chi_Minh';
const citySatisfactionTarget = 0.95;

/**
 * Up to this many tickets in the range, city figures are computed from the ticket facts, exactly; above, from the
 * rollups (medians and p90 within the sketch's bound). The same threshold as a center's reports (exactUpTo in
 * server/src/stats/summary-rollups.ts), so a small range's center lines equal the centers' own reports to the unit.
 */
export const exactUpTo = 20_000;

interface HasFigures {
  figures(): Figures;
}

/**
 * City figures for the tickets issued on `from`…`to` (each center's own local dates), in the shape of a center's
 * `/api/stats/summary`. Read from the rollups (the month rows for whole months, the day rows for partial months),
 * never from raw events; when the range holds at most `exactUpTo` tickets, from their facts instead. Counts are the
 * sums of the centers' counts and rates are recomputed from them; means and maxima are exact; medians and p90 are over
 * all the city's tickets together (the centers' rollup sketches merged above `exactUpTo`: within max(50 ms, 0.79 %)).
 * Paper ballots count where their whole survey period lies inside the range, as at a center.
 */
export async function hubSummary(pool: Pool, req: HubSummaryRequest, exactBelow = exactUpTo): Promise<SummaryReply> {
  const [reply] = await hubSummaries(pool, req, [req.groupBy], exactBelow);
  return reply!;
}

type GroupBy = NonNullable<HubSummaryRequest['groupBy']>;

/** `hubSummary` for several groupings of one range (the city report's per center, field and district), read once. */
export async function hubSummaries(pool: Pool, req: Omit<HubSummaryRequest, 'groupBy'>, groupBys: (GroupBy | undefined)[], exactBelow = exactUpTo): Promise<SummaryReply[]> {
  const opts = { targetWaitSeconds };
  const centers = new Map(
    (await pool.query<{ id: number; code: string; name: string; district: string | null }>('SELECT id, code, name, district FROM centers')).rows.map((c) => [c.id, c]),
  );
  const only = req.center === undefined ? undefined : ([...centers.values()].find((c) => c.code === req.center)?.id ?? -1);
  const services = await serviceInfo(pool, only);
  const keyOf = (by: GroupBy, centerId: number, serviceId: string) =>
    by === 'center' ? (centers.get(centerId)?.code ?? String(centerId))
    : by === 'district' ? (centers.get(centerId)?.district ?? noDistrictKey)
    : serviceId;
  const grouped = [...new Set(groupBys.filter((b): b is GroupBy => b !== undefined))];
  const entry = <T>(map: Map<string, T>, key: string, make: () => T) => map.get(key) ?? map.set(key, make()).get(key)!;

  const rollTotals = new FigureRollup();
  const rollGroups = new Map(grouped.map((by) => [by, new Map<string, FigureRollup>()]));
  for (const row of await rollupRows(pool, req.from, req.to, only)) {
    rollTotals.addEncoded(row.figures);
    for (const [by, groups] of rollGroups) entry(groups, keyOf(by, row.center_id, row.service_id), () => new FigureRollup()).addEncoded(row.figures);
  }
  let totals: HasFigures = { figures: () => rollTotals.figures(opts) };
  let groupsOf = new Map<GroupBy, Map<string, HasFigures>>(
    [...rollGroups].map(([by, groups]) => [by, new Map([...groups].map(([k, r]) => [k, { figures: () => r.figures(opts) }]))]),
  );
  if (rollTotals.issued <= exactBelow) {
    const exact = new FigureAccumulator(opts);
    const exactGroups = new Map(grouped.map((by) => [by, new Map<string, FigureAccumulator>()]));
    const { rows } = await pool.query<TicketFact & { centerId: number; serviceId: string }>(
      `SELECT ${factColumns} FROM ticket_facts WHERE service_day BETWEEN $1 AND $2 AND ($3::int IS NULL OR center_id = $3)
       ORDER BY service_day, center_id, ticket_id`,
      [req.from, req.to, only ?? null],
    );
    for (const f of rows) {
      exact.add(f);
      for (const [by, groups] of exactGroups) entry(groups, keyOf(by, f.centerId, f.serviceId), () => new FigureAccumulator(opts)).add(f);
    }
    totals = exact;
    groupsOf = exactGroups;
  }

  const paper = await paperSums(pool, req.from, req.to, only);
  const totalFigures = withPaper(totals.figures(), paper.total, citySatisfactionTarget);
  const byCode = new Map([...centers.values()].map((c) => [c.code, c.name]));
  const none = { figures: () => new FigureAccumulator(opts).figures() };
  return groupBys.map((by) => {
    const reply: SummaryReply = { from: req.from, to: req.to, timezone: cityTimeZone, totals: totalFigures };
    if (!by) return reply;
    const groups = new Map(groupsOf.get(by));
    const paperOf = by === 'service' ? paper.byService : new Map<string, RatingCounts>();
    if (by !== 'service') {
      for (const [id, counts] of paper.byCenter) {
        const sum = entry(paperOf, keyOf(by, id, ''), emptyCounts);
        for (const k of ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied', 'total'] as const) sum[k] += counts[k];
      }
    }
    // A field or center with paper ballots and no tickets in the range still has its line, as on a center's report.
    for (const key of paperOf.keys()) if (!groups.has(key)) groups.set(key, none);
    reply.groups = [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, g]) => {
        const s = services.get(key);
        const target = by === 'service' ? (s?.target ?? citySatisfactionTarget) : citySatisfactionTarget;
        const label = by === 'center' ? (byCode.get(key) ?? key) : by === 'district' ? key || 'Chưa xếp khu vực' : (s?.name ?? key);
        return { key, label, ...withPaper(g.figures(), paperOf.get(key) ?? emptyCounts(), target) };
      });
    return reply;
  });
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

interface RollupRow {
  center_id: number;
  service_id: string;
  figures: Buffer;
}

/** The rollup rows that make up from…to: month rows for whole months, day rows for the rest. */
async function rollupRows(pool: Pool, from: string, to: string, centerId?: number): Promise<RollupRow[]> {
  // Only the columns a report needs: the encoded figures and where they belong.
  if (from > to) return [];
  const { months, ranges } = splitRange(from, to);
  const rows: RollupRow[] = [];
  const cols = 'center_id, service_id, figures';
  const center = 'AND ($2::int IS NULL OR center_id = $2)';
  if (months.length) rows.push(...(await pool.query<RollupRow>(`SELECT ${cols} FROM rollups_monthly WHERE day = ANY($1::date[]) ${center}`, [months, centerId ?? null])).rows);
  for (const [a, b] of ranges) {
    rows.push(...(await pool.query<RollupRow>(`SELECT ${cols} FROM rollups_daily WHERE day BETWEEN $1 AND $3 ${center}`, [a, centerId ?? null, b])).rows);
  }
  return rows;
}

/**
 * Each field's name and satisfaction target as the centers report them (the most common one where they differ), or as
 * `centerId` alone reports them.
 */
async function serviceInfo(pool: Pool, centerId?: number) {
  const { rows } = await pool.query<{ service_id: string; name: string; target: number }>(
    `SELECT service_id, mode() WITHIN GROUP (ORDER BY name) AS name, mode() WITHIN GROUP (ORDER BY satisfaction_target) AS target
     FROM center_services WHERE $1::int IS NULL OR center_id = $1 GROUP BY service_id`,
    [centerId ?? null],
  );
  return new Map(rows.map((r) => [r.service_id, { name: r.name, target: r.target }]));
}
