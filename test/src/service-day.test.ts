import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import type { FloorEvent, Snapshot } from '@qms/protocol';
import { hashPassword } from '@qms/server';
import { waitFor } from '@qms/drivers/testing';
import { client, demoConfig, kioskToken, login, officerAt, startTestServer, testClock, type TestServer } from './support/server';

const hanoi = (local: string) => Date.parse(`${local}+07:00`);

describe('the service day, issuing hours and caps through the API', () => {
  const servers: TestServer[] = [];
  afterEach(async () => Promise.all(servers.splice(0).map((s) => s.stop())));
  afterAll(async () => Promise.all(servers.map((s) => s.stop())));

  it('numbering restarts at local midnight, not UTC midnight; tickets left from yesterday are closed, not called today', async () => {
    const clock = testClock(hanoi('2026-03-16T06:30:00')); // 23:30 UTC the day before: still the 16th in Hanoi
    const server = await startTestServer({ now: clock.now });
    servers.push(server);
    const kiosk = client(server.url, kioskToken);
    const first = await kiosk.post('/api/tickets', { serviceId: 'ho-tich' });
    expect(first.body).toMatchObject({ number: '1001', serviceDay: '2026-03-16' });

    clock.set(hanoi('2026-03-16T23:59:00'));
    const late = await kiosk.post('/api/tickets', { serviceId: 'ho-tich' });
    expect(late.body).toMatchObject({ number: '1002', serviceDay: '2026-03-16', issuedAt: '2026-03-16T23:59:00.000+07:00' });

    clock.set(hanoi('2026-03-17T00:01:00'));
    const next = await kiosk.post('/api/tickets', { serviceId: 'ho-tich' });
    expect(next.body).toMatchObject({ number: '1001', serviceDay: '2026-03-17' });

    const desk = await officerAt(server.url, 2);
    const called = await desk.post('/api/counters/2/call-next');
    expect(called.body.ticket.id).toBe(next.body.id);
    expect((await desk.post('/api/counters/2/call-next')).status).toBe(204);
    const stale = await client(server.url).get(`/api/tickets/${late.body.id}`);
    expect(stale.body.status).toBe('cancelled');
    const why = server.db.prepare(`SELECT payload FROM events WHERE ticket_id = ? AND type = 'ticket.cancelled'`).get(late.body.id) as { payload: string };
    expect(JSON.parse(why.payload)).toEqual({ reason: 'day_closed', from: 'waiting' });
  });

  it('a counter left open overnight is closed for the next morning; a restart during the day leaves it open', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qms-day-'));
    const clock = testClock(hanoi('2026-03-16T16:30:00'));
    let server = await startTestServer({ now: clock.now, dataDir });
    servers.push(server);
    await officerAt(server.url, 2); // canbo2 never closes counter 2
    await server.stop();
    servers.pop();

    clock.set(hanoi('2026-03-16T16:45:00')); // restarted the same afternoon
    server = await startTestServer({ now: clock.now, dataDir });
    servers.push(server);
    await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
    expect((await client(server.url).get('/api/counters')).body[1]).toMatchObject({ status: 'open', staff: { name: 'Lê Thị Bình' } });

    clock.set(hanoi('2026-03-17T07:25:00'));
    const canbo1 = client(server.url, await login(server.url, 'canbo1'));
    const taken = await canbo1.post('/api/counters/2/sign-in');
    expect(taken.status).toBe(200);
    expect(taken.body.counter).toMatchObject({ status: 'open', staff: { name: 'Trần Văn An' } });
    const closed = server.db.prepare(`SELECT payload FROM events WHERE type = 'counter.closed' AND counter_id = 2`).all() as { payload: string }[];
    expect(closed.map((e) => JSON.parse(e.payload).reason)).toEqual(['day_closed']);
  });

  it('outside demo mode: issuing hours, working days and the daily cap are enforced in local time', async () => {
    const config = demoConfig({ demo: false, accounts: [] });
    config.services[2]!.dailyCap = 2;
    const clock = testClock(hanoi('2026-03-16T07:00:00')); // Monday, before opening
    const server = await startTestServer({ config, now: clock.now });
    servers.push(server);
    const kiosk = client(server.url, kioskToken);

    const early = await kiosk.post('/api/tickets', { serviceId: 'ho-tich' });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'outside_hours', message: 'Lĩnh vực Hộ tịch chỉ cấp số trong giờ 07:30–11:30, 13:30–17:00.' });
    const services = await client(server.url).get('/api/services');
    expect(services.body[0]).toMatchObject({ issuingNow: false, closedReason: 'outside_hours' });

    clock.set(hanoi('2026-03-16T07:30:00'));
    expect((await kiosk.post('/api/tickets', { serviceId: 'ho-tich' })).status).toBe(201);
    clock.set(hanoi('2026-03-16T12:00:00'));
    expect((await kiosk.post('/api/tickets', { serviceId: 'ho-tich' })).body.error.code).toBe('outside_hours');
    clock.set(hanoi('2026-03-16T13:30:00'));
    expect((await kiosk.post('/api/tickets', { serviceId: 'dat-dai' })).status).toBe(201);
    expect((await kiosk.post('/api/tickets', { serviceId: 'dat-dai' })).status).toBe(201);
    const capped = await kiosk.post('/api/tickets', { serviceId: 'dat-dai' });
    expect(capped.status).toBe(409);
    expect(capped.body.error).toMatchObject({ code: 'daily_cap_reached', message: 'Lĩnh vực Đất đai đã hết số trong ngày (2 số).' });

    clock.set(hanoi('2026-03-22T09:00:00')); // Sunday
    expect((await kiosk.post('/api/tickets', { serviceId: 'ho-tich' })).body.error.code).toBe('not_working_day');
  });

  it('with nobody pressing anything, a kiosk left on hears issuing open and every screen starts the new day afresh', async () => {
    const officer = { ...demoConfig().accounts.find((a) => a.username === 'canbo2')!, password: undefined, passwordHash: hashPassword('123456') };
    const config = demoConfig({ demo: false, accounts: [officer] });
    const clock = testClock(hanoi('2026-03-16T07:29:00')); // Monday, a minute before opening
    const server = await startTestServer({ config, now: clock.now });
    servers.push(server);
    const kiosk = io(server.url, { auth: { role: 'kiosk', token: kioskToken }, transports: ['websocket'] });
    try {
      const snapshots: Snapshot[] = [];
      const events: FloorEvent[] = [];
      kiosk.on('snapshot', (s) => snapshots.push(s));
      kiosk.on('event', (e: FloorEvent) => events.push(e));
      await waitFor('the first snapshot', () => snapshots.length === 1);
      expect(snapshots[0]!.services[0]).toMatchObject({ issuingNow: false, closedReason: 'outside_hours' });

      server.floorClock.tick();
      const servicesUpdated = () => events.filter((e) => e.type === 'services.updated');
      expect(servicesUpdated()).toEqual([]); // nothing changed yet

      clock.set(hanoi('2026-03-16T07:30:00'));
      server.floorClock.tick();
      const opened = await waitFor('services.updated', () => servicesUpdated()[0]);
      expect(opened.type === 'services.updated' && opened.services[0]).toMatchObject({ id: 'ho-tich', issuingNow: true, closedReason: null });

      const ticket = await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
      const desk = await officerAt(server.url, 2);
      await desk.post('/api/counters/2/call-next');
      await waitFor('the call', () => events.some((e) => e.type === 'ticket.called'));

      clock.set(hanoi('2026-03-17T06:00:00'));
      server.floorClock.tick();
      const fresh = await waitFor('a new day\'s snapshot', () => snapshots[1]);
      expect(fresh).toMatchObject({ serviceDay: '2026-03-17', recentCalls: [] });
      expect(fresh.counters.find((c) => c.id === 2)).toMatchObject({ status: 'closed', currentTicket: null });
      expect(fresh.services[0]).toMatchObject({ waiting: 0, issuingNow: false });
      expect((await client(server.url).get(`/api/tickets/${ticket.body.id}`)).body.status).toBe('cancelled');
    } finally {
      kiosk.close();
    }
  });
});
