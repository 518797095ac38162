import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '@qms/drivers/testing';
import { adminClient } from './support/admin';
import { client, kioskToken, login, officerAt, startTestServer, type TestServer } from './support/server';

// The demo config's hardware file puts the boards of counters 1–6 at addresses 1–6 on the simulated bus led-1.
describe("administration: a counter's LED board address", () => {
  let server: TestServer;
  let admin: ReturnType<typeof adminClient>;
  const dataDir = mkdtempSync(join(tmpdir(), 'qms-led-'));
  beforeAll(async () => {
    server = await startTestServer({ dataDir });
    admin = adminClient(server, await login(server.url, 'admin', 'admin'));
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('set on the counters page: the board at the new address shows the counter\'s number at once, the old one goes blank', async () => {
    const sim = server.ledBoards.sims.get('led-1')!;
    await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'chung-thuc' });
    await (await officerAt(server.url, 3)).post('/api/counters/3/call-next');
    await until(() => sim.display(3).text === '2001');

    const res = await admin.patch('/api/admin/counters/3', { ledAddress: 40 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 3, ledAddress: 40 });
    await until(() => sim.display(40).text === '2001');
    await until(() => sim.display(3).text === '    ');
    expect((await admin.get('/api/admin/counters')).body.find((c: { id: number }) => c.id === 3).ledAddress).toBe(40);

    // The next call goes to the new board only.
    await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'chung-thuc' });
    await (await officerAt(server.url, 3)).post('/api/counters/3/call-next');
    await until(() => sim.display(40).text === '2002');
    expect(sim.display(3).text).toBe('    ');
  });

  it('logged in the change log with the address before and after', async () => {
    const log = await admin.get('/api/admin/audit?limit=1');
    expect(log.body.entries[0]).toMatchObject({ type: 'setup.counter.updated', targetId: '3' });
    expect(log.body.entries[0].before).toMatchObject({ ledAddress: 3 });
    expect(log.body.entries[0].after).toMatchObject({ ledAddress: 40 });
  });

  it('two counters cannot share an address on one bus: a 409 naming the field; out of range: a 400 naming it', async () => {
    const taken = await admin.patch('/api/admin/counters/4', { ledAddress: 40 });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('led_address_taken');
    expect(taken.body.error.fields.ledAddress).toMatch(/Địa chỉ bảng LED 40 đã dùng cho quầy 3/);
    expect((await admin.get('/api/admin/counters')).body.find((c: { id: number }) => c.id === 4).ledAddress).toBe(4);
    for (const ledAddress of [0, 255]) {
      const bad = await admin.patch('/api/admin/counters/4', { ledAddress });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields.ledAddress).toMatch(/từ 1 đến 254/);
    }
    // The old address of counter 3 is free again.
    expect((await admin.patch('/api/admin/counters/4', { ledAddress: 3 })).status).toBe(200);
  });

  it('null: no board; the board goes blank and a restart does not bring the file\'s address back', async () => {
    const sim = server.ledBoards.sims.get('led-1')!;
    await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
    await (await officerAt(server.url, 1)).post('/api/counters/1/call-next');
    await until(() => sim.display(1).text === '1001');
    const res = await admin.patch('/api/admin/counters/1', { ledAddress: null });
    expect(res.status).toBe(200);
    expect(res.body.ledAddress).toBeNull();
    await until(() => sim.display(1).text === '    ');
    const log = await admin.get('/api/admin/audit?limit=1');
    expect(log.body.entries[0].before).toMatchObject({ ledAddress: 1 });
    expect(log.body.entries[0].after).toMatchObject({ ledAddress: null });

    await server.stop();
    server = await startTestServer({ dataDir });
    admin = adminClient(server, await login(server.url, 'admin', 'admin'));
    const counters = (await admin.get('/api/admin/counters')).body as { id: number; ledAddress: number | null }[];
    expect(counters.map((c) => [c.id, c.ledAddress])).toEqual([[1, null], [2, 2], [3, 40], [4, 3], [5, 5], [6, 6]]);
    // After the restart the boards follow the database, not the file: counter 3's number is on board 40.
    const restarted = server.ledBoards.sims.get('led-1')!;
    await until(() => restarted.display(40).text === '2002');
    expect(restarted.display(3).text).toBe('    ');
  });

  it('managers and staff may not set it', async () => {
    for (const user of ['quanly', 'canbo2']) {
      const res = await adminClient(server, await login(server.url, user)).patch('/api/admin/counters/2', { ledAddress: 77 });
      expect(res.status).toBe(403);
    }
    expect((await admin.get('/api/admin/counters')).body.find((c: { id: number }) => c.id === 2).ledAddress).toBe(2);
  });
});
