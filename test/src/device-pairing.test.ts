import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@qms/drivers/testing';
import { adminClient } from './support/admin';
import { client, kioskToken, login, startTestServer, testClock, type TestServer } from './support/server';

describe('device pairing', () => {
  let server: TestServer;
  let admin: ReturnType<typeof adminClient>;
  const clock = testClock();
  beforeAll(async () => {
    server = await startTestServer({ now: clock.now });
    admin = adminClient(server, await login(server.url, 'admin', 'admin'));
  });
  afterAll(() => server.stop());

  const start = async (kind: string, counterId?: number) => {
    const res = await adminClient(server).post('/api/pairing', { kind, ...(counterId ? { counterId } : {}) });
    expect(res.status).toBe(201);
    return res.body as { id: string; code: string; secret: string };
  };

  it('a kiosk paired by its code gets a token once, only its hash is stored, and it issues tickets', async () => {
    const p = await start('kiosk');
    expect(p.code).toMatch(/^\d{6}$/);
    const waiting = await admin.get('/api/admin/devices');
    expect(waiting.body.waiting).toContainEqual(expect.objectContaining({ code: p.code, kind: 'kiosk' }));
    expect(JSON.stringify(waiting.body)).not.toContain(p.secret);
    expect((await adminClient(server).post('/api/pairing/wait', { id: p.id, secret: p.secret })).body.status).toBe('waiting');
    // Another's secret does not pick the token up.
    expect((await adminClient(server).post('/api/pairing/wait', { id: p.id, secret: 'x' })).status).toBe(404);

    const paired = await admin.post('/api/admin/devices/pair', { code: p.code });
    expect(paired.status).toBe(201);
    expect(paired.body).toMatchObject({ kind: 'kiosk', counterId: null, source: 'paired' });
    const got = await adminClient(server).post('/api/pairing/wait', { id: p.id, secret: p.secret });
    expect(got.body).toMatchObject({ status: 'paired', device: { id: paired.body.id, kind: 'kiosk' } });
    const token = got.body.token as string;
    // Given once.
    expect((await adminClient(server).post('/api/pairing/wait', { id: p.id, secret: p.secret })).status).toBe(404);

    const issued = await client(server.url, token).post('/api/tickets', { serviceId: 'ho-tich' });
    expect(issued.status).toBe(201);
    const stored = server.db.prepare<[string], { token: string }>(`SELECT token FROM devices WHERE id = ?`).get(paired.body.id)!;
    expect(stored.token).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(stored.token).not.toContain(token);
    const added = server.db.prepare<[], { payload: string; staff_id: number }>(`SELECT payload, staff_id FROM events WHERE type = 'setup.device.added'`).all();
    expect(added.map((e) => JSON.parse(e.payload).id)).toContain(paired.body.id);
    expect(JSON.stringify(added)).not.toContain(token);

    const list = await admin.get('/api/admin/devices');
    expect(list.body.waiting.find((w: { code: string }) => w.code === p.code)).toBeUndefined();
    expect(list.body.devices).toContainEqual(expect.objectContaining({ id: paired.body.id, source: 'paired', pairedAt: expect.any(String) }));
    expect(list.body.devices).toContainEqual(expect.objectContaining({ id: 'kiosk-1', source: 'config' }));
  });

  it('a rating tablet needs its counter; the address’s counter is a suggestion', async () => {
    const p = await start('rating');
    const refused = await adminClient(server, undefined, 'vi').post('/api/pairing', { kind: 'printer' });
    expect(refused.status).toBe(400);
    const noCounter = await admin.post('/api/admin/devices/pair', { code: p.code });
    expect(noCounter.status).toBe(400);
    expect(noCounter.body.error.code).toBe('pairing_counter_required');
    const ok = await admin.post('/api/admin/devices/pair', { code: p.code, counterId: 2 });
    expect(ok.body).toMatchObject({ kind: 'rating', counterId: 2 });
    const q = await start('rating', 3);
    expect((await admin.post('/api/admin/devices/pair', { code: q.code })).body).toMatchObject({ counterId: 3 });
  });

  it('a hall display may be paired for some counters; an unknown counter is refused', async () => {
    const p = await start('display');
    expect((await admin.post('/api/admin/devices/pair', { code: p.code, counterIds: [1, 99] })).body.error.code).toBe('unknown_counter');
    const ok = await admin.post('/api/admin/devices/pair', { code: p.code, counterIds: [1, 3] });
    expect(ok.body).toMatchObject({ kind: 'display', counterIds: [1, 3] });
    const got = await adminClient(server).post('/api/pairing/wait', { id: p.id, secret: p.secret });
    expect(got.body.device).toMatchObject({ kind: 'display', counterIds: [1, 3] });
    const list = await admin.get('/api/admin/devices');
    expect(list.body.devices).toContainEqual(expect.objectContaining({ id: ok.body.id, counterIds: [1, 3] }));
    expect(list.body.devices).toContainEqual(expect.objectContaining({ id: 'display-1', counterIds: null }));
  });

  it('revoking a device: its token gets 401 at once and its open socket is ended; config devices can be revoked too', async () => {
    const p = await start('display');
    const paired = await admin.post('/api/admin/devices/pair', { code: p.code });
    const token = (await adminClient(server).post('/api/pairing/wait', { id: p.id, secret: p.secret })).body.token as string;
    const socket = io(server.url, { path: '/socket.io', auth: { role: 'display', token }, transports: ['websocket'], reconnection: false });
    const ended = new Promise<string>((resolve) => socket.on('disconnect', (reason) => resolve(reason)));
    await waitFor('the display socket', () => socket.connected);
    // A device is refused the admin list (403) while its token works; unknown (401) once revoked.
    expect((await client(server.url, token).get('/api/admin/devices')).status).toBe(403);
    expect((await admin.delete(`/api/admin/devices/${paired.body.id}`)).status).toBe(204);
    expect(await ended).toBe('io server disconnect');
    expect((await client(server.url, token).get('/api/admin/devices')).status).toBe(401);
    expect((await admin.delete(`/api/admin/devices/${paired.body.id}`)).status).toBe(404);

    expect((await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' })).status).toBe(201);
    expect((await admin.delete('/api/admin/devices/kiosk-1')).status).toBe(204);
    expect((await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' })).status).toBe(401);
    const log = await admin.get('/api/admin/audit?entity=device');
    expect(log.body.entries.map((e: { action: string; targetId: string }) => `${e.action} ${e.targetId}`)).toEqual(expect.arrayContaining(['revoked kiosk-1', `added ${paired.body.id}`]));
  });

  it('a screen that keeps asking keeps its code past 10 minutes', async () => {
    const p = await start('display');
    for (let i = 0; i < 3; i++) {
      clock.advance(6 * 60_000);
      const r = await adminClient(server).post('/api/pairing/wait', { id: p.id, secret: p.secret });
      expect(r.body).toMatchObject({ status: 'waiting', code: p.code });
    }
    expect((await admin.get('/api/admin/devices')).body.waiting).toContainEqual(expect.objectContaining({ code: p.code }));
  });

  it('a wrong or expired code is refused in plain words, and guessing codes is locked after 5 wrong ones', async () => {
    const p = await start('kiosk');
    clock.advance(11 * 60_000); // nobody asked about it for 11 minutes
    const expired = await adminClient(server, undefined, 'vi').post('/api/pairing/wait', { id: p.id, secret: p.secret });
    expect(expired.status).toBe(404);
    expect(expired.body.error.message).toContain('Mã ghép nối đã hết hạn');
    const wrong = await admin.post('/api/admin/devices/pair', { code: p.code });
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.message).toMatch(/Không có màn hình nào đang chờ với mã \d{6}/);
    expect((await admin.post('/api/admin/devices/pair', { code: '12ab' })).status).toBe(400);

    const live = await start('kiosk');
    for (let i = 0; i < 4; i++) expect((await admin.post('/api/admin/devices/pair', { code: live.code === '000000' ? '000001' : '000000' })).status).toBe(404);
    const locked = await admin.post('/api/admin/devices/pair', { code: live.code });
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toMatch(/quá nhiều lần/);
  });

  it('managers read the list; staff, devices and managers may not pair or revoke', async () => {
    const p = await start('kiosk');
    const manager = adminClient(server, await login(server.url, 'quanly'));
    expect((await manager.get('/api/admin/devices')).status).toBe(200);
    expect((await manager.post('/api/admin/devices/pair', { code: p.code })).status).toBe(403);
    expect((await manager.delete('/api/admin/devices/display-1')).status).toBe(403);
    const staff = adminClient(server, await login(server.url, 'canbo1'));
    expect((await staff.post('/api/admin/devices/pair', { code: p.code })).status).toBe(403);
    expect((await adminClient(server, 'demo-display-token-0001').post('/api/admin/devices/pair', { code: p.code })).status).toBe(403);
    expect((await adminClient(server).get('/api/admin/devices')).status).toBe(401);
  });

  it('one address may not keep asking for codes', async () => {
    let busy = 0;
    for (let i = 0; i < 12; i++) if ((await adminClient(server).post('/api/pairing', { kind: 'kiosk' }).catch(() => ({ status: 0 }))).status === 429) busy++;
    expect(busy).toBeGreaterThan(0);
  });
});

describe('device pairing across a restart', () => {
  it('a paired device’s token keeps working after the server restarts, and an export imported again keeps it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qms-pairing-'));
    try {
      let server = await startTestServer({ dataDir });
      let admin = adminClient(server, await login(server.url, 'admin', 'admin'));
      const p = (await adminClient(server).post('/api/pairing', { kind: 'kiosk' })).body as { id: string; code: string; secret: string };
      const device = (await admin.post('/api/admin/devices/pair', { code: p.code })).body as { id: string };
      const token = (await adminClient(server).post('/api/pairing/wait', { id: p.id, secret: p.secret })).body.token as string;
      await server.stop();

      server = await startTestServer({ dataDir });
      admin = adminClient(server, await login(server.url, 'admin', 'admin'));
      expect((await client(server.url, token).post('/api/tickets', { serviceId: 'ho-tich' })).status).toBe(201);
      const exported = (await admin.get('/api/admin/setup/export')).body as { devices: { id: string; token: string }[] };
      expect(exported.devices.find((d) => d.id === device.id)?.token).toMatch(/^sha256:/);
      expect(JSON.stringify(exported)).not.toContain(token);
      expect((await admin.post('/api/admin/setup/import', exported)).status).toBe(200);
      expect((await client(server.url, token).post('/api/tickets', { serviceId: 'ho-tich' })).status).toBe(201);
      await server.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
