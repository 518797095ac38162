import { z } from 'zod';
import { PaperBallot, PaperBallotBody, ratingLevels, ReportRangeQuery } from '@qms/protocol';
import { paperBallotsIn } from '../../stats/paper';
import { allow } from '../auth';
import { ApiFailure } from '../errors';
import { errorResponses, validJson, validQuery, type Router } from '../router';
import type { Principal } from '../env';
import type { RouteDeps } from './deps';
import { checkRange } from './stats';

const BallotList = z.array(PaperBallot);

const userId = (p: Principal | null) => (p?.kind === 'user' ? p.user.id : null);

// The body's fields without the schema's own "from must not be after to" check, whose words are a programmer's:
// the route says it plainly instead, as the form does.
const BallotFields = z.object(PaperBallotBody.shape);

/** Paper-survey counts a manager enters per field and period; reports show them apart and combined with device ratings. */
export function paperBallotRoutes(r: Router, { floor, db }: RouteDeps) {
  r.doc({
    method: 'get',
    path: '/api/stats/paper-ballots',
    summary: 'Paper-ballot batches whose survey period lies inside from…to (voided ones included, marked)',
    access: 'manager, admin',
    query: ReportRangeQuery,
    responses: { 200: { description: 'Batches', schema: BallotList }, ...errorResponses(400, 401, 403) },
  });
  r.app.get('/api/stats/paper-ballots', allow('manager', 'admin'), validQuery(ReportRangeQuery), (c) => {
    const q = c.req.valid('query');
    checkRange(q);
    return c.json(paperBallotsIn(db, q.from, q.to, floor.timeZone, true));
  });

  r.doc({
    method: 'post',
    path: '/api/stats/paper-ballots',
    summary: 'Enter the counts per level of a paper survey for one field and period; 400 when the period ends before it starts or every count is 0',
    access: 'manager, admin',
    body: PaperBallotBody,
    responses: { 201: { description: 'Stored', schema: PaperBallot }, ...errorResponses(400, 401, 403, 404) },
  });
  r.app.post('/api/stats/paper-ballots', allow('manager', 'admin'), validJson(BallotFields), (c) => {
    const body = c.req.valid('json');
    if (body.from > body.to) throw new ApiFailure('paper_period_reversed');
    checkRange(body);
    // A batch of nothing would be listed and "saved" while it counts nowhere.
    if (ratingLevels.every((l) => body[l] === 0)) throw new ApiFailure('paper_batch_empty');
    if (!floor.services.some((s) => s.id === body.serviceId)) throw new ApiFailure('unknown_service', { service: body.serviceId });
    const id = floor.enterPaperBallot(body, userId(c.get('principal')));
    const stored = paperBallotsIn(db, body.from, body.to, floor.timeZone, true).find((b) => b.id === id)!;
    return c.json(stored, 201);
  });

  r.doc({
    method: 'post',
    path: '/api/stats/paper-ballots/:id/void',
    summary: 'Void a batch entered by mistake (it stays in the history, marked void, and leaves the figures)',
    access: 'manager, admin',
    responses: { 200: { description: 'Voided', schema: z.object({ ok: z.literal(true) }) }, ...errorResponses(401, 403, 404) },
  });
  r.app.post('/api/stats/paper-ballots/:id/void', allow('manager', 'admin'), (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || !floor.voidPaperBallot(id, userId(c.get('principal')))) throw new ApiFailure('paper_ballot_not_found', { id: c.req.param('id') });
    return c.json({ ok: true as const });
  });
}
