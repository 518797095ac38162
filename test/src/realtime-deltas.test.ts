import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, FloorEvent, ServerToClientEvents, Snapshot, SocketAuth } from '@qms/protocol';
import { waitFor } from '@qms/drivers/testing';
import { applyFloorEvent } from '../../ui-kit/src/floor';
import { client, kioskToken, login, officerAt, startTestServer, testClock, type TestServer } from './support/server';

type FloorSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

function connect(url: string, auth: SocketAuth) {
  const socket: FloorSocket = io(url, { auth, transports: ['websocket'], forceNew: true });
  const snapshots: Snapshot[] = [];
  const events: FloorEvent[] = [];
  const batches: FloorEvent[][] = [];
  socket.on('snapshot', (s) => snapshots.push(s));
  socket.on('event', (e) => events.push(e));
  socket.on('events', (list) => batches.push(list));
  return { socket, snapshots, events, batches };
}

const fresh = (socket: FloorSocket) =>
  new Promise<Snapshot>((resolve) => socket.emit('resync', (r) => (r.ok ? resolve(r.data) : undefined)));

describe('what a command sends to the screens', () => {
  let server: TestServer;
  const sockets: FloorSocket[] = [];
  beforeAll(async () => {
    server = await startTestServer({ now: testClock().now });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await server.stop();
  });

  it('a call is three messages to a display (the call, the counter’s last state, the changed field), and no LED board’s or keypad’s state', async () => {
    const display = connect(server.url, { role: 'display', token: 'demo-display-token-0001' });
    const admin = connect(server.url, { role: 'admin', token: await login(server.url, 'admin', 'admin') });
    sockets.push(display.socket, admin.socket);
    await waitFor('snapshots', () => display.snapshots.length && admin.snapshots.length);
    const kiosk = client(server.url, kioskToken);
    for (let i = 0; i < 2; i++) await kiosk.post('/api/tickets', { serviceId: 'ho-tich' });
    const desk = await officerAt(server.url, 1);
    expect((await desk.post('/api/counters/1/call-next')).status).toBe(200);
    // The LED board's "shows …" reaches the admin; once it has, the display has had whatever it would get with it.
    await waitFor('the LED board shows the first call', () => admin.events.find((e) => e.type === 'device.status' && e.kind === 'led' && e.detail?.includes('1001')));
    await kiosk.post('/api/tickets', { serviceId: 'chung-thuc' });
    await waitFor('the issue after it', () => display.events.find((e) => e.type === 'services.updated' && e.services.some((s) => s.id === 'chung-thuc')));

    const from = display.events.length;
    const second = await desk.post('/api/counters/1/call-next'); // finishes 1001, calls the next
    expect(second.status).toBe(200);
    const number = second.body.ticket.number as string;
    await waitFor('the LED board shows the second call', () => admin.events.find((e) => e.type === 'device.status' && e.kind === 'led' && e.detail?.includes(number)));
    await kiosk.post('/api/tickets', { serviceId: 'dat-dai' });
    await waitFor('the issue after it', () => display.events.slice(from).find((e) => e.type === 'services.updated' && e.services.some((s) => s.id === 'dat-dai')));
    const call = display.events.slice(from, -1);
    expect(call.map((e) => e.type)).toEqual(['ticket.called', 'counter.updated', 'services.updated']);
    const [, counterEvent, servicesEvent] = call;
    const counter = counterEvent?.type === 'counter.updated' ? counterEvent.counter : null;
    expect(counter?.currentTicket?.number).toBe(number);
    const services = servicesEvent?.type === 'services.updated' ? servicesEvent : null;
    expect(services?.partial).toBe(true);
    // The called ticket's field and the finished one's (its estimate follows the service times).
    expect(services?.services.map((s) => s.id).sort()).toEqual([...new Set(['ho-tich', second.body.ticket.serviceId as string])].sort());
    expect(display.events.some((e) => e.type === 'device.status' && e.kind !== 'printer')).toBe(false); // a printer's state goes to every screen (the kiosk shows it)
  });

  it('a socket that asks for batches gets each command’s events as one `events` message, the same events in the same order', async () => {
    const display = connect(server.url, { role: 'display', token: 'demo-display-token-0001' });
    const batched = connect(server.url, { role: 'display', token: 'demo-display-token-0001', batch: true });
    const admin = connect(server.url, { role: 'admin', token: await login(server.url, 'admin', 'admin') });
    const adminBatched = connect(server.url, { role: 'admin', token: await login(server.url, 'admin', 'admin'), batch: true });
    sockets.push(display.socket, batched.socket, admin.socket, adminBatched.socket);
    await waitFor('snapshots', () => display.snapshots.length && batched.snapshots.length && admin.snapshots.length && adminBatched.snapshots.length);
    const kiosk = client(server.url, kioskToken);
    await kiosk.post('/api/tickets', { serviceId: 'xay-dung' });
    const desk = await officerAt(server.url, 4);
    const from = { display: display.events.length, admin: admin.events.length, batches: batched.batches.length, adminBatches: adminBatched.batches.length };
    expect((await desk.post('/api/counters/4/call-next')).status).toBe(200);
    await waitFor('the call, batched', () => batched.batches.slice(from.batches).some((b) => b.some((e) => e.type === 'ticket.called')));
    await waitFor('the call, one by one', () => display.events.slice(from.display).some((e) => e.type === 'services.updated'));
    const call = batched.batches.slice(from.batches).find((b) => b.some((e) => e.type === 'ticket.called'))!;
    expect(call).toEqual(display.events.slice(from.display, from.display + call.length));
    expect(call.map((e) => e.type)).toEqual(['ticket.called', 'counter.updated', 'services.updated']);
    expect(batched.events).toEqual([]);
    // Staff get the full payloads, batched the same way.
    await waitFor('the admin’s batch', () => adminBatched.batches.slice(from.adminBatches).some((b) => b.some((e) => e.type === 'ticket.called')));
    const staffCall = adminBatched.batches.slice(from.adminBatches).find((b) => b.some((e) => e.type === 'ticket.called'))!;
    await waitFor('the admin’s events', () => admin.events.length >= from.admin + staffCall.length);
    expect(staffCall).toEqual(admin.events.slice(from.admin, from.admin + staffCall.length));
    expect(adminBatched.events).toEqual([]);
  });

  it('the partial events, applied as the screens apply them, give the same screen as a fresh snapshot', async () => {
    const display = connect(server.url, { role: 'display', token: 'demo-display-token-0001' });
    const staff = connect(server.url, { role: 'admin', token: await login(server.url, 'admin', 'admin') });
    sockets.push(display.socket, staff.socket);
    await waitFor('snapshots', () => display.snapshots.length && staff.snapshots.length);
    const kiosk = client(server.url, kioskToken);
    for (const serviceId of ['ho-tich', 'ho-tich', 'chung-thuc', 'dat-dai', 'chung-thuc']) await kiosk.post('/api/tickets', { serviceId });
    const one = await officerAt(server.url, 2);
    const three = await officerAt(server.url, 3);
    await one.post('/api/counters/2/call-next');
    await three.post('/api/counters/3/call-next');
    await one.post('/api/counters/2/call-next');
    await one.post('/api/counters/2/transfer', { serviceId: 'dat-dai' });
    await three.post('/api/counters/3/finish', {});
    await three.post('/api/counters/3/pause');
    const last = (await kiosk.post('/api/tickets', { serviceId: 'dat-dai' })).body;
    await client(server.url, await login(server.url, 'admin', 'admin')).post(`/api/tickets/${last.id}/cancel`);
    await waitFor('the cancel', () => staff.events.find((e) => e.type === 'ticket.updated' && e.change === 'cancelled'));
    const seq = staff.events.at(-1)!.seq;
    await waitFor('the display caught up', () => display.events.find((e) => e.seq >= seq - 1 && e.type === 'services.updated'));

    for (const s of [display, staff]) {
      const applied = s.events.reduce(applyFloorEvent, s.snapshots[0]!);
      const now = await fresh(s.socket);
      expect(applied.services).toEqual(now.services);
      // A public screen hears no ticket change but calls, so the ticket a counter shows may lag in `printed`: compared by what is shown.
      const shown = (x: Snapshot) => x.counters.map((c) => ({ ...c, currentTicket: c.currentTicket && { number: c.currentTicket.number, status: c.currentTicket.status } }));
      expect(shown(applied)).toEqual(shown(now));
      expect(applied.recentCalls.map((c) => c.ticket.number)).toEqual(now.recentCalls.map((c) => c.ticket.number));
    }
    expect(display.events.filter((e) => e.type === 'services.updated').every((e) => e.type === 'services.updated' && e.partial && e.services.length <= 2)).toBe(true);
  });
});
