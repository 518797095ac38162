import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FloorEvent } from '@qms/protocol';
import { assertContract } from './support/contract';
import { ratingKeyOf } from './support/rating-key';
import { client, kioskToken, officerAt, startTestServer, testClock, type TestServer } from './support/server';

describe('a ticket’s whole life through HTTP', () => {
  const clock = testClock(Date.parse('2026-03-16T01:00:00Z')); // 08:00 in Hanoi
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ now: clock.now });
  });
  afterAll(() => server.stop());

  it('issues, calls, recalls, starts, transfers, holds, finishes with a dossier code, rates — and logs every step', async () => {
    const kiosk = client(server.url, kioskToken);
    const desk2 = await officerAt(server.url, 2);
    const desk4 = await officerAt(server.url, 4);

    const issued = await kiosk.post('/api/tickets', { serviceId: 'ho-tich' });
    assertContract(server, 'post', '/api/tickets', issued);
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ number: '1001', serviceId: 'ho-tich', status: 'waiting', channel: 'kiosk', waitingAhead: 0 });
    expect(issued.body.issuedAt).toBe('2026-03-16T08:00:00.000+07:00');
    const id = issued.body.id as string;

    const second = await kiosk.post('/api/tickets', { serviceId: 'ho-tich' });
    expect(second.body).toMatchObject({ number: '1002', waitingAhead: 1 });

    clock.advance(60_000);
    const called = await desk2.post('/api/counters/2/call-next');
    assertContract(server, 'post', '/api/counters/:id/call-next', called);
    expect(called.body.ticket).toMatchObject({ id, status: 'called', counterId: 2, callCount: 1 });

    clock.advance(30_000);
    const recalled = await desk2.post('/api/counters/2/recall');
    assertContract(server, 'post', '/api/counters/:id/recall', recalled);
    expect(recalled.body.ticket).toMatchObject({ status: 'called', callCount: 2 });

    clock.advance(30_000);
    expect((await desk2.post('/api/counters/2/start')).body.ticket.status).toBe('serving');

    // Hộ tịch → Đất đai at counter 4: back to waiting, ahead of a land ticket issued later.
    const later = await kiosk.post('/api/tickets', { serviceId: 'dat-dai' });
    const transferred = await desk2.post('/api/counters/2/transfer', { serviceId: 'dat-dai', counterId: 4 });
    assertContract(server, 'post', '/api/counters/:id/transfer', transferred);
    expect(transferred.body.ticket).toMatchObject({ status: 'waiting', serviceId: 'dat-dai', targetCounterId: 4, counterId: null });

    const atFour = await desk4.post('/api/counters/4/call-next');
    expect(atFour.body.ticket.id).toBe(id);

    expect((await desk4.post('/api/counters/4/hold')).body.ticket.status).toBe('on_hold');
    const heard: FloorEvent[] = [];
    const listen = (e: FloorEvent) => heard.push(e);
    server.floor.bus.on('event', listen);
    const unheld = await desk4.post('/api/counters/4/unhold', { ticketId: id });
    server.floor.bus.off('event', listen);
    // Brought back: the hall displays call the citizen to counter 4 again.
    expect(heard.find((e) => e.type === 'ticket.called')).toMatchObject({ call: { counterId: 4, recall: true, ticket: { id } } });
    // A display that reconnects now gets the same: the bring-back as the latest call, each ticket listed once.
    const recent = server.floor.snapshot({ withWaiting: false }).recentCalls;
    expect(recent[0]).toMatchObject({ counterId: 4, recall: true, ticket: { id } });
    expect(new Set(recent.map((c) => c.ticket.id)).size).toBe(recent.length);
    assertContract(server, 'post', '/api/counters/:id/unhold', unheld);
    // Service at counter 4 had not started (a transfer clears the start), so the ticket comes back as called.
    expect(unheld.body.ticket.status).toBe('called');

    clock.advance(300_000);
    const finished = await desk4.post('/api/counters/4/finish', { dossierCode: 'H12.34-260316-0001' });
    assertContract(server, 'post', '/api/counters/:id/finish', finished);
    expect(finished.body.ticket).toMatchObject({ status: 'done', dossierCode: 'H12.34-260316-0001' });

    const next = await desk4.post('/api/counters/4/call-next');
    expect(next.body.ticket.id).toBe(later.body.id);
    expect((await desk4.post('/api/counters/4/no-show')).body.ticket.status).toBe('no_show');
    const empty = await desk4.post('/api/counters/4/call-next');
    assertContract(server, 'post', '/api/counters/:id/call-next', empty);
    expect(empty.status).toBe(204);

    const rating = await client(server.url).post('/api/ratings', { ticketId: id, level: 'satisfied', key: ratingKeyOf(server, id) });
    assertContract(server, 'post', '/api/ratings', rating);
    expect(rating.body).toMatchObject({ ticketId: id, level: 'satisfied', counterId: 4, serviceId: 'dat-dai' });
    expect((await client(server.url).post('/api/ratings', { ticketId: id, level: 'very_satisfied', key: ratingKeyOf(server, id) })).body.error.code).toBe('already_rated');

    const asStaff = await desk4.get(`/api/tickets/${id}`);
    assertContract(server, 'get', '/api/tickets/:id', asStaff);
    // The demo kiosk's simulated printer logs ticket.printed whenever its paper comes out; that timing is not part of the lifecycle.
    const lifecycle = asStaff.body.events.filter((e: { type: string }) => !e.type.startsWith('ticket.print'));
    expect(lifecycle.map((e: { type: string }) => e.type)).toEqual([
      'ticket.issued',
      'ticket.called',
      'ticket.recalled',
      'ticket.started',
      'ticket.transferred',
      'ticket.called',
      'ticket.on_hold',
      'ticket.unheld',
      'ticket.finished',
      'rating.received',
    ]);
    const transfer = lifecycle[4];
    expect(transfer).toMatchObject({ counterId: 2, payload: { fromServiceId: 'ho-tich', toServiceId: 'dat-dai', fromCounterId: 2, toCounterId: 4 } });
    expect(lifecycle[8].payload).toMatchObject({ dossierCode: 'H12.34-260316-0001' });

    const publicView = await client(server.url).get(`/api/tickets/${id}`);
    expect(publicView.body.events).toBeUndefined();
    expect(publicView.body.serviceName).toBe('Đất đai');

    // The database agrees with what HTTP said, and every state row change has its event.
    const row = server.db.prepare(`SELECT status, counter_id, dossier_code FROM tickets WHERE id = ?`).get(id);
    expect(row).toEqual({ status: 'done', counter_id: 4, dossier_code: 'H12.34-260316-0001' });
  });

  it('serves the counters and services the contract describes', async () => {
    const counters = await client(server.url).get('/api/counters');
    assertContract(server, 'get', '/api/counters', counters);
    expect(counters.body).toHaveLength(6);
    expect(counters.body.find((c: { id: number }) => c.id === 4)).toMatchObject({ status: 'open', staff: { name: 'Hoàng Thị Dung' } });
    const services = await client(server.url).get('/api/services');
    assertContract(server, 'get', '/api/services', services);
    expect(services.body.map((s: { name: string }) => s.name)).toEqual(['Hộ tịch', 'Chứng thực', 'Đất đai', 'Xây dựng', 'Bảo trợ xã hội', 'Người có công', 'Bảo hiểm xã hội']);
    const health = await client(server.url, kioskToken).get('/api/health');
    assertContract(server, 'get', '/api/health', health);
    expect(health.body.db).toEqual({ ok: true, journalMode: 'wal', synchronous: 'FULL' });
  });

  it('an idempotency key makes a retried call-next act once', async () => {
    const kiosk = client(server.url, kioskToken);
    const desk3 = await officerAt(server.url, 3);
    await kiosk.post('/api/tickets', { serviceId: 'chung-thuc' });
    await kiosk.post('/api/tickets', { serviceId: 'chung-thuc' });
    const key = { 'idempotency-key': 'click-1' };
    const [a, b] = await Promise.all([desk3.post('/api/counters/3/call-next', undefined, key), desk3.post('/api/counters/3/call-next', undefined, key)]);
    const replay = await desk3.post('/api/counters/3/call-next', undefined, key);
    const ok = [a, b].filter((r) => r.status === 200);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replay')).toBe('true');
    expect(replay.body.ticket.id).toBe(ok[0]!.body.ticket.id);
    const calls = server.db.prepare(`SELECT count(*) AS n FROM events WHERE type = 'ticket.called' AND counter_id = 3`).get() as { n: number };
    expect(calls.n).toBe(1);
  });

  it('two clicks sent with the same view of the desk call one ticket and leave it unfinished', async () => {
    const kiosk = client(server.url, kioskToken);
    const desk5 = await officerAt(server.url, 5);
    await kiosk.post('/api/tickets', { serviceId: 'bao-tro-xa-hoi' });
    await kiosk.post('/api/tickets', { serviceId: 'bao-tro-xa-hoi' });
    const first = await desk5.post('/api/counters/5/call-next', { currentTicketId: null });
    expect(first.status).toBe(200);
    const second = await desk5.post('/api/counters/5/call-next', { currentTicketId: null }, { 'accept-language': 'en' });
    assertContract(server, 'post', '/api/counters/:id/call-next', second);
    expect(second.status).toBe(409);
    expect(second.body.error).toEqual({
      code: 'stale_view',
      message: `Counter 5 has just called ${first.body.ticket.number}; the screen is now up to date and no other number was called.`,
    });
    expect((await client(server.url).get(`/api/tickets/${first.body.ticket.id}`)).body.status).toBe('called');

    const next = await desk5.post('/api/counters/5/call-next', { currentTicketId: first.body.ticket.id });
    expect(next.status).toBe(200);
    expect(next.body.ticket.id).not.toBe(first.body.ticket.id);
  });
});
