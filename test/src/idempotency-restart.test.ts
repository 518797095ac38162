import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { client, kioskToken, startTestServer, type TestServer } from './support/server';

describe('idempotency keys across a crash', () => {
  const servers: TestServer[] = [];
  afterEach(async () => Promise.all(servers.splice(0).map((s) => s.stop())));

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
