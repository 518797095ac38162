import { Writable } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '@qms/drivers/testing';
import { adminClient } from './support/admin';
import { CenterConfig, createLogger, hashPassword } from '@qms/server';
import { client, demoConfig, kioskToken, login, startTestServer, type TestServer } from './support/server';

describe('setup export and import', () => {
  const servers: TestServer[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.stop()));
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const start = async (opts: Parameters<typeof startTestServer>[0] = {}) => {
    const s = await startTestServer(opts);
    servers.push(s);
    return s;
  };
  const asAdmin = async (s: TestServer) => adminClient(s, await login(s.url, 'admin', 'admin'));

  it('export, then import on a fresh data folder, reproduces the setup exactly', async () => {
    const a = await start();
    const admin = await asAdmin(a);
    await admin.post('/api/admin/services', { id: 'tu-phap', code: 'TP', name: 'Tư pháp', prefix: 'TP', width: 2, dailyCap: 40 });
    await admin.patch('/api/admin/services/ho-tich', { name: 'Hộ tịch – Chứng thực', nameEn: null });
    await admin.patch('/api/admin/services/bhxh', { archived: true });
    const counter = (await admin.post('/api/admin/counters', { number: 9, name: 'Quầy 9', serviceIds: ['tu-phap'] })).body;
    await admin.patch('/api/admin/counters/5', { enabled: false });
    const created = await admin.post('/api/admin/users', { username: 'canbo9', name: 'Mai Văn Chín', role: 'staff', counterIds: [counter.id] });
    expect(created.status).toBe(201);
    await admin.patch('/api/admin/center', { hotline: '1900 1234', nameEn: null });
    const exported = await admin.get('/api/admin/setup/export');
    expect(exported.status).toBe(200);

    // A fresh folder; the machine's file is a different center altogether: the import replaces its setup.
    const b = await start();
    const adminB = await asAdmin(b);
    const dry = await adminB.post('/api/admin/setup/import?dryRun=1', exported.body);
    expect(dry.status).toBe(200);
    expect(dry.body.dryRun).toBe(true);
    expect(dry.body.changes).toEqual(
      expect.arrayContaining([
        { entity: 'service', id: 'tu-phap', action: 'added', fields: [] },
        { entity: 'service', id: 'ho-tich', action: 'changed', fields: ['name', 'nameEn', 'formerNames'] },
        { entity: 'service', id: 'bhxh', action: 'changed', fields: ['archived'] },
        { entity: 'counter', id: String(counter.id), action: 'added', fields: [] },
        { entity: 'counter', id: '5', action: 'changed', fields: ['enabled'] },
        { entity: 'user', id: 'canbo9', action: 'added', fields: [] },
      ]),
    );
    // A dry run changes nothing.
    expect((await adminB.get('/api/admin/services')).body.map((s: { id: string }) => s.id)).not.toContain('tu-phap');

    const applied = await adminB.post('/api/admin/setup/import', exported.body);
    expect(applied.body.dryRun).toBe(false);
    expect(applied.body.changes).toEqual(dry.body.changes);
    for (const path of ['/api/admin/services', '/api/admin/counters', '/api/admin/users', '/api/admin/center']) {
      const strip = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v) => (k === 'status' || k === 'staff' ? undefined : v)));
      expect(strip((await adminB.get(path)).body), path).toEqual(strip((await admin.get(path)).body));
    }
    expect((await adminB.get('/api/admin/setup/export')).body).toEqual(exported.body);
    // Live at once: the kiosk offers the new field, not the archived one; the new account signs in with its password.
    const tiles = (await client(b.url, kioskToken).get('/api/services')).body.map((s: { id: string }) => s.id);
    expect(tiles).toContain('tu-phap');
    expect(tiles).not.toContain('bhxh');
    expect((await client(b.url).post('/api/auth/login', { username: 'canbo9', password: created.body.temporaryPassword })).body.mustChangePassword).toBe(true);
    // Each change of the import is in the change log as the admin's, with before and after, and no secret.
    const log = (await adminB.get('/api/admin/audit?limit=200')).body.entries;
    const rename = log.find((e: { type: string; targetId: string }) => e.type === 'setup.service.updated' && e.targetId === 'ho-tich');
    expect(rename).toMatchObject({ before: { name: 'Hộ tịch' }, after: { name: 'Hộ tịch – Chứng thực' }, by: { name: 'Quản trị hệ thống' } });
    expect(log.find((e: { type: string; targetId: string }) => e.type === 'setup.user.created' && e.targetId === 'canbo9')).toBeTruthy();
    expect(JSON.stringify(log)).not.toMatch(/scrypt|passwordHash|token/);
    // Importing the same file again changes nothing.
    expect((await adminB.post('/api/admin/setup/import?dryRun=1', exported.body)).body.changes).toEqual([]);
  });

  it('an import that is not a valid setup is refused with the fields at fault, and nothing changes', async () => {
    const s = await start();
    const admin = await asAdmin(s);
    const file = (await admin.get('/api/admin/setup/export')).body;
    const bad = { ...file, services: [...file.services, { ...file.services[0], id: 'trung-dau-so', prefix: '1' }] };
    const res = await admin.post('/api/admin/setup/import', bad);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_setup');
    expect(res.body.error.message).toMatch(/collide/);
    const missing = await admin.post('/api/admin/setup/import', { center: { name: 'X' }, services: [], counters: [] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toHaveProperty('services');
    expect((await admin.get('/api/admin/services')).body.map((x: { id: string }) => x.id)).not.toContain('trung-dau-so');
  });

  it('an import refused half-way changes nothing at all (one transaction)', async () => {
    const s = await start();
    const admin = await asAdmin(s);
    const file = (await admin.get('/api/admin/setup/export')).body;
    const issued = await client(s.url, kioskToken).post('/api/tickets', { serviceId: 'bhxh' });
    expect(issued.status).toBe(201);
    // Its print outcome is an event of its own, stored a moment after the reply: counted before, not during, the import.
    await waitFor('the print outcome', () => (s.db.prepare(`SELECT printed FROM tickets WHERE id = ?`).get(issued.body.id) as { printed: number | null }).printed !== null);
    const before = JSON.stringify([(await admin.get('/api/admin/services')).body, (await admin.get('/api/admin/counters')).body]);
    const events = (s.db.prepare(`SELECT COUNT(*) AS n FROM events`).get() as { n: number }).n;
    // A new field first, a renamed counter, then a prefix change for a field that issued today: refused.
    const next = {
      ...file,
      services: [{ id: 'moi', code: 'M', name: 'Mới', prefix: '9' }, ...file.services.map((x: { id: string }) => (x.id === 'bhxh' ? { ...x, prefix: '8' } : x))],
      counters: file.counters.map((c: { id: number }) => (c.id === 1 ? { ...c, name: 'Đổi tên' } : c)),
    };
    const res = await admin.post('/api/admin/setup/import', next);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('prefix_in_use');
    expect(JSON.stringify([(await admin.get('/api/admin/services')).body, (await admin.get('/api/admin/counters')).body])).toBe(before);
    expect((s.db.prepare(`SELECT COUNT(*) AS n FROM events`).get() as { n: number }).n).toBe(events);
    expect(s.floor.services.map((x) => x.id)).not.toContain('moi');
  });

  it('after the first start the database wins: a changed config file is reported and ignored', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qms-setup-'));
    dirs.push(dataDir);
    const first = await start({ dataDir });
    await (await asAdmin(first)).patch('/api/admin/services/ho-tich', { name: 'Hộ tịch (đổi trên trang quản trị)' });
    await first.stop();
    servers.splice(0);

    const lines: string[] = [];
    const destination = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
    const file = demoConfig();
    const changed = { ...file, services: file.services.map((s) => (s.id === 'ho-tich' ? { ...s, name: 'Hộ tịch (trong tệp)' } : s)) };
    const again = await start({ dataDir, config: changed, logger: createLogger({ level: 'warn', destination }) });
    expect(again.floor.services.find((s) => s.id === 'ho-tich')!.name).toBe('Hộ tịch (đổi trên trang quản trị)');
    expect(lines.join('')).toMatch(/The setup in the database is used/);
  });

  it('a database from the release that kept the setup in the file keeps its rows and ids, and its sign-ins', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qms-upgrade-'));
    dirs.push(dataDir);
    const first = await start({ dataDir });
    const token = await login(first.url, 'canbo1');
    const ids = first.db.prepare(`SELECT id, username FROM users ORDER BY id`).all();
    await first.stop();
    servers.splice(0);
    // What the previous release's database looks like: no setup tables' rows, an old user row the file no longer has.
    const db = new Database(join(dataDir, 'qms.sqlite'));
    db.exec(`DELETE FROM center_settings; DELETE FROM devices; INSERT INTO users (username, name, role, active) VALUES ('cu', 'Cán bộ cũ', 'staff', 0)`);
    db.close();

    const again = await start({ dataDir });
    expect(again.db.prepare(`SELECT id, username FROM users WHERE username != 'cu' ORDER BY id`).all()).toEqual(ids);
    expect((await client(again.url, token).get('/api/auth/me')).status).toBe(200);
    const users = (await (await asAdmin(again)).get('/api/admin/users')).body;
    expect(users.find((u: { username: string }) => u.username === 'cu')).toMatchObject({ disabled: true });
    expect((await client(again.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' })).status).toBe(201);
  });
});

describe('passwords outside demo mode', () => {
  it('a password anyone would guess is refused; a good one is taken and the other sessions end', async () => {
    const base = demoConfig();
    const config = CenterConfig.parse({
      ...base,
      demo: false,
      accounts: base.accounts.map(({ password, ...a }) => ({ ...a, passwordHash: hashPassword(password ?? 'x') })),
    });
    const server = await startTestServer({ config });
    try {
      const first = await login(server.url, 'canbo1');
      const second = await login(server.url, 'canbo1');
      const me = adminClient(server, first);
      for (const weak of ['12345678', 'Password', 'canbo1-2026']) {
        const res = await me.post('/api/auth/password', { currentPassword: '123456', newPassword: weak });
        expect(res.status, weak).toBe(400);
        expect(res.body.error.code).toBe('password_too_weak');
        expect(res.body.error.fields.newPassword).toMatch(/quá dễ đoán/);
      }
      expect((await me.post('/api/auth/password', { currentPassword: '123456', newPassword: 'Sông Hồng chảy mãi' })).status).toBe(204);
      expect((await client(server.url, first).get('/api/auth/me')).status).toBe(200);
      expect((await client(server.url, second).get('/api/auth/me')).status).toBe(401);
      expect(await login(server.url, 'canbo1', 'Sông Hồng chảy mãi')).toBeTruthy();
    } finally {
      await server.stop();
    }
  });
});
