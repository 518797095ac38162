import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { client, demoConfig, kioskToken, login, startTestServer, testClock } from './support/server';

const ids: string[] = [];
const issue = async (url: string) => {
  const res = await client(url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
  ids.push(res.body.id as string);
  return res.body.number as string;
};

describe('a backup restored during the day', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'qms-restore-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('holds the day’s tickets, and numbering continues after the highest number ever issued', async () => {
    const clock = testClock(Date.parse('2026-03-16T03:00:00Z')); // 10:00 in Hanoi
    let server = await startTestServer({ dataDir, now: clock.now });
    const numbers = [await issue(server.url), await issue(server.url), await issue(server.url)];
    expect(numbers).toEqual(['1001', '1002', '1003']);

    const admin = client(server.url, await login(server.url, 'admin', 'admin'));
    clock.advance(60_000);
    const taken = await admin.post('/api/admin/backups');
    expect(taken.status).toBe(200);
    const copy = taken.body.copies[0];
    expect(copy).toMatchObject({ target: 'main', verified: true, file: 'qms-2026-03-16-100100.sqlite', at: '2026-03-16T10:01:00.000+07:00' });
    expect(copy.size).toBeGreaterThan(0);
    expect(taken.body.status).toMatchObject({ lastGoodAt: '2026-03-16T10:01:00.000+07:00', ageHours: 0, warning: null, failures: [] });
    expect((await admin.get('/api/admin/backups')).body.copies[0]).toEqual(copy);

    for (let i = 0; i < 4; i++) numbers.push(await issue(server.url));
    expect(numbers.at(-1)).toBe('1007');
    await server.close();

    // The restore of docs/operations.md: server stopped, the copy put in place of the database, its WAL removed.
    copyFileSync(join(dataDir, 'backups', copy.file), join(dataDir, 'qms.sqlite'));
    rmSync(join(dataDir, 'qms.sqlite-wal'), { force: true });
    rmSync(join(dataDir, 'qms.sqlite-shm'), { force: true });

    server = await startTestServer({ dataDir, now: clock.now });
    try {
      // The copy holds the morning's tickets; the ones issued after it are lost with the restore (hence the mark).
      expect((await client(server.url).get(`/api/tickets/${ids[2]}`)).status).toBe(200);
      expect((await client(server.url).get(`/api/tickets/${ids[3]}`)).status).toBe(404);
      expect(await issue(server.url)).toBe('1008');
    } finally {
      await server.close();
    }
  });

  it('only an administrator lists or takes copies; health warns when the last good copy is over a day old', async () => {
    const clock = testClock(Date.parse('2026-03-16T03:00:00Z'));
    const server = await startTestServer({ now: clock.now });
    try {
      expect((await client(server.url).post('/api/admin/backups')).status).toBe(401);
      const manager = client(server.url, await login(server.url, 'quanly'));
      expect((await manager.post('/api/admin/backups')).status).toBe(403);
      expect((await manager.get('/api/admin/backups')).status).toBe(403);

      const health = async () => (await manager.get('/api/health')).body;
      await expect.poll(async () => (await health()).backups?.lastGoodAt, { timeout: 30_000 }).toBe('2026-03-16T10:00:00.000+07:00'); // the copy at start
      expect((await health()).backups.warning).toBeNull();
      clock.advance(25 * 3600_000);
      expect((await client(server.url, kioskToken).get('/api/health')).body.backups).toMatchObject({ ageHours: 25, warning: 'stale' });
    } finally {
      await server.stop();
    }
  });

  it('a second folder that cannot be written is reported in health and on the list; the main copy is made', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qms-second-'));
    writeFileSync(join(dir, 'not-a-folder'), 'x');
    const server = await startTestServer({ config: demoConfig({ backups: { times: ['12:00', '17:30'], keepDays: 14, secondDir: join(dir, 'not-a-folder', 'usb') } }) });
    try {
      const admin = client(server.url, await login(server.url, 'admin', 'admin'));
      const reply = (await admin.post('/api/admin/backups')).body;
      expect(reply.status).toMatchObject({ warning: 'failed', failures: [{ target: 'second', message: expect.stringMatching(/ENOTDIR|not a directory/) }] });
      expect(reply.copies[0]).toMatchObject({ target: 'main', verified: true });
      expect((await admin.get('/api/health')).body.backups.warning).toBe('failed');
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a numbering mark that cannot be written does not fail the ticket it follows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qms-mark-'));
    mkdirSync(join(dir, 'numbering.json', 'in-the-way'), { recursive: true });
    const server = await startTestServer({ dataDir: dir });
    try {
      const res = await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
      expect(res.status).toBe(201);
      expect(res.body.number).toBe('1001');
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
