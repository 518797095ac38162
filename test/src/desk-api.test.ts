import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertContract } from './support/contract';
import { client, kioskToken, login, officerAt, startTestServer, testClock, type TestServer } from './support/server';

describe('desk console routes', () => {
  let server: TestServer;
  const clock = testClock();
  beforeAll(async () => {
    server = await startTestServer({ now: clock.now });
  });
  afterAll(() => server.stop());

  it('the queue of a counter is in call order, with per-field counts and the longest wait', async () => {
    const kiosk = client(server.url, kioskToken);
    const a = (await kiosk.post('/api/tickets', { serviceId: 'ho-tich' })).body;
    clock.advance(60_000);
    const b = (await kiosk.post('/api/tickets', { serviceId: 'nguoi-co-cong' })).body;
    clock.advance(60_000);
    const c = (await kiosk.post('/api/tickets', { serviceId: 'ho-tich', priority: 'elderly' })).body;
    await kiosk.post('/api/tickets', { serviceId: 'dat-dai' });
    clock.advance(30_000);
    const desk = await officerAt(server.url, 2); // counter 2 serves ho-tich, then nguoi-co-cong (ordered)
    const res = await desk.get('/api/counters/2/queue');
    expect(res.status).toBe(200);
    assertContract(server, 'get', '/api/counters/:id/queue', res);
    expect(res.body.waiting.map((t: { number: string }) => t.number)).toEqual([c.number, a.number, b.number]);
    expect(res.body.services).toEqual([
      { serviceId: 'ho-tich', waiting: 2, longestWaitSeconds: 150 },
      { serviceId: 'nguoi-co-cong', waiting: 1, longestWaitSeconds: 90 },
    ]);
    // Call next takes the first of that list.
    expect((await desk.post('/api/counters/2/call-next')).body.ticket.number).toBe(c.number);
    expect((await desk.post('/api/counters/2/hold')).status).toBe(200);
    const held = (await desk.get('/api/counters/2/queue')).body;
    expect(held.held.map((t: { number: string }) => t.number)).toEqual([c.number]);
    expect(held.waiting.map((t: { number: string }) => t.number)).toEqual([a.number, b.number]);
  });

  it('finish keeps the dossier code and the procedure; the counter then suggests the procedure', async () => {
    const desk = await officerAt(server.url, 2);
    await desk.post('/api/counters/2/call-next');
    await desk.post('/api/counters/2/start');
    clock.advance(300_000);
    const done = await desk.post('/api/counters/2/finish', { dossierCode: ' 000.00.20.H23-260316-0001 ', procedure: 'Đăng ký khai sinh' });
    expect(done.status).toBe(200);
    expect(done.body.ticket.dossierCode).toBe('000.00.20.H23-260316-0001');
    const ev = server.db.prepare(`SELECT payload FROM events WHERE type = 'ticket.finished' AND ticket_id = ?`).get(done.body.ticket.id) as { payload: string };
    expect(JSON.parse(ev.payload)).toMatchObject({ dossierCode: '000.00.20.H23-260316-0001', procedure: 'Đăng ký khai sinh' });
    const p = await desk.get('/api/counters/2/procedures');
    assertContract(server, 'get', '/api/counters/:id/procedures', p);
    expect(p.body.procedures).toEqual(['Đăng ký khai sinh']);
  });

  it("the officer's own day counts served, no-shows and ratings, with the mean service time", async () => {
    const desk = await officerAt(server.url, 2);
    await desk.post('/api/counters/2/call-next');
    await desk.post('/api/counters/2/no-show');
    const day = await desk.get('/api/me/day');
    expect(day.status).toBe(200);
    assertContract(server, 'get', '/api/me/day', day);
    expect(day.body).toMatchObject({ serviceDay: '2026-03-16', served: 1, noShow: 1, transferred: 0, averageServiceSeconds: 300 });
    expect(day.body.ratings.total).toBe(0);
    expect(day.body.satisfactionRate).toBeNull();
    const other = client(server.url, await login(server.url, 'canbo3'));
    expect((await other.get('/api/me/day')).body.served).toBe(0);
  });

  it('bad input gets a 4xx in Vietnamese (English on request), never a 500', async () => {
    const desk = await officerAt(server.url, 2);
    const long = await desk.post('/api/counters/2/finish', { dossierCode: 'x'.repeat(65) });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toMatch(/không hợp lệ/);
    const blank = await desk.post('/api/counters/2/finish', { procedure: '   ' }, { 'accept-language': 'en' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.message).toMatch(/not valid/);
    expect((await desk.get('/api/counters/99/queue')).status).toBe(404);
    expect((await desk.get('/api/counters/abc/procedures')).body.error.code).toBe('unknown_counter');
    expect((await client(server.url).get('/api/me/day')).status).toBe(401);
    expect((await client(server.url, kioskToken).get('/api/counters/2/queue')).status).toBe(403);
  });
});
