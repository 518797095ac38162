import type { Context } from 'hono';
import { z } from 'zod';
import { CallNextBody, CounterDto, FinishBody, TicketDto, TransferBody, UnholdBody } from '@qms/protocol';
import type { Actor, CounterCommand } from '../../floor';
import { allow, currentUser } from '../auth';
import { ApiFailure } from '../errors';
import type { AppEnv } from '../env';
import { answerOnce, idempotent, jsonReply } from '../idempotency';
import { errorResponses, validJson, type Router } from '../router';
import type { RouteDeps } from './deps';

const TicketReply = z.object({ ticket: TicketDto.nullable() });
const CounterReply = z.object({ counter: CounterDto });

function counterId(c: Context<AppEnv>): number {
  const raw = c.req.param('id') ?? '';
  const id = Number(raw);
  if (!/^\d{1,6}$/.test(raw) || id < 1) throw new ApiFailure('unknown_counter', { counter: raw });
  return id;
}

const actorOf = (c: Context<AppEnv>): Actor => {
  const u = currentUser(c);
  return { userId: u.id, role: u.role };
};

export function counterRoutes(r: Router, { floor, db, now }: RouteDeps) {
  const officer = allow('staff', 'admin');
  const once = idempotent(db, now);

  r.doc({
    method: 'post',
    path: '/api/counters/:id/sign-in',
    summary: 'Bind the signed-in officer to the counter and open it',
    access: 'staff, admin',
    responses: { 200: { description: 'The counter', schema: CounterReply }, ...errorResponses(401, 403, 404, 409) },
  });
  r.app.post('/api/counters/:id/sign-in', officer, (c) => c.json({ counter: floor.signIn(counterId(c), actorOf(c)) }));

  r.doc({
    method: 'post',
    path: '/api/counters/:id/call-next',
    summary:
      'Finish the ticket in progress, then call the next one (or `ticketId`, picked out of order). Honours an Idempotency-Key header. With `currentTicketId` (the ticket the desk shows, null for none) it does nothing and answers 409 `stale_view` when the counter has moved on, so a double click never calls two tickets.',
    access: 'the officer signed in there, admin',
    body: CallNextBody,
    responses: { 200: { description: 'Called', schema: z.object({ ticket: TicketDto }) }, 204: { description: 'Nobody waits' }, ...errorResponses(400, 401, 403, 404, 409) },
  });
  r.app.post('/api/counters/:id/call-next', officer, once, validJson(CallNextBody.default({})), (c) => {
    const [id, actor, pick] = [counterId(c), actorOf(c), c.req.valid('json')];
    return answerOnce(c, floor, (once) => floor.callNext(id, actor, pick, once), (ticket) => (ticket ? jsonReply(200, { ticket }) : { status: 204, body: null }));
  });

  const simple = ['recall', 'start', 'no-show', 'hold', 'pause', 'resume', 'close'] as const;
  const summaries: Record<(typeof simple)[number], string> = {
    recall: 'Call the current ticket again (announced again, counted)',
    start: 'The citizen arrived: service starts',
    'no-show': 'The called citizen did not come (vắng mặt)',
    hold: 'Put the current ticket on hold while the citizen fetches a missing paper',
    pause: 'Pause the counter (break)',
    resume: 'Resume after a pause',
    close: 'Close the counter and sign the officer out of it',
  };
  for (const action of simple) {
    r.doc({
      method: 'post',
      path: `/api/counters/:id/${action}`,
      summary: summaries[action],
      access: 'the officer signed in there, admin',
      responses: { 200: { description: 'Done', schema: TicketReply }, ...errorResponses(401, 403, 404, 409) },
    });
    r.app.post(`/api/counters/:id/${action}`, officer, once, (c) => {
      const [id, actor] = [counterId(c), actorOf(c)];
      return answerOnce(c, floor, (record) => floor.command(id, actor, { action }, record), (ticket) => jsonReply(200, { ticket }));
    });
  }

  const withBody = [
    { action: 'finish', body: FinishBody.default({}), summary: 'Service finished; optionally with the dossier code (mã hồ sơ)' },
    { action: 'transfer', body: TransferBody, summary: 'Send the ticket to another field and/or a specific counter; it goes back to waiting ahead of later arrivals' },
    { action: 'unhold', body: UnholdBody, summary: 'Bring back a ticket put on hold at this counter' },
  ] as const;
  for (const { action, body, summary } of withBody) {
    r.doc({
      method: 'post',
      path: `/api/counters/:id/${action}`,
      summary,
      access: 'the officer signed in there, admin',
      body,
      responses: { 200: { description: 'Done', schema: TicketReply }, ...errorResponses(400, 401, 403, 404, 409) },
    });
    r.app.post(`/api/counters/:id/${action}`, officer, once, validJson(body), (c) => {
      const [id, actor, cmd] = [counterId(c), actorOf(c), { action, ...c.req.valid('json') } as CounterCommand];
      return answerOnce(c, floor, (record) => floor.command(id, actor, cmd, record), (ticket) => jsonReply(200, { ticket }));
    });
  }
}
