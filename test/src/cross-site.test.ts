import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, login, startTestServer, type TestServer } from './support/server';

/** Requests as a browser sends them: the session cookie, and where the page came from. */
async function withCookie(server: TestServer, token: string, method: string, path: string, headers: Record<string, string>) {
  const res = await fetch(server.url + path, { method, headers: { cookie: `qms_session=${encodeURIComponent(token)}`, 'accept-language': 'en', ...headers } });
  return { status: res.status, body: (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null };
}

describe('requests from other sites', () => {
  let server: TestServer;
  let token: string;
  const status = () => (server.db.prepare(`SELECT status FROM counters WHERE id = 1`).get() as { status: string }).status;
  beforeAll(async () => {
    server = await startTestServer();
    token = await login(server.url, 'canbo1');
    expect((await client(server.url, token).post('/api/counters/1/sign-in')).status).toBe(200);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('a cookie-signed change from another origin is refused in plain words and changes nothing', async () => {
    const evil = await withCookie(server, token, 'POST', '/api/counters/1/pause', { origin: 'http://evil.example' });
    expect(evil.status).toBe(403);
    expect(evil.body?.error).toMatchObject({ code: 'cross_site', message: expect.stringContaining('another website') });
    // No Origin, but the browser says the page is from another site.
    expect((await withCookie(server, token, 'POST', '/api/counters/1/pause', { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await withCookie(server, token, 'POST', '/api/counters/1/pause', { origin: 'null' })).status).toBe(403);
    expect(status()).toBe('open');
    // Reading stays open to the LAN.
    expect((await withCookie(server, token, 'GET', '/api/auth/me', { origin: 'http://evil.example' })).status).toBe(200);
  });

  it('the same change from this server’s own pages, or with a bearer token, goes through', async () => {
    const own = await withCookie(server, token, 'POST', '/api/counters/1/pause', { origin: server.url, 'sec-fetch-site': 'same-origin' });
    expect(own.status).toBe(200);
    expect(status()).toBe('paused');
    // A script or device with its token is not a browser page of another site, whatever it says its origin is.
    const script = await client(server.url, token).post('/api/counters/1/resume', undefined, { origin: 'http://elsewhere.example' });
    expect(script.status).toBe(200);
    expect(status()).toBe('open');
  });

  it('every answer carries the security headers', async () => {
    for (const path of ['/api/health', '/api/nothing-here', '/api/staff/1/photo']) {
      const res = await fetch(server.url + path);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });
});
