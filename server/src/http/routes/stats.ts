import { StatsQuery, SummaryReply } from '@qms/protocol';
import { summarize } from '../../stats/summary';
import { allow } from '../auth';
import { ApiFailure } from '../errors';
import { errorResponses, validQuery, type Router } from '../router';
import type { RouteDeps } from './deps';

const maxDays = 3700;

export function statsRoutes(r: Router, { floor, db }: RouteDeps) {
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
    const days = (Date.parse(q.to) - Date.parse(q.from)) / 86400_000;
    if (!(days >= 0)) throw new ApiFailure('invalid_input', { detail: 'from/to are not real dates' });
    if (days > maxDays) throw new ApiFailure('range_too_long', { max: maxDays });
    return c.json(summarize(db, { ...q, timeZone: floor.timeZone }));
  });
}
