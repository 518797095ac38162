import { RatingBody, RatingDto } from '@qms/protocol';
import { errorResponses, validJson, type Router } from '../router';
import type { RouteDeps } from './deps';

export function ratingRoutes(r: Router, { floor }: RouteDeps) {
  r.doc({
    method: 'post',
    path: '/api/ratings',
    summary: 'Rate a served ticket: one rating per ticket, within the rating window; a counter device only its counter’s last finished ticket',
    access: 'rating device, the ticket’s QR page',
    body: RatingBody,
    responses: { 201: { description: 'Stored', schema: RatingDto }, ...errorResponses(400, 403, 404, 409) },
  });
  r.app.post('/api/ratings', validJson(RatingBody), (c) => {
    const p = c.get('principal');
    const rater = p?.kind === 'device' && p.device.kind === 'rating' ? { kind: 'device' as const, deviceId: p.device.id, counterId: p.device.counterId } : { kind: 'phone' as const };
    return c.json(floor.rate(c.req.valid('json'), rater), 201);
  });
}
