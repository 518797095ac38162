import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startTestServer, testClock, type TestServer } from './support/server';

describe('password guessing is slowed down', () => {
  const clock = testClock();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ now: clock.now });
  });
  afterAll(() => server.stop());

  it('five wrong passwords lock that account from that PC for five minutes, in plain words; then it signs in', async () => {
    const api = client(server.url);
    for (let i = 0; i < 5; i++) expect((await api.post('/api/auth/login', { username: 'canbo1', password: `sai${i}` })).status).toBe(401);
    const locked = await api.post('/api/auth/login', { username: 'canbo1', password: '123456' });
    expect(locked.status).toBe(429);
    expect(locked.body.error).toEqual({ code: 'too_many_attempts', message: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 5 phút.' });
    // Other accounts are not affected.
    expect((await api.post('/api/auth/login', { username: 'canbo2', password: '123456' })).status).toBe(200);
    clock.advance(4 * 60_000);
    expect((await api.post('/api/auth/login', { username: 'canbo1', password: '123456' })).body.error.message).toContain('1 phút');
    clock.advance(61_000);
    expect((await api.post('/api/auth/login', { username: 'canbo1', password: '123456' })).status).toBe(200);
  });

  it('wrong passwords spread over more than ten minutes do not lock', async () => {
    const api = client(server.url);
    for (let i = 0; i < 8; i++) {
      expect((await api.post('/api/auth/login', { username: 'canbo3', password: 'sai' })).status).toBe(401);
      clock.advance(3 * 60_000);
    }
    expect((await api.post('/api/auth/login', { username: 'canbo3', password: '123456' })).status).toBe(200);
  });

  /** A sign-in as if from the PC at `address` (the app itself, with that address as the connection's). */
  const from = async (address: string, username: string, password: string) => {
    const res = await server.app.request(
      '/api/auth/login',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) },
      { incoming: { socket: { remoteAddress: address } } },
    );
    return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } };
  };

  it('one address trying many accounts (password spraying) is locked out of every account', async () => {
    clock.advance(60 * 60_000);
    const names = Array.from({ length: 20 }, (_, i) => `khong-co-${i}`);
    for (const name of names) expect((await from('10.0.0.66', name, '123456')).status).toBe(401);
    const locked = await from('10.0.0.66', 'canbo4', '123456');
    expect(locked.status).toBe(429);
    expect(locked.body.error?.code).toBe('too_many_attempts');
    // Another PC is not affected.
    expect((await from('10.0.0.7', 'canbo4', '123456')).status).toBe(200);
  });

  it('guesses at one account from other PCs only slow its officer down a little; the right password works', async () => {
    clock.advance(60 * 60_000);
    for (let i = 0; i < 12; i++) expect((await from(`10.0.1.${i}`, 'canbo5', `sai${i}`)).status).toBe(401);
    const started = Date.now();
    const own = await from('10.0.0.5', 'canbo5', '123456');
    expect(own.status).toBe(200);
    // Slowed by the short delay (at least a second; no upper bound: the machine may be busy), not a 5-minute block.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });
});

