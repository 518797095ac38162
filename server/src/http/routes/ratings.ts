import { z } from 'zod';
import { RatingBody, RatingDto, RatingPromptDto, RatingQuestionDto, TicketRatingDto } from '@qms/protocol';
import type { Rater } from '../../floor';
import { allow } from '../auth';
import type { Principal } from '../env';
import { ApiFailure } from '../errors';
import { errorResponses, validJson, validQuery, type Router } from '../router';
import type { RouteDeps } from './deps';

const PromptQuery = z.object({ counterId: z.coerce.number().int().positive() });

/**
 * A rating tablet rates for its counter; a signed-in account (officer, manager, admin) never rates for the citizen;
 * anyone else is the phone page and must show the key from the ticket's QR.
 */
function raterOf(p: Principal | null, key: string | undefined): Rater {
  if (p?.kind === 'device' && p.device.kind === 'rating') return { channel: 'tablet', deviceId: p.device.id, counterId: p.device.counterId };
  if (p?.kind === 'user') return { channel: 'account', userId: p.user.id };
  return { channel: 'phone', key: key ?? null };
}

export function ratingRoutes(r: Router, { floor }: RouteDeps) {
  r.doc({
    method: 'post',
    path: '/api/ratings',
    summary:
      'Rate a served ticket: one rating per ticket, within the rating window; a counter device only its counter’s last finished ticket; anyone else only with the ticket’s `key` from its QR; never a signed-in account',
    access: 'rating device, the ticket’s QR page (with its key)',
    body: RatingBody,
    responses: { 201: { description: 'Stored', schema: RatingDto }, ...errorResponses(400, 403, 404, 409) },
  });
  r.app.post('/api/ratings', validJson(RatingBody), (c) => {
    const body = c.req.valid('json');
    return c.json(floor.rate(body, raterOf(c.get('principal'), body.key)), 201);
  });

  r.doc({
    method: 'get',
    path: '/api/ratings/question',
    summary: 'The satisfaction question as configured: scale, words per level (vi, en), reasons on a low rating, timeouts',
    access: 'anyone on the LAN',
    responses: { 200: { description: 'The question', schema: RatingQuestionDto } },
  });
  r.app.get('/api/ratings/question', (c) => c.json(floor.ratings.question()));

  r.doc({
    method: 'get',
    path: '/api/ratings/prompt',
    summary: 'The ticket a counter’s rating tablet should ask about now (finished last there, unanswered, inside the ask time), or null',
    access: 'the rating device of that counter',
    query: PromptQuery,
    responses: { 200: { description: 'Prompt or null', schema: RatingPromptDto }, ...errorResponses(400, 401, 403) },
  });
  r.app.get('/api/ratings/prompt', allow('rating'), validQuery(PromptQuery), (c) => {
    const { counterId } = c.req.valid('query');
    const p = c.get('principal');
    if (p?.kind === 'device' && p.device.counterId !== null && p.device.counterId !== counterId) throw new ApiFailure('rating_counter_mismatch', { counter: counterId });
    return c.json(floor.ratings.prompt(counterId));
  });

  r.doc({
    method: 'get',
    path: '/api/tickets/:id/rating',
    summary: 'For the ticket’s QR page: whether the ticket can be rated now, until when, and its rating if it has one',
    access: 'anyone who has the ticket id',
    responses: { 200: { description: 'Rating status', schema: TicketRatingDto }, ...errorResponses(404) },
  });
  r.app.get('/api/tickets/:id/rating', (c) => c.json(floor.ratings.ofTicket(c.req.param('id'))));
}
