import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, startServer, type RunningServer } from '@qms/server';
import { client, demoConfig, kioskToken } from './support/server';

/** The server's structured log, kept in memory at level info whatever LOG_LEVEL says. */
function memoryLog() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('the request log', () => {
  const log = memoryLog();
  let server: RunningServer;
  const dataDir = mkdtempSync(join(tmpdir(), 'qms-log-'));
  beforeAll(async () => {
    server = await startServer({ config: demoConfig(), dataDir, port: 0, host: '127.0.0.1', logger: log.logger });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('has method, route pattern, status and duration, and never a password, token, cookie, query or ticket id', async () => {
    const url = `http://127.0.0.1:${server.port}`;
    const password = 'admin';
    const signIn = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
    expect(signIn.status).toBe(200);
    const session = ((await signIn.json()) as { token: string }).token;
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const wrong = 'S3cret-wrong-passw0rd';
    expect((await client(url).post('/api/auth/login', { username: 'quanly', password: wrong })).status).toBe(401);

    const issued = await client(url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
    expect(issued.status).toBe(201);
    const ticketId = issued.body.id as string;
    expect((await client(url, session).get(`/api/tickets/${ticketId}`)).status).toBe(200);
    expect((await fetch(`${url}/api/services?token=${kioskToken}&k=rating-key-in-a-query`, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${url}/api/nothing-here?token=${kioskToken}`)).status).toBe(404);

    const requests = log.records().filter((r) => r.msg === 'request');
    expect(requests.length).toBeGreaterThanOrEqual(6);
    for (const r of requests) {
      expect(r).toMatchObject({ level: 30, method: expect.stringMatching(/^(GET|POST)$/), status: expect.any(Number), ms: expect.any(Number) });
      expect(Object.keys(r).sort()).toEqual(['level', 'method', 'ms', 'msg', 'route', 'service', 'status', 'time'].sort());
    }
    const routes = requests.map((r) => `${String(r.method)} ${String(r.route)} ${String(r.status)}`);
    expect(routes).toEqual(expect.arrayContaining(['POST /api/auth/login 200', 'POST /api/auth/login 401', 'POST /api/tickets 201', 'GET /api/tickets/:id 200', 'GET /api/services 200']));
    expect(requests.find((r) => r.status === 404)).toBeDefined();

    // Without the timestamps: a ticket number such as 1001 can stand inside a millisecond time.
    const all = log.lines.join('\n').replace(/"time":\d+/g, '"time":0');
    for (const secret of [password, wrong, session, kioskToken, cookie, ticketId, 'rating-key-in-a-query', 'token=', 'nothing-here', issued.body.number as string]) {
      expect(all, secret).not.toContain(secret === password ? `"${password}"` : secret);
    }
  });
});
