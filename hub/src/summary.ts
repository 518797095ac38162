import type { RatingCounts, RatingLevel, SummaryReply } from '@qms/protocol';
import { emptyCounts, FigureAccumulator, withPaper } from '@qms/protocol/figures';
import type { Pool } from './db/pool';
import { paperSums } from './paper';

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
const targetWaitSeconds = 15 * 60;
const citySatisfactionTarget = 0.95;

interface FactRow {
  center_id: number;
  service_id: string;
  status: string;
  channel: string;
  issued_at: number;
  first_called_at: number | null;
  started_at: number | null;
  finished_at: number | null;
  transferred: boolean;
  rating_skipped: boolean;
  rating: RatingLevel | null;
  rating_channel: string | null;
  rating_dossier: boolean;
}

/**
 * City figures for the tickets issued on `from`…`to` (each center's own local dates), in the shape of a center's
 * `/api/stats/summary`. Every figure is computed over the union of the centers' tickets with the same code as a
 * center's (protocol/src/figures): counts are the sums of the centers' counts; means, medians, p90 and max are those of
 * all the city's tickets together (a mean equals the centers' means weighted by their counts; a median is not the mean
 * of the centers' medians). Paper ballots count where their whole survey period lies inside the range, as at a center.
 */
export async function hubSummary(pool: Pool, req: HubSummaryRequest, pageSize = 50_000): Promise<SummaryReply> {
  const opts = { targetWaitSeconds };
  const totals = new FigureAccumulator(opts);
  const groups = new Map<string, FigureAccumulator>();
  const centers = new Map(
    (await pool.query<{ id: number; code: string; name: string; district: string | null }>('SELECT id, code, name, district FROM centers')).rows.map((c) => [c.id, c]),
  );
  const only = req.center === undefined ? undefined : ([...centers.values()].find((c) => c.code === req.center)?.id ?? -1);
  const services = await serviceInfo(pool, only);
  const keyOf = (centerId: number, serviceId: string) =>
    req.groupBy === 'center' ? (centers.get(centerId)?.code ?? String(centerId))
    : req.groupBy === 'district' ? (centers.get(centerId)?.district ?? noDistrictKey)
    : serviceId;
  for await (const rows of factPages(pool, req.from, req.to, pageSize)) {
    for (const r of rows) {
      if (only !== undefined && r.center_id !== only) continue;
      const fact = {
        status: r.status,
        channel: r.channel,
        issuedAt: r.issued_at,
        firstCalledAt: r.first_called_at,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        transferred: r.transferred,
        ratingSkipped: r.rating_skipped,
        rating: r.rating,
        ratingChannel: r.rating_channel,
        ratingDossier: r.rating_dossier,
      };
      totals.add(fact);
      if (!req.groupBy) continue;
      const key = keyOf(r.center_id, r.service_id);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = new FigureAccumulator(opts)));
      g.add(fact);
    }
  }
  const paper = await paperSums(pool, req.from, req.to, only);
  const reply: SummaryReply = { from: req.from, to: req.to, timezone: cityTimeZone, totals: withPaper(totals.figures(), paper.total, citySatisfactionTarget) };
  if (req.groupBy) {
    const byCode = new Map([...centers.values()].map((c) => [c.code, c.name]));
    const paperOf = req.groupBy === 'service' ? paper.byService : new Map<string, RatingCounts>();
    if (req.groupBy !== 'service') {
      for (const [id, counts] of paper.byCenter) {
        const key = keyOf(id, '');
        const sum = paperOf.get(key) ?? paperOf.set(key, emptyCounts()).get(key)!;
        for (const k of ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied', 'total'] as const) sum[k] += counts[k];
      }
    }
    // A field or center with paper ballots and no tickets in the range still has its line, as on a center's report.
    for (const key of paperOf.keys()) if (!groups.has(key)) groups.set(key, new FigureAccumulator(opts));
    reply.groups = [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, g]) => {
        const s = services.get(key);
        const target = req.groupBy === 'service' ? (s?.target ?? citySatisfactionTarget) : citySatisfactionTarget;
        const label = req.groupBy === 'center' ? (byCode.get(key) ?? key) : req.groupBy === 'district' ? key || 'Chưa xếp khu vực' : (s?.name ?? key);
        return { key, label, ...withPaper(g.figures(), paperOf.get(key) ?? emptyCounts(), target) };
      });
  }
  return reply;
}

/** The range's ticket facts in pages (keyset on the day index), so a long range never sits in memory whole. */
async function* factPages(pool: Pool, from: string, to: string, pageSize: number): AsyncGenerator<FactRow[]> {
  let after: [string, number, string] = [from, -1, ''];
  for (;;) {
    const { rows } = await pool.query<FactRow & { ticket_id: string; service_day: string }>(
      `SELECT service_day, center_id, ticket_id, service_id, status, channel, issued_at, first_called_at, started_at, finished_at, transferred, rating_skipped, rating,
         rating_channel, rating_dossier
       FROM ticket_facts WHERE service_day <= $1 AND (service_day, center_id, ticket_id) > ($2::date, $3, $4)
       ORDER BY service_day, center_id, ticket_id LIMIT ${pageSize}`,
      [to, after[0], after[1], after[2]],
    );
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1]!;
    after = [last.service_day, last.center_id, last.ticket_id];
    if (rows.length < pageSize) return;
  }
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
