import type { Figures, SummaryReply } from '@qms/protocol';
import type { HubReportReply } from '@qms/protocol/hub';
import type { ReportLang } from '@qms/protocol/report-format';
import { cityParagraph } from './city-text';
import type { Pool } from './db/pool';
import { hubSummaries } from './summary';

type Group = NonNullable<SummaryReply['groups']>[number];

/**
 * The city report: the summary per center, per field and per district (one reading of the range by `hubSummaries`, so
 * every line is exactly what `/api/hub/stats/summary` answers), the ranking and the paragraph made of these same figures.
 */
export async function cityReport(pool: Pool, q: { from: string; to: string; lang?: ReportLang | undefined }): Promise<HubReportReply> {
  const [byCenter, byService, byDistrict] = (await hubSummaries(pool, { from: q.from, to: q.to }, ['center', 'service', 'district'])) as [SummaryReply, SummaryReply, SummaryReply];
  const center = byCenter.groups ?? [];
  const service = byService.groups ?? [];
  // Only worth a table when the city office has grouped its centers (one line "no district" says nothing).
  const district = (byDistrict.groups ?? []).some((g) => g.key !== '') ? (byDistrict.groups ?? []) : [];
  const ranking = rankCenters(center);
  return {
    from: q.from,
    to: q.to,
    timezone: byCenter.timezone,
    totals: byCenter.totals,
    groups: { center, service, district },
    ranking,
    text: cityParagraph({ from: q.from, to: q.to, totals: byCenter.totals, centers: center, services: service }, q.lang ?? 'vi'),
  };
}

/** The rate a center's target is checked against: devices and paper together. */
export const checkedRate = (f: Figures) => f.combined?.satisfactionRate ?? f.satisfactionRate;

export function rankCenters(centers: Group[]): HubReportReply['ranking'] {
  const rated = centers.filter((c) => checkedRate(c) !== null);
  const sorted = [...rated].sort((a, b) => checkedRate(b)! - checkedRate(a)! || b.ratings.total - a.ratings.total || String(a.key).localeCompare(String(b.key)));
  const line = (c: Group, rank: number | null) => ({
    rank,
    key: String(c.key),
    label: c.label,
    rate: checkedRate(c),
    ratings: (c.combined?.total ?? c.ratings.total),
    issued: c.issued,
    belowTarget: c.belowTarget ?? null,
  });
  const ranked = sorted.map((c, i) => ({ c, rank: i + 1 }));
  // Equal rates share the rank of the first of them (1, 2, 2, 4).
  for (let i = 1; i < ranked.length; i++) if (checkedRate(ranked[i]!.c) === checkedRate(ranked[i - 1]!.c)) ranked[i]!.rank = ranked[i - 1]!.rank;
  return [...ranked.map(({ c, rank }) => line(c, rank)), ...centers.filter((c) => checkedRate(c) === null).map((c) => line(c, null))];
}
