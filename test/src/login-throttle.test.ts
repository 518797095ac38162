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
});
