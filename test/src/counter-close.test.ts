import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, kioskToken, officerAt, startTestServer, type TestServer } from './support/server';

describe('closing a counter strands no ticket', () => {
  let server: TestServer;
  beforeAll(async () => (server = await startTestServer()));
  afterAll(() => server.stop());

  it('refuses a transfer to a closed counter; tickets sent to a counter or held there go back to the queue when it closes', async () => {
    const kiosk = client(server.url, kioskToken);
    const a = (await kiosk.post('/api/tickets', { serviceId: 'nguoi-co-cong' })).body;
    await kiosk.post('/api/tickets', { serviceId: 'nguoi-co-cong' });
    const desk2 = await officerAt(server.url, 2);
    const desk5 = await officerAt(server.url, 5);

    expect((await desk5.post('/api/counters/5/call-next')).body.ticket.id).toBe(a.id);
    const toClosed = await desk5.post('/api/counters/5/transfer', { counterId: 6 });
    expect(toClosed.status).toBe(409);
    expect(toClosed.body.error).toMatchObject({ code: 'transfer_to_closed', message: 'Quầy 6 đang đóng; chuyển sang quầy đang mở hoặc chuyển theo lĩnh vực.' });

    const sent = await desk5.post('/api/counters/5/transfer', { counterId: 2 });
    expect(sent.body.ticket).toMatchObject({ serviceId: 'nguoi-co-cong', targetCounterId: 2 });
    expect((await desk2.post('/api/counters/2/close')).status).toBe(200);
    expect((await client(server.url).get(`/api/tickets/${a.id}`)).body).toMatchObject({ status: 'waiting' });
    expect((await desk5.post('/api/counters/5/call-next')).body.ticket.id).toBe(a.id); // counter 5 may take it again

    expect((await desk5.post('/api/counters/5/hold')).status).toBe(200);
    expect((await desk5.post('/api/counters/5/close')).status).toBe(200);
    const desk2Again = await officerAt(server.url, 2);
    expect((await desk2Again.post('/api/counters/2/call-next')).body.ticket.id).toBe(a.id);

    const released = server.db.prepare(`SELECT counter_id, payload FROM events WHERE type = 'ticket.released' AND ticket_id = ? ORDER BY id`).all(a.id) as { counter_id: number; payload: string }[];
    expect(released.map((e) => [e.counter_id, JSON.parse(e.payload)])).toEqual([
      [2, { reason: 'counter_closed', from: 'waiting' }],
      [5, { reason: 'counter_closed', from: 'on_hold' }],
    ]);
  });

  it('a ticket sent to a counter by name keeps its field, and that counter calls it first', async () => {
    const land = (await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'dat-dai' })).body;
    const desk4 = await officerAt(server.url, 4);
    expect((await desk4.post('/api/counters/4/call-next')).body.ticket.id).toBe(land.id);
    const sent = await desk4.post('/api/counters/4/transfer', { counterId: 2 });
    expect(sent.body.ticket).toMatchObject({ serviceId: 'dat-dai', targetCounterId: 2, status: 'waiting' });
    const desk2 = await officerAt(server.url, 2);
    await desk2.post('/api/counters/2/finish');
    expect((await desk2.post('/api/counters/2/call-next')).body.ticket).toMatchObject({ id: land.id, serviceId: 'dat-dai' });
  });
});
