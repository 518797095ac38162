import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '@qms/hub';
import { startTestPostgres, type TestPostgres } from '@qms/hub/testing';
import { startServer } from '@qms/server';
import { adminClient } from './support/admin';
import { client, demoConfig, kioskToken, login, startTestServer, type TestServer } from './support/server';

// A center joins the city hub from its admin page: no environment, no restart; the key never comes back.

const cityPassword = 'thành phố 2026';
describe('administration: the link to the city hub', () => {
  let pgc: TestPostgres;
  let hub: RunningHub;
  let city: ReturnType<typeof client>;
  let server: TestServer;
  let admin: ReturnType<typeof adminClient>;
  let key = '';
  let centerId = 0;
  const dataDir = mkdtempSync(join(tmpdir(), 'qms-hublink-'));
  const heard: string[] = [];

  beforeAll(async () => {
    pgc = await startTestPostgres();
    hub = await startHub({ databaseUrl: await pgc.createDatabase(), port: 0, host: '127.0.0.1', adminPassword: cityPassword });
    city = client(hub.url, (await client(hub.url).post('/api/auth/login', { username: 'admin', password: cityPassword })).body.token);
    ({ id: centerId, key } = (await city.post('/api/hub/centers', { code: 'P-NGOQUYEN', name: 'Phường Ngô Quyền' })).body);
    server = await startTestServer({ dataDir });
    admin = adminClient(server, await login(server.url, 'admin', 'admin'));
    // Everything the floor publishes (what sockets and devices hear).
    server.floor.bus.on('event', (e) => heard.push(JSON.stringify(e)));
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await hub?.close();
    pgc?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const hubHolds = async () => (await city.get('/api/hub/centers')).body.find((c: { id: number }) => c.id === centerId).lastEventId as number | null;
  const lastEventId = () => server.db.prepare<[], { id: number }>('SELECT max(id) AS id FROM events').get()!.id;

  it('starts unlinked; bad addresses and keys are refused with plain words; a manager may look but not change', async () => {
    const first = await admin.get('/api/admin/hub');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ source: 'none', url: null, keyHint: null, sync: { running: false, lastPushAt: null, lastError: null } });
    const badUrl = await admin.put('/api/admin/hub', { url: 'ftp://hub', key });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.error.message).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/);
    expect((await admin.put('/api/admin/hub', { url: hub.url, key: 'short' })).status).toBe(400);
    const manager = adminClient(server, await login(server.url, 'quanly'));
    expect((await manager.get('/api/admin/hub')).status).toBe(200);
    expect((await manager.put('/api/admin/hub', { url: hub.url, key })).status).toBe(403);
    expect(await hubHolds()).toBeNull();
  });

  it('joins at once without a restart: the log reaches the hub, the page shows the last push and nothing pending; the key is never answered, logged or published', async () => {
    await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
    const set = await admin.put('/api/admin/hub', { url: `${hub.url}/`, key });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ source: 'admin', url: hub.url, keyHint: `…${key.slice(-4)}`, sync: { running: true } });
    await expect.poll(async () => (await hubHolds()) === lastEventId(), { timeout: 60_000, interval: 200 }).toBe(true);
    await expect.poll(async () => (await admin.get('/api/admin/hub')).body.sync, { timeout: 30_000, interval: 200 }).toMatchObject({ pendingEvents: 0, lastPushAt: expect.any(String), failures: 0 });
    // A ticket issued now follows by itself.
    await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
    await expect.poll(async () => (await hubHolds()) === lastEventId(), { timeout: 60_000, interval: 200 }).toBe(true);

    const everything = JSON.stringify([(await admin.get('/api/admin/hub')).body, (await admin.get('/api/admin/audit?limit=50')).body]);
    expect(everything).not.toContain(key);
    expect(heard.join('\n')).not.toContain(key);
    expect(server.db.prepare(`SELECT count(*) AS n FROM events WHERE payload LIKE ?`).get(`%${key.slice(8)}%`)).toEqual({ n: 0 });
    const audit = (await admin.get('/api/admin/audit?limit=5')).body.entries.find((e: { type: string }) => e.type === 'setup.hub.linked');
    expect(audit).toMatchObject({ entity: 'hub', before: null, after: { url: hub.url, key: 'set' }, by: { name: expect.any(String) } });
  });

  it('a wrong key shows the hub’s refusal as the last error; the right one again pushes on', async () => {
    expect((await admin.put('/api/admin/hub', { url: hub.url, key: 'qmshub_this-key-is-not-known' })).status).toBe(200);
    await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
    const failed = await expect.poll(async () => (await admin.get('/api/admin/hub')).body.sync, { timeout: 60_000, interval: 200 }).toMatchObject({ failures: expect.any(Number), lastError: { message: expect.stringContaining('401') } });
    void failed;
    expect((await admin.put('/api/admin/hub', { url: hub.url, key })).status).toBe(200);
    await expect.poll(async () => (await hubHolds()) === lastEventId(), { timeout: 60_000, interval: 200 }).toBe(true);
  });

  it('is kept across a restart; leaving stops the push at once and is kept too', async () => {
    await server.stop();
    server = await startTestServer({ dataDir });
    admin = adminClient(server, await login(server.url, 'admin', 'admin'));
    expect((await admin.get('/api/admin/hub')).body).toMatchObject({ source: 'admin', url: hub.url, sync: { running: true } });
    const left = await admin.delete('/api/admin/hub');
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({ source: 'none', url: null, keyHint: null, sync: { running: false } });
    const before = await hubHolds();
    await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await hubHolds()).toBe(before);
    expect(lastEventId()).toBeGreaterThan(before!);
    await server.stop();
    server = await startTestServer({ dataDir });
    admin = adminClient(server, await login(server.url, 'admin', 'admin'));
    expect((await admin.get('/api/admin/hub')).body).toMatchObject({ source: 'none', sync: { running: false } });
  });

  it('the environment wins: the page shows its link and cannot change it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qms-hubenv-'));
    const envServer = await startServer({ config: demoConfig(), dataDir: dir, port: 0, host: '127.0.0.1', hub: { url: hub.url, key } });
    try {
      const a = adminClient(envServer as never, await login(envServer.url, 'admin', 'admin'));
      expect((await a.get('/api/admin/hub')).body).toMatchObject({ source: 'environment', url: hub.url, keyHint: `…${key.slice(-4)}`, sync: { running: true } });
      const refused = await a.put('/api/admin/hub', { url: hub.url, key: 'qmshub_another-key-entirely' });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('hub_from_environment');
      expect((await a.delete('/api/admin/hub')).status).toBe(409);
    } finally {
      await envServer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
