import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, kioskToken, login, officerAt, startTestServer, type TestServer } from './support/server';
import { until } from '@qms/drivers/testing';

describe('bad input gets a plain 4xx, never a 500, and changes nothing', () => {
  let server: TestServer;
  let snapshotBefore: string;
  const dump = () =>
    JSON.stringify([
      server.db.prepare('SELECT * FROM tickets ORDER BY id').all(),
      server.db.prepare('SELECT * FROM events ORDER BY id').all(),
      server.db.prepare('SELECT * FROM counters ORDER BY id').all(),
    ]);

  beforeAll(async () => {
    server = await startTestServer({ withScreens: true });
    const kiosk = client(server.url, kioskToken);
    await kiosk.post('/api/tickets', { serviceId: 'ho-tich' });
    await officerAt(server.url, 2);
    // The demo kiosk's simulated printer marks the ticket printed shortly after the 201; let it settle first.
    await until(() => (server.db.prepare('SELECT printed FROM tickets').get() as { printed: number | null } | undefined)?.printed != null, 20_000, 'the printed mark');
    snapshotBefore = dump();
  });
  afterAll(() => server.stop());

  const cases: [string, string, string, unknown, string | undefined, number, string][] = [
    ['no body', 'POST', '/api/tickets', undefined, kioskToken, 400, 'malformed_json'],
    ['broken JSON', 'POST', '/api/tickets', '{"serviceId": ', kioskToken, 400, 'malformed_json'],
    ['wrong type', 'POST', '/api/tickets', { serviceId: 42 }, kioskToken, 400, 'invalid_input'],
    ['unknown field', 'POST', '/api/tickets', { serviceId: 'khong-co' }, kioskToken, 404, 'unknown_service'],
    ['unknown priority', 'POST', '/api/tickets', { serviceId: 'ho-tich', priority: 'vip' }, kioskToken, 400, 'unknown_priority'],
    ['no token', 'POST', '/api/tickets', { serviceId: 'ho-tich' }, undefined, 401, 'unauthorized'],
    ['made-up token', 'POST', '/api/tickets', { serviceId: 'ho-tich' }, 'x'.repeat(40), 401, 'session_expired'],
    ['kiosk calling next', 'POST', '/api/counters/2/call-next', undefined, kioskToken, 403, 'forbidden'],
    ['unknown ticket', 'GET', '/api/tickets/does-not-exist', undefined, undefined, 404, 'unknown_ticket'],
    ['counter id not a number', 'GET', '/api/nowhere', undefined, undefined, 404, 'not_found'],
    ['rating level unknown', 'POST', '/api/ratings', { ticketId: 'x', level: 'great' }, undefined, 400, 'invalid_input'],
    ['rating an unknown ticket', 'POST', '/api/ratings', { ticketId: 'x', level: 'satisfied' }, undefined, 404, 'unknown_ticket'],
    ['wrong password', 'POST', '/api/auth/login', { username: 'canbo1', password: 'sai' }, undefined, 401, 'bad_credentials'],
    ['stats without dates', 'GET', '/api/stats/summary', undefined, 'MANAGER', 400, 'invalid_input'],
    ['stats with from after to', 'GET', '/api/stats/summary?from=2026-03-10&to=2026-03-01', undefined, 'MANAGER', 400, 'invalid_input'],
    ['stats with month 13', 'GET', '/api/stats/summary?from=2026-01-01&to=2026-13-01', undefined, 'MANAGER', 400, 'invalid_input'],
    ['stats with day 32', 'GET', '/api/stats/report?from=2026-01-32&to=2026-02-01', undefined, 'MANAGER', 400, 'invalid_input'],
    ['paper ballots with month 00', 'POST', '/api/stats/paper-ballots', { serviceId: 'ho-tich', from: '2026-00-01', to: '2026-01-05', very_satisfied: 0, satisfied: 1, neutral: 0, dissatisfied: 0, very_dissatisfied: 0 }, 'MANAGER', 400, 'invalid_input'],
    ['stats group unknown', 'GET', '/api/stats/summary?from=2026-03-01&to=2026-03-10&groupBy=moon', undefined, 'MANAGER', 400, 'invalid_input'],
    ['stats as kiosk', 'GET', '/api/stats/summary?from=2026-03-01&to=2026-03-10', undefined, kioskToken, 403, 'forbidden'],
    ['huge body', 'POST', '/api/tickets', { serviceId: 'x'.repeat(100_000) }, kioskToken, 413, 'too_large'],
    ['broken %-escape in a screen file', 'GET', '/desk/%ZZ.js', undefined, undefined, 404, 'not_found'],
    ['broken %-escape in a screen path', 'GET', '/kiosk/%E0', undefined, undefined, 404, 'not_found'],
  ];

  it.each(cases)('%s → %i %s', async (_name, method, path, body, token, status, code) => {
    const auth = token === 'MANAGER' ? await login(server.url, 'quanly') : token;
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) };
    const res = await fetch(server.url + path, { method, headers, ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}) });
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(res.status).toBe(status);
    expect(json.error.code).toBe(code);
    expect(json.error.message.length).toBeGreaterThan(10);
    expect(json.error.message).not.toMatch(/at .*\.ts:\d+|Error:|undefined/);
  });

  it('bodies far over the limit get the 413 and its words, not a dropped connection', async () => {
    const body = JSON.stringify({ serviceId: 'x'.repeat(1024 * 1024) });
    const replies = await Promise.all(
      Array.from({ length: 10 }, () =>
        fetch(`${server.url}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${kioskToken}` }, body })
          .then(async (r) => `${r.status} ${((await r.json()) as { error: { code: string } }).error.code}`)
          .catch((e: Error) => `failed: ${e.message}`),
      ),
    );
    expect(replies).toEqual(Array(10).fill('413 too_large'));
  });

  it('a body sent in chunks, without its length, is counted as it comes: 413 over the limit, read under it', async () => {
    const chunked = (text: string) => {
      const bytes = new TextEncoder().encode(text);
      return new ReadableStream<Uint8Array>({
        start(c) {
          for (let i = 0; i < bytes.length; i += 16 * 1024) c.enqueue(bytes.subarray(i, i + 16 * 1024));
          c.close();
        },
      });
    };
    const send = (path: string, text: string, token?: string) =>
      fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: chunked(text), duplex: 'half' } as RequestInit);
    const big = await send('/api/tickets', JSON.stringify({ serviceId: 'x'.repeat(200_000) }), kioskToken);
    expect(big.headers.get('connection')).toBe('close'); // the rest of the body is not read: the socket is not reused
    expect([big.status, ((await big.json()) as { error: { code: string } }).error.code]).toEqual([413, 'too_large']);
    const small = await send('/api/auth/login', JSON.stringify({ username: 'canbo1', password: 'sai' }));
    expect([small.status, ((await small.json()) as { error: { code: string } }).error.code]).toEqual([401, 'bad_credentials']);
  });

  it('answers in English when asked', async () => {
    const res = await client(server.url).post('/api/auth/login', { username: 'canbo1', password: 'sai' }, { 'accept-language': 'en-US' });
    expect(res.body.error.message).toBe('Wrong username or password.');
    const vi = await client(server.url).post('/api/auth/login', { username: 'canbo1', password: 'sai' });
    expect(vi.body.error.message).toBe('Sai tên đăng nhập hoặc mật khẩu.');
  });

  it('says what is wrong with a body in the asker\'s language only', async () => {
    const kiosk = client(server.url, kioskToken);
    const vi = await kiosk.post('/api/tickets', { priority: 'elderly' });
    expect(vi.body.error.message).toBe('Dữ liệu gửi lên không hợp lệ: serviceId: bắt buộc');
    const en = await kiosk.post('/api/tickets', { priority: 'elderly' }, { 'accept-language': 'en' });
    expect(en.body.error.message).toBe('The request is not valid: serviceId: required');
    const typed = await kiosk.post('/api/tickets', { serviceId: 42 });
    expect(typed.body.error.message).toBe('Dữ liệu gửi lên không hợp lệ: serviceId: phải là chữ');
    const level = await client(server.url).post('/api/ratings', { ticketId: 'x', level: 'great' });
    expect(level.body.error.message).toBe('Dữ liệu gửi lên không hợp lệ: level: phải là một trong: very_satisfied, satisfied, neutral, dissatisfied, very_dissatisfied');
    const manager = client(server.url, await login(server.url, 'quanly'));
    const reversed = await manager.get('/api/stats/summary?from=2026-03-10&to=2026-03-01');
    expect(reversed.body.error.message).toBe('Dữ liệu gửi lên không hợp lệ: ngày bắt đầu ("from") không được sau ngày kết thúc ("to")');
  });

  it('nothing stored changed', () => {
    expect(dump()).toBe(snapshotBefore);
  });

  it('actions in the wrong state are refused with 409 and the reason', async () => {
    const desk = await officerAt(server.url, 5);
    const res = await desk.post('/api/counters/5/finish', {});
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'no_current_ticket', message: 'Quầy 5 chưa gọi vé nào.' });
    const other = await desk.post('/api/counters/2/call-next');
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('not_signed_in_here');
    await desk.post('/api/counters/5/close');
  });
});
