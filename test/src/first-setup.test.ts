import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { adminClient } from './support/admin';
import { freePort, spawnServer, waitForExit } from './support/child-server';
import { client, startTestServer, type TestServer } from './support/server';

/** A center of 3 fields, 2 counters, 2 officers, as the wizard sends it. */
export const wizardBody = {
  center: { name: 'Trung tâm Phục vụ hành chính công phường Thạch Khôi' },
  timezone: 'Asia/Ho_Chi_Minh',
  admin: { name: 'Nguyễn Văn Giám', username: 'giamdoc', password: 'Thach-Khoi-2026' },
  fields: [
    { id: 'ho-tich', code: 'HT', name: 'Hộ tịch', nameEn: 'Civil status', prefix: 'A' },
    { id: 'chung-thuc', code: 'CT', name: 'Chứng thực', nameEn: 'Certification', prefix: 'B' },
    { id: 'tu-phap', name: 'Tư pháp', prefix: 'T' },
  ],
  counters: [
    { number: 1, name: 'Quầy 1 — Ưu tiên', fieldIds: ['ho-tich', 'chung-thuc', 'tu-phap'], priority: true },
    { number: 2, name: 'Quầy 2 — Chứng thực', fieldIds: ['chung-thuc'] },
  ],
  officers: [
    { name: 'Trần Thị Lan', username: 'lan.tt', counter: 1 },
    { name: 'Lê Văn Minh', username: 'minh.lv', counter: 2 },
  ],
};

