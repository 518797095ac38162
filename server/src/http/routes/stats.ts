import { ReportRangeQuery, ReportTextReply, StatsQuery, SummaryReply } from '@qms/protocol';
import { reportParagraph } from '../../stats/report-text';
import { summarize, summarizeMany } from '../../stats/summary';
import { allow } from '../auth';
import { ApiFailure } from '../errors';
import { errorResponses, validQuery, type Router } from '../router';
import type { RouteDeps } from './deps';
import { statsExportRoutes } from './stats-export';
import { paperBallotRoutes } from './stats-paper';

const maxDays = 3700;

/** Rejects dates that match the pattern but are not on the calendar, and ranges longer than ten years. */
export function checkRange(q: { from: string; to: string }) {
  const real = (d: string) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
  const days = (Date.parse(q.to) - Date.parse(q.from)) / 86400_000;
  if (!real(q.from) || !real(q.to) || !(days >= 0)) throw new ApiFailure('invalid_input', { detail: 'from/to are not real dates' });
  if (days > maxDays) throw new ApiFailure('range_too_long', { max: maxDays });
}

export function statsRoutes(r: Router, deps: RouteDeps) {
  const { floor, db } = deps;
  const base = () => ({ timeZone: floor.timeZone, reports: floor.config.reports });

  r.doc({
    method: 'get',
    path: '/api/stats/summary',
    summary: 'Figures for tickets issued on local dates from…to (inclusive), optionally grouped; definitions in docs/figures.md',
    access: 'manager, admin',
    query: StatsQuery,
    responses: { 200: { description: 'Figures', schema: SummaryReply }, ...errorResponses(400, 401, 403) },
  });
  r.app.get('/api/stats/summary', allow('manager', 'admin'), validQuery(StatsQuery), (c) => {
    const q = c.req.valid('query');
    checkRange(q);
    return c.json(summarize(db, { ...q, ...base() }));
  });

  r.doc({
    method: 'get',
    path: '/api/stats/report-text',
    summary: 'A ready-to-paste paragraph for the period’s report (Vietnamese; `lang=en` for English)',
    access: 'manager, admin',
    query: ReportRangeQuery,
    responses: { 200: { description: 'The paragraph', schema: ReportTextReply }, ...errorResponses(400, 401, 403) },
  });
  r.app.get('/api/stats/report-text', allow('manager', 'admin'), validQuery(ReportRangeQuery), (c) => {
    const q = c.req.valid('query');
    checkRange(q);
    const { totals, groups } = summarizeMany(db, { ...q, ...base() }, ['service']);
    const text = reportParagraph({ from: q.from, to: q.to, totals, services: groups.get('service')!, targetWaitMinutes: floor.config.reports.targetWaitMinutes }, q.lang ?? 'vi');
    return c.json({ from: q.from, to: q.to, text });
  });

  statsExportRoutes(r, deps);
  paperBallotRoutes(r, deps);
}
