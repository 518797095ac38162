import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, FloorEvent, ServerToClientEvents, Snapshot, SocketAuth } from '@qms/protocol';
import { waitFor } from '@qms/drivers/testing';
import { client, demoConfig, kioskToken, login, officerAt, startTestServer, testClock, type TestServer } from './support/server';

type FloorSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

function connect(url: string, auth: SocketAuth, extraHeaders?: Record<string, string>) {
  const socket: FloorSocket = io(url, { auth, transports: ['websocket'], reconnection: false, ...(extraHeaders ? { extraHeaders } : {}) });
  const snapshots: Snapshot[] = [];
  const events: FloorEvent[] = [];
  let refused: string | null = null;
  let disconnected: string | null = null;
  socket.on('snapshot', (s) => snapshots.push(s));
  socket.on('event', (e) => events.push(e));
  socket.on('connect_error', (e) => (refused = e.message));
  socket.on('disconnect', (reason) => (disconnected = reason));
  return { socket, snapshots, events, refused: () => refused, disconnected: () => disconnected };
}

const DOSSIER = 'HS-000123-BIMAT';

describe('who hears what on the floor', () => {
  let server: TestServer;
  const sockets: FloorSocket[] = [];
  const open = (auth: SocketAuth, headers?: Record<string, string>) => {
    const s = connect(server.url, auth, headers);
    sockets.push(s.socket);
    return s;
  };
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await server?.stop();
  });

  it('display, kiosk and rating sockets need their device token', async () => {
    for (const auth of [{ role: 'display' }, { role: 'kiosk' }, { role: 'rating', counterId: 3 }] as SocketAuth[]) {
      const s = open(auth);
      expect(await waitFor(`${auth.role} refused`, () => s.refused())).toBe('unauthorized');
    }
    // Another kind of device's token does not open a display either.
    const wrong = open({ role: 'display', token: kioskToken });
    expect(await waitFor('display with a kiosk token', () => wrong.refused())).toBe('forbidden');
  });

  it('a dossier code reaches staff and admin only, over the socket and over HTTP', async () => {
    const display = open({ role: 'display', token: 'demo-display-token-0001' });
    const kiosk = open({ role: 'kiosk', token: kioskToken });
    const tablet = open({ role: 'rating', counterId: 3, token: 'demo-rating-token-0003' });
    // An officer with an account, at a desk of a counter they are not signed in at.
    const other = open({ role: 'counter', counterId: 3, token: await login(server.url, 'canbo2') });
    const admin = open({ role: 'admin', token: await login(server.url, 'admin', 'admin') });
    const all = [display, kiosk, tablet, other, admin];
    await waitFor('snapshots', () => all.every((s) => s.snapshots.length > 0));
    expect(other.snapshots[0]!.waiting).toBeUndefined();

    const issued = await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'chung-thuc' });
    const officer = await officerAt(server.url, 3);
    await officer.post('/api/counters/3/call-next');
    await officer.post('/api/counters/3/start');
    expect((await officer.post('/api/counters/3/finish', { dossierCode: DOSSIER })).status).toBe(200);
    await waitFor('the finish at the tablet', () => tablet.events.find((e) => e.type === 'ticket.updated' && e.change === 'finished'));
    await waitFor('the finish at the admin', () => admin.events.find((e) => e.type === 'ticket.updated' && e.change === 'finished'));

    for (const s of [display, kiosk, tablet, other]) expect(JSON.stringify([s.snapshots, s.events])).not.toContain(DOSSIER);
    expect(JSON.stringify(admin.events)).toContain(DOSSIER);
    // A fresh snapshot after the finish shows the public view too.
    const late = open({ role: 'display', token: 'demo-display-token-0001' });
    await waitFor('late snapshot', () => late.snapshots.length);

    const id = issued.body.id as string;
    for (const token of [undefined, kioskToken, 'demo-rating-token-0003']) {
      const t = await client(server.url, token).get(`/api/tickets/${id}`);
      expect(t.status).toBe(200);
      expect(t.body).toMatchObject({ id, status: 'done', dossierCode: null });
      expect(t.body.events).toBeUndefined();
    }
    const staff = await officer.get(`/api/tickets/${id}`);
    expect(staff.body.dossierCode).toBe(DOSSIER);
    expect(staff.body.events.length).toBeGreaterThan(0);
  });

  it('an officer gets a counter’s staff rooms only while signed in there', async () => {
    const token = await login(server.url, 'canbo4');
    const desk = open({ role: 'counter', counterId: 4, token });
    await waitFor('public snapshot', () => desk.snapshots.length);
    expect(desk.snapshots[0]!.waiting).toBeUndefined();
    await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
    // The tablet of counter 4 hears the call to this desk's counter only once the officer is in; ticket.issued is staff-only.
    const api = client(server.url, token);
    expect((await api.post('/api/counters/4/sign-in')).status).toBe(200);
    const staffSnapshot = await waitFor('staff snapshot after sign-in', () => desk.snapshots.find((s) => s.waiting !== undefined));
    expect(staffSnapshot.waiting!.length).toBeGreaterThan(0);
    await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
    await waitFor('ticket.issued after sign-in', () => desk.events.find((e) => e.type === 'ticket.issued'));
    expect(desk.events.filter((e) => e.type === 'ticket.issued')).toHaveLength(1);
  });

  it('signing out ends the desk’s socket: no staff event after it', async () => {
    const token = await login(server.url, 'canbo5');
    const api = client(server.url, token);
    expect((await api.post('/api/counters/5/sign-in')).status).toBe(200);
    const desk = open({ role: 'counter', counterId: 5, token });
    await waitFor('staff snapshot', () => desk.snapshots.find((s) => s.waiting !== undefined));
    // A second session of the same officer (another PC) stays connected.
    const elsewhere = open({ role: 'counter', counterId: 5, token: await login(server.url, 'canbo5') });
    await waitFor('second desk', () => elsewhere.snapshots.length);
    expect((await api.post('/api/auth/logout')).status).toBe(204);
    expect(await waitFor('desk disconnected', () => desk.disconnected())).toBe('io server disconnect');
    const before = desk.events.length;
    await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
    await waitFor('the other session hears it', () => elsewhere.events.find((e) => e.type === 'ticket.issued'));
    expect(desk.events.length).toBe(before);
    expect(elsewhere.socket.connected).toBe(true);
  });

  it('endSessionsOf ends every session of an account and its sockets; other accounts stay', async () => {
    const first = await login(server.url, 'canbo6');
    const second = await login(server.url, 'canbo6');
    const a = open({ role: 'counter', counterId: 6, token: first });
    const b = open({ role: 'counter', counterId: 6, token: second });
    const admin = open({ role: 'admin', token: await login(server.url, 'admin', 'admin') });
    await waitFor('connected', () => a.snapshots.length && b.snapshots.length && admin.snapshots.length);
    const id = server.db.prepare(`SELECT id FROM users WHERE username = 'canbo6'`).pluck().get() as number;
    server.auth.endSessionsOf(id);
    await waitFor('both sockets ended', () => a.disconnected() && b.disconnected());
    for (const token of [first, second]) expect((await client(server.url, token).get('/api/auth/me')).status).toBe(401);
    expect(admin.socket.connected).toBe(true);
  });

  it('a socket opened with the session cookie from another site is refused', async () => {
    const token = await login(server.url, 'admin', 'admin');
    const cookie = `qms_session=${encodeURIComponent(token)}`;
    const evil = open({ role: 'admin' }, { cookie, origin: 'http://evil.example' });
    expect(await waitFor('refused', () => evil.refused())).toBe('cross_site');
    const own = open({ role: 'admin' }, { cookie, origin: server.url });
    await waitFor('own page connects', () => own.snapshots.length);
  });

  it('a session that ended by itself (expired, account disabled) loses its socket before the next events', async () => {
    const clock = testClock();
    const own = await startTestServer({ now: clock.now, config: demoConfig({ sessionHours: 1 }) });
    try {
      const early = connect(own.url, { role: 'admin', token: await login(own.url, 'quanly') });
      const officer = connect(own.url, { role: 'counter', counterId: 2, token: await login(own.url, 'canbo2') });
      sockets.push(early.socket, officer.socket);
      await waitFor('connected', () => early.snapshots.length && officer.snapshots.length);

      own.db.prepare(`UPDATE users SET active = 0 WHERE username = 'canbo2'`).run();
      clock.advance(31_000);
      await client(own.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
      await waitFor('the disabled officer’s socket ended', () => officer.disconnected());
      await waitFor('the manager still hears the floor', () => early.events.find((e) => e.type === 'ticket.issued'));

      clock.advance(61 * 60_000); // past the manager's session
      const late = connect(own.url, { role: 'admin', token: await login(own.url, 'admin', 'admin') });
      sockets.push(late.socket);
      await waitFor('late admin', () => late.snapshots.length);
      const heard = early.events.length;
      await client(own.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
      await waitFor('the expired session’s socket ended', () => early.disconnected());
      await waitFor('a live session hears it', () => late.events.filter((e) => e.type === 'ticket.issued').length === 1);
      expect(early.events.length).toBe(heard);
    } finally {
      await own.stop();
    }
  });
});

