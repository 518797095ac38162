import type { z } from 'zod';
import { ReportPageReply, ReportRangeQuery, ReportTextReply, StatsQuery, SummaryReply, reportPageGroupings as pageGroupings, type PaperLeftOut } from '@qms/protocol';
import { paperBallotsStraddling } from '../../stats/paper';
import { reportParagraph } from '../../stats/report-text';
import type { ManySummary } from '../../stats/summary';
import { allow } from '../auth';
import { ApiFailure } from '../errors';
import { errorResponses, validQuery, type Router } from '../router';
import type { RouteDeps } from './deps';
import { statsExportRoutes } from './stats-export';
import { paperBallotRoutes } from './stats-paper';

const maxDays = 3700;

/** Rejects dates that match the pattern but are not on the calendar, and ranges longer than ten years. */
export function checkRange(q: { from: string; to: string }) {
  // Date.parse is NaN for 2026-13-01 (toISOString would throw) and rolls 2026-02-30 over to March.
  const real = (d: string) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return Number.isFinite(t) && new Date(t).toISOString().startsWith(d);
  };
  const days = (Date.parse(q.to) - Date.parse(q.from)) / 86400_000;
  if (!real(q.from) || !real(q.to) || !(days >= 0)) throw new ApiFailure('invalid_input', { detail: 'from/to are not real dates', detailVi: 'from/to không phải ngày có thật trên lịch' });
  if (days > maxDays) throw new ApiFailure('range_too_long', { max: maxDays });
}

/** The report paragraph for q's range, in `q.lang` (Vietnamese by default), from figures that hold the `service` grouping. */
export function reportParagraphFor(
  { floor, db }: Pick<RouteDeps, 'floor' | 'db'>,
  q: { from: string; to: string; lang?: 'vi' | 'en' | undefined },
  { totals, groups }: ManySummary,
  paperLeftOut: PaperLeftOut = paperBallotsStraddling(db, q.from, q.to),
): string {
  const lang = q.lang ?? 'vi';
  // Fields by their English name in the English paragraph ("Civil status", as the English screens say).
  const english = new Map(floor.queries.setup.services().map((s) => [s.id, s.nameEn || s.name])); // archived fields too
  const services = groups.get('service')!.map((g) => (lang === 'en' ? { ...g, label: english.get(String(g.key)) ?? g.label } : g));
  return reportParagraph({ from: q.from, to: q.to, totals, services, targetWaitMinutes: floor.config.reports.targetWaitMinutes, paperLeftOut }, lang);
}

export function statsRoutes(r: Router, deps: RouteDeps) {
  // Figures are computed in a worker thread (own read-only connection), so kiosks, desks and displays are not held up.
  const { floor, db, stats } = deps;
  const base = () => ({ timeZone: floor.timeZone, reports: floor.config.reports });

  r.doc({
    method: 'get',
    path: '/api/stats/summary',
    summary: 'Figures for tickets issued on local dates from…to (inclusive), optionally grouped; definitions in docs/figures.md',
    access: 'manager, admin',
    query: StatsQuery,
    responses: { 200: { description: 'Figures', schema: SummaryReply }, ...errorResponses(400, 401, 403) },
  });
  r.app.get('/api/stats/summary', allow('manager', 'admin'), validQuery(StatsQuery), async (c) => {
    const q = c.req.valid('query');
    checkRange(q);
    return c.json(await stats.summarize({ ...q, ...base() }));
  });

  r.doc({
    method: 'get',
    path: '/api/stats/report-text',
    summary: 'A ready-to-paste paragraph for the period’s report (Vietnamese; `lang=en` for English)',
    access: 'manager, admin',
    query: ReportRangeQuery,
    responses: { 200: { description: 'The paragraph', schema: ReportTextReply }, ...errorResponses(400, 401, 403) },
  });
  r.app.get('/api/stats/report-text', allow('manager', 'admin'), validQuery(ReportRangeQuery), async (c) => {
    const q = c.req.valid('query');
    checkRange(q);
    const { totals, groups } = await stats.summarizeMany({ from: q.from, to: q.to, ...base() }, ['service']);
    const text = reportParagraphFor(deps, q, { totals, groups });
    return c.json({ from: q.from, to: q.to, text });
  });

  r.doc({
    method: 'get',
    path: '/api/stats/report',
    summary:
      'Everything the reports page shows, from one pass over the range: totals, groups by field, counter, officer, hour and weekday×hour (each as in /api/stats/summary), and the report paragraph (`lang=en` for English)',
    access: 'manager, admin',
    query: ReportRangeQuery,
    responses: { 200: { description: 'Figures and paragraph', schema: ReportPageReply }, ...errorResponses(400, 401, 403) },
  });
  r.app.get('/api/stats/report', allow('manager', 'admin'), validQuery(ReportRangeQuery), async (c) => {
    const q = c.req.valid('query');
    checkRange(q);
    const { totals, groups } = await stats.summarizeMany({ from: q.from, to: q.to, ...base() }, pageGroupings);
    const paperLeftOut = paperBallotsStraddling(db, q.from, q.to);
    const text = reportParagraphFor(deps, q, { totals, groups }, paperLeftOut);
    const reply: z.infer<typeof ReportPageReply> = {
      from: q.from,
      to: q.to,
      timezone: floor.timeZone,
      totals,
      groups: Object.fromEntries(pageGroupings.map((by) => [by, groups.get(by)!])) as z.infer<typeof ReportPageReply>['groups'],
      text,
      paperLeftOut,
    };
    return c.json(reply);
  });

  statsExportRoutes(r, deps);
  paperBallotRoutes(r, deps);
}
