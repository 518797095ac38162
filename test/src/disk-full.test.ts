import { describe, expect, it } from 'vitest';
import { client, kioskToken, login, startTestServer, testClock } from './support/server';

describe('disk full', () => {
  it('answers 503 in plain words, shows it in health, and works again by itself once there is room', async () => {
    const clock = testClock();
    const server = await startTestServer({ now: clock.now });
    try {
      const kiosk = client(server.url, kioskToken);
      const admin = client(server.url, await login(server.url, 'admin', 'admin'));
      expect((await kiosk.post('/api/tickets', { serviceId: 'ho-tich' })).status).toBe(201);

      // The database may not grow by one more page: the next writes fail with SQLITE_FULL, as on a full disk.
      const pages = Number(server.db.pragma('page_count', { simple: true }));
      server.db.pragma(`max_page_count = ${pages}`);
      let full: Awaited<ReturnType<typeof kiosk.post>> | null = null;
      for (let i = 0; i < 500 && !full; i++) {
        const res = await kiosk.post('/api/tickets', { serviceId: 'chung-thuc' });
        if (res.status !== 201) full = res;
      }
      expect(full?.status).toBe(503);
      expect(full?.body.error.code).toBe('disk_full');
      expect(full?.body.error.message).toMatch(/^Hết dung lượng ổ đĩa/);
      const en = await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'chung-thuc' }, { 'accept-language': 'en' });
      expect(en.status).toBe(503);
      expect(en.body.error.message).toMatch(/disk is full/);

      const health = await admin.get('/api/health');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ ok: false, storage: { diskFull: true } });
      expect((await client(server.url).get('/api/health')).body).toEqual({ ok: false, version: expect.any(String), demo: true });

      // Space is back: the next write goes through, and health says so without a restart (a minute after the last failure).
      server.db.pragma('max_page_count = 1073741823');
      clock.advance(60_000);
      const after = await kiosk.post('/api/tickets', { serviceId: 'chung-thuc' });
      expect(after.status).toBe(201);
      const healthy = await admin.get('/api/health');
      expect(healthy.status).toBe(200);
      expect(healthy.body).toMatchObject({ ok: true, storage: { diskFull: false } });
      expect(server.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await server.stop();
    }
  });
});
