import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { client, kioskToken, startTestServer, type TestServer } from './support/server';

describe('idempotency keys across a crash', () => {
  const servers: TestServer[] = [];
  afterEach(async () => Promise.all(servers.splice(0).map((s) => s.stop())));

  it('duplicates sent at once: one ticket; each duplicate gets it back or 409 request_in_progress', async () => {
    const server = await startTestServer();
    servers.push(server);
    const kiosk = client(server.url, kioskToken);
    const replies = await Promise.all(Array.from({ length: 10 }, () => kiosk.post('/api/tickets', { serviceId: 'ho-tich' }, { 'idempotency-key': 'tap-9' })));
    const issued = replies.filter((r) => r.status === 201);
    expect(issued.length).toBeGreaterThanOrEqual(1);
    expect(new Set(issued.map((r) => r.body.id)).size).toBe(1);
    for (const r of replies.filter((x) => x.status !== 201)) expect(r).toMatchObject({ status: 409, body: { error: { code: 'request_in_progress' } } });
    expect(server.db.prepare(`SELECT count(*) AS n FROM tickets`).get()).toEqual({ n: 1 });
    const later = await kiosk.post('/api/tickets', { serviceId: 'ho-tich' }, { 'idempotency-key': 'tap-9' });
    expect(later.body.id).toBe(issued[0]!.body.id);
  });

  it('a key reserved by a request the crash cut short does not refuse the retry after the restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qms-idem-'));
    let server = await startTestServer({ dataDir });
    // What a SIGKILL between reserving the key and answering leaves behind.
    server.db.prepare(`INSERT INTO idempotency_keys (key, status, body, created_at) VALUES (?, 0, NULL, ?)`).run('dkiosk-1 POST /api/tickets tap-1', Date.now());
    const before = await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' }, { 'idempotency-key': 'tap-1' });
    expect(before.status).toBe(409); // the same process: it could still be running
    await server.stop();

    server = await startTestServer({ dataDir });
    servers.push(server);
    const retry = await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' }, { 'idempotency-key': 'tap-1' });
    expect(retry.status).toBe(201);
    const replay = await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' }, { 'idempotency-key': 'tap-1' });
    expect(replay.body.id).toBe(retry.body.id);
  });
});
