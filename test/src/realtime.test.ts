import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, FloorEvent, ServerToClientEvents, Snapshot, SocketAuth } from '@qms/protocol';
import { client, kioskToken, login, officerAt, startTestServer, type TestServer } from './support/server';
import { waitFor } from '@qms/drivers/testing';

type FloorSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A socket that records every snapshot and event it receives. */
function connect(url: string, auth: SocketAuth) {
  const socket: FloorSocket = io(url, { auth, transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 300 });
  const snapshots: Snapshot[] = [];
  const events: FloorEvent[] = [];
  socket.on('snapshot', (s) => snapshots.push(s));
  socket.on('event', (e) => events.push(e));
  return { socket, snapshots, events };
}

describe('realtime', () => {
  const sockets: FloorSocket[] = [];
  const servers: TestServer[] = [];
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  });

  it('sends a snapshot on connect, then the call as an event to the display and the counter’s rating tablet', async () => {
    const server = await startTestServer();
    servers.push(server);
    const display = connect(server.url, { role: 'display', token: 'demo-display-token-0001' });
    const rating = connect(server.url, { role: 'rating', counterId: 3, token: 'demo-rating-token-0003' });
    const otherRating = connect(server.url, { role: 'rating', counterId: 5, token: 'demo-rating-token-0005' });
    sockets.push(display.socket, rating.socket, otherRating.socket);
    await waitFor('snapshots', () => display.snapshots.length && rating.snapshots.length && otherRating.snapshots.length);
    expect(display.snapshots[0]).toMatchObject({ centerName: 'Trung tâm Phục vụ hành chính công phường Hải Dương', timezone: 'Asia/Ho_Chi_Minh', demo: true });
    expect(display.snapshots[0]!.counters).toHaveLength(6);
    expect(display.snapshots[0]!.waiting).toBeUndefined();

    await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'chung-thuc' });
    const desk = await officerAt(server.url, 3);
    await desk.post('/api/counters/3/call-next');
    const call = await waitFor('the call', () => display.events.find((e) => e.type === 'ticket.called'));
    expect(call.type === 'ticket.called' && call.call).toMatchObject({ counterNumber: 3, recall: false, ticket: { number: '2001', status: 'called' } });
    await desk.post('/api/counters/3/finish', {});
    await waitFor('finish at the rating tablet', () => rating.events.find((e) => e.type === 'ticket.updated' && e.change === 'finished'));
    // The other counter’s tablet hears the public call but not this counter’s finish.
    await waitFor('the call elsewhere', () => otherRating.events.find((e) => e.type === 'ticket.called'));
    expect(otherRating.events.some((e) => e.type === 'ticket.updated')).toBe(false);
    // Events carry increasing sequence numbers.
    const seqs = display.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('staff and admin hear a kiosk device come and go, and health agrees', async () => {
    const server = await startTestServer();
    servers.push(server);
    const admin = connect(server.url, { role: 'admin', token: await login(server.url, 'quanly') });
    sockets.push(admin.socket);
    await waitFor('admin snapshot', () => admin.snapshots.length);
    const kiosk = connect(server.url, { role: 'kiosk', token: kioskToken });
    sockets.push(kiosk.socket);
    await waitFor('kiosk connected', () => admin.events.find((e) => e.type === 'device.status' && e.deviceId === 'kiosk-1' && e.ok));
    const health = await client(server.url, kioskToken).get('/api/health');
    expect(health.body.devices.find((d: { id: string }) => d.id === 'kiosk-1')).toMatchObject({ ok: true, detail: 'connected' });
    kiosk.socket.close();
    const gone = await waitFor('kiosk gone', () => admin.events.find((e) => e.type === 'device.status' && e.deviceId === 'kiosk-1' && !e.ok));
    expect(gone).toMatchObject({ kind: 'kiosk', detail: 'not connected' });
  });

  it('refuses rooms the caller may not join', async () => {
    const server = await startTestServer();
    servers.push(server);
    const refused = (auth: SocketAuth) =>
      new Promise<string>((resolve) => {
        const s: FloorSocket = io(server.url, { auth, transports: ['websocket'], reconnection: false });
        sockets.push(s);
        s.on('connect_error', (e) => resolve(e.message));
        s.on('connect', () => resolve('connected'));
      });
    expect(await refused({ role: 'admin' })).toBe('unauthorized');
    expect(await refused({ role: 'admin', token: kioskToken })).toBe('unauthorized');
    expect(await refused({ role: 'counter', counterId: 1 })).toBe('unauthorized');
    expect(await refused({ role: 'rating', counterId: 2, token: 'demo-rating-token-0003' })).toBe('forbidden');
    expect(await refused({ role: 'admin', token: await login(server.url, 'quanly') })).toBe('connected');
  });

  it('a handshake with a token that is not text, or a broken session cookie, is refused and the server stays up', async () => {
    const server = await startTestServer();
    servers.push(server);
    const attempt = (auth: unknown, cookie?: string) =>
      new Promise<string>((resolve) => {
        const s: FloorSocket = io(server.url, { auth: auth as SocketAuth, transports: ['websocket'], reconnection: false, ...(cookie ? { extraHeaders: { cookie } } : {}) });
        sockets.push(s);
        s.on('connect_error', (e) => resolve(e.message));
        s.on('connect', () => resolve('connected'));
      });
    for (const token of [1, true, { a: 1 }, ['x']]) expect(await attempt({ role: 'admin', token })).toBe('unauthorized');
    expect(await attempt({ role: 'admin' }, 'qms_session=%E0%A4%A')).toBe('unauthorized');
    expect(await attempt({ role: 'display', token: 7 })).toBe('unauthorized'); // the hall display shows its device token
    expect((await client(server.url, kioskToken).get('/api/health')).status).toBe(200);
  });

  it('a client is back in sync after a server restart, without a new page', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qms-rt-'));
    try {
      let server = await startTestServer({ dataDir });
      const port = server.port;
      const token = await login(server.url, 'admin', 'admin');
      const admin = connect(server.url, { role: 'admin', token });
      sockets.push(admin.socket);
      await waitFor('first snapshot', () => admin.snapshots.length === 1);
      expect(admin.snapshots[0]!.waiting).toEqual([]);

      await server.stop();
      await waitFor('disconnect', () => !admin.socket.connected);
      server = await startTestServer({ dataDir, port });
      servers.push(server);
      await waitFor('reconnect snapshot', () => admin.snapshots.length >= 2, 20_000);
      await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
      const issued = await waitFor('event after restart', () => admin.events.find((e) => e.type === 'ticket.issued'));
      expect(issued.type === 'ticket.issued' && issued.ticket.number).toBe('1001');
      // The session survived the restart too: it lives in SQLite, not in memory.
      expect(admin.socket.connected).toBe(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
