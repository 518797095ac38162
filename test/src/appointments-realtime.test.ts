import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '@qms/drivers/testing';
import type { ClientToServerEvents, FloorEvent, ServerToClientEvents } from '@qms/protocol';
import { client, kioskToken, login, startTestServer, testClock, type TestServer } from './support/server';

const hanoi = (local: string) => Date.parse(`${local}+07:00`);

describe('booking lists follow live', () => {
  const servers: TestServer[] = [];
  const sockets: Socket[] = [];
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  });

  it('a desk socket hears appointments.changed (field and day only, no code) on booking and check-in; public screens hear nothing of bookings', async () => {
    const clock = testClock(hanoi('2026-03-16T08:10:00'));
    const server = await startTestServer({ now: clock.now });
    servers.push(server);
    const officer = await login(server.url, 'canbo2');
    expect((await client(server.url, officer).post('/api/counters/2/sign-in')).status).toBe(200);
    const desk: Socket<ServerToClientEvents, ClientToServerEvents> = io(server.url, { auth: { role: 'counter', counterId: 2, token: officer }, transports: ['websocket'] });
    const kiosk: Socket<ServerToClientEvents, ClientToServerEvents> = io(server.url, { auth: { role: 'kiosk', token: kioskToken }, transports: ['websocket'] });
    sockets.push(desk, kiosk);
    const atDesk: FloorEvent[] = [];
    const atKiosk: FloorEvent[] = [];
    desk.on('event', (e) => atDesk.push(e));
    kiosk.on('event', (e) => atKiosk.push(e));
    await waitFor('sockets', () => desk.connected && kiosk.connected);

    const booked = await client(server.url).post('/api/appointments', { serviceId: 'ho-tich', slotStart: '2026-03-16T09:00:00+07:00' });
    expect(booked.status).toBe(201);
    await waitFor('the desk hears of it', () => atDesk.some((e) => e.type === 'appointments.changed'));
    expect(atDesk.find((e) => e.type === 'appointments.changed')).toMatchObject({ serviceId: 'ho-tich', date: '2026-03-16' });
    clock.set(hanoi('2026-03-16T08:50:00'));
    const checkIn = await client(server.url, kioskToken).post(`/api/appointments/${booked.body.code}/check-in`);
    expect(checkIn.status).toBe(200);
    await waitFor('the check-in reaches the desk', () => atDesk.filter((e) => e.type === 'appointments.changed').length >= 2);
    // Public screens are not told of bookings at all.
    expect(atKiosk.some((e) => e.type === 'appointments.changed')).toBe(false);
    expect(JSON.stringify(atDesk)).not.toContain(booked.body.key);
  });
});