const rows = (server: TestServer, sql: string) => {
  const db = new Database(join(server.dataDir, 'qms.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
};

describe('first-run setup: an empty data folder without a config file', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ setupInBrowser: true });
  });
  afterAll(() => server.stop());

  it('needs a setup; every other non-public route answers setup_required', async () => {
    const api = adminClient(server);
    expect((await api.get('/api/setup')).body).toEqual({ needed: true });
    expect((await client(server.url).get('/api/health')).status).toBe(200);
    for (const [method, path] of [
      ['GET', '/api/services'],
      ['GET', '/api/counters'],
      ['POST', '/api/auth/login'],
      ['GET', '/api/admin/center'],
      ['POST', '/api/tickets'],
      ['GET', '/api/stats/summary?from=2026-03-01&to=2026-03-02'],
    ] as const) {
      const res = await fetch(server.url + path, { method, headers: { 'content-type': 'application/json' }, ...(method === 'POST' ? { body: '{}' } : {}) });
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(res.status, path).toBe(409);
      expect(body.error.code, path).toBe('setup_required');
      expect(body.error.message).toMatch(/Trung tâm chưa được thiết lập/);
    }
    // Nothing exists yet: no account, no field, no counter.
    expect(rows(server, 'SELECT * FROM users')).toEqual([]);
    expect(rows(server, 'SELECT * FROM services')).toEqual([]);
    expect(rows(server, 'SELECT * FROM counters')).toEqual([]);
  });

  it('bad input gets a 400 with a Vietnamese message per field, and stores nothing', async () => {
    const api = adminClient(server);
    const res = await api.post('/api/setup', {
      ...wizardBody,
      center: { name: '' },
      timezone: 'Mars/Olympus',
      admin: { username: 'A B', password: 'short' },
      fields: [...wizardBody.fields, { id: 'ho-tich', name: 'Hộ tịch 2', prefix: 'A' }],
      counters: [...wizardBody.counters, { number: 2, name: 'Quầy trùng', fieldIds: ['khong-co'] }],
      officers: [...wizardBody.officers, { name: 'X', username: 'lan.tt', counter: 9 }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
    expect(res.body.error.fields).toMatchObject({
      'center.name': 'quá ngắn (ít nhất 1 ký tự)',
      timezone: 'không có múi giờ này',
      'admin.username': '2–32 ký tự: chữ thường không dấu, chữ số, . _ hoặc -',
      'admin.password': 'quá ngắn (ít nhất 8 ký tự)',
      'fields.3.id': 'lĩnh vực này bị nhập hai lần',
      'fields.3.prefix': 'hai lĩnh vực có thể cấp trùng số: hãy chọn đầu số khác',
      'counters.2.number': 'số quầy này bị nhập hai lần',
      'counters.2.fieldIds.0': 'không có lĩnh vực này trong danh sách',
      'officers.2.username': 'tên đăng nhập này bị nhập hai lần',
      'officers.2.counter': 'không có quầy số này',
    });
    const weak = await api.post('/api/setup', { ...wizardBody, admin: { username: 'giamdoc', password: 'admin123' } });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('password_too_weak');
    expect(weak.body.error.fields['admin.password']).toMatch(/quá dễ đoán/);
    const english = await adminClient(server, undefined, 'en').post('/api/setup', { ...wizardBody, admin: { username: 'giamdoc', password: '12345678' } });
    expect(english.body.error.message).toMatch(/too easy to guess/);
    expect((await api.get('/api/setup')).body).toEqual({ needed: true });
    expect(rows(server, 'SELECT * FROM users')).toEqual([]);
    expect(rows(server, `SELECT * FROM events WHERE type LIKE 'setup.%' AND type NOT LIKE 'setup.calendar.%'`)).toEqual([]);
  });

  it('creates the center, fields, counters, the admin (signed in) and officers with one-time passwords, in one transaction with its change log', async () => {
    const api = adminClient(server);
    const res = await api.post('/api/setup', wizardBody);
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ username: 'giamdoc', role: 'admin' });
    expect(res.body.officers).toHaveLength(2);
    expect(res.body.officers[0]).toMatchObject({ username: 'lan.tt', counter: 1 });
    expect(res.body.officers[0].temporaryPassword).toMatch(/^[a-z2-9]{10}$/);
    expect(res.body.restartForTimezone).toBe(false);
    expect((await api.get('/api/setup')).body).toEqual({ needed: false });

    // The reply's token signs the admin in.
    const admin = adminClient(server, res.body.token);
    expect((await admin.get('/api/admin/center')).body).toMatchObject({ name: wizardBody.center.name, timezone: 'Asia/Ho_Chi_Minh' });
    const services = (await admin.get('/api/admin/services')).body;
    expect(services.map((s: { id: string; prefix: string }) => `${s.id}:${s.prefix}`)).toEqual(['ho-tich:A', 'chung-thuc:B', 'tu-phap:T']);
    const counters = (await admin.get('/api/admin/counters')).body;
    expect(counters.map((c: { number: number; priority: boolean; serviceIds: string[] }) => [c.number, c.priority, c.serviceIds])).toEqual([
      [1, true, ['ho-tich', 'chung-thuc', 'tu-phap']],
      [2, false, ['chung-thuc']],
    ]);
    const users = (await admin.get('/api/admin/users')).body;
    expect(users.map((u: { username: string; role: string; mustChangePassword: boolean; counterId: number | null }) => [u.username, u.role, u.mustChangePassword, u.counterId])).toEqual([
      ['giamdoc', 'admin', false, null],
      ['lan.tt', 'staff', true, 1],
      ['minh.lv', 'staff', true, 2],
    ]);
    // The floor runs the new setup at once: the kiosk's list of fields.
    const kioskList = (await client(server.url).get('/api/services')).body;
    expect(kioskList.map((s: { id: string }) => s.id)).toEqual(['ho-tich', 'chung-thuc', 'tu-phap']);

    // One transaction: every setup row has the same time, each with its change-log entry by the new admin.
    const events = rows(server, `SELECT type, staff_id, at FROM events WHERE type LIKE 'setup.%' AND type NOT LIKE 'setup.calendar.%' ORDER BY id`);
    expect(events.map((e) => e.type)).toEqual([
      'setup.center.created',
      'setup.user.created',
      'setup.service.created',
      'setup.service.created',
      'setup.service.created',
      'setup.counter.created',
      'setup.counter.created',
      'setup.user.created',
      'setup.user.created',
    ]);
    expect(new Set(events.map((e) => e.at)).size).toBe(1);
    expect(new Set(events.map((e) => e.staff_id))).toEqual(new Set([res.body.user.id]));
    expect(JSON.stringify(rows(server, `SELECT payload FROM events WHERE type LIKE 'setup.%' AND type NOT LIKE 'setup.calendar.%'`))).not.toMatch(/scrypt|Thach-Khoi|temporaryPassword/);

    // The officer signs in with the one-time password and must change it first.
    const login = await client(server.url).post('/api/auth/login', { username: 'lan.tt', password: res.body.officers[0].temporaryPassword });
    expect(login.status).toBe(200);
    expect(login.body.mustChangePassword).toBe(true);
  });

  it('is refused once done, in plain words (nobody can run it again to take over the center)', async () => {
    const res = await adminClient(server).post('/api/setup', { ...wizardBody, admin: { username: 'kexau', password: 'takeover-2026' } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('setup_done');
    expect(res.body.error.message).toMatch(/đã được thiết lập/);
    expect(rows(server, `SELECT username FROM users WHERE username = 'kexau'`)).toEqual([]);
  });

  it('a restart runs the setup from the database', async () => {
    const dataDir = server.dataDir;
    await server.close();
    const again = await startTestServer({ setupInBrowser: true, dataDir });
    try {
      expect((await adminClient(again).get('/api/setup')).body).toEqual({ needed: false });
      const login = await client(again.url).post('/api/auth/login', { username: 'giamdoc', password: wizardBody.admin.password });
      expect(login.status).toBe(200);
    } finally {
      await again.close();
    }
    server = await startTestServer({ setupInBrowser: true, dataDir });
  });
});

describe('first-run setup on the demo center', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('is not needed and cannot be run', async () => {
    const api = adminClient(server);
    expect((await api.get('/api/setup')).body).toEqual({ needed: false });
    const res = await api.post('/api/setup', wizardBody);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('setup_done');
  });
});

describe('npm start: QMS_DEMO=off without a config file is an empty center; without it, the demo', () => {
  it('the real server process decides from its environment', async () => {
    for (const [env, needed] of [
      [{ QMS_DEMO: 'off' }, true],
      [{}, false],
    ] as const) {
      const dataDir = mkdtempSync(join(tmpdir(), 'qms-first-run-'));
      const port = await freePort();
      const child = await spawnServer({ port, dataDir, env: { ...env, QMS_CONFIG: '' } });
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/setup`);
        expect(await res.json(), JSON.stringify(env)).toEqual({ needed });
        const services = await fetch(`http://127.0.0.1:${port}/api/services`);
        expect(services.status, JSON.stringify(env)).toBe(needed ? 409 : 200);
      } finally {
        child.kill('SIGTERM');
        await waitForExit(child);
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  });
});
