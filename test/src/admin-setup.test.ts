import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes, type ClientToServerEvents, type FloorEvent, type ServerToClientEvents, type Snapshot } from '@qms/protocol';
import { waitFor } from '@qms/drivers/testing';
import { adminClient } from './support/admin';
import { client, kioskToken, login, officerAt, startTestServer, testClock, type TestServer } from './support/server';

const adminRoutes = Object.values(routes).filter((r) => r.path.startsWith('/api/admin/'));
const concrete = (path: string) => path.replace(':id', path.includes('services') ? 'ho-tich' : '1');

describe('administration: who may', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('staff and devices are refused every admin route; managers may read but not write; nobody signed in gets 401', async () => {
    const staff = await login(server.url, 'canbo1');
    const manager = await login(server.url, 'quanly');
    for (const r of adminRoutes) {
      const path = concrete(r.path);
      const body = r.method === 'get' ? undefined : {};
      for (const token of [staff, kioskToken, 'demo-display-token-0001', 'demo-rating-token-0001']) {
        const res = await adminClient(server, token)[r.method as 'get' | 'post' | 'patch' | 'delete'](path, body);
        expect(res.status, `${r.method} ${path}`).toBe(403);
      }
      const anonymous = await adminClient(server)[r.method as 'get' | 'post' | 'patch' | 'delete'](path, body);
      expect(anonymous.status, `${r.method} ${path}`).toBe(401);
      const asManager = await adminClient(server, manager)[r.method as 'get' | 'post' | 'patch' | 'delete'](path, body);
      // Managers read the setup (the export holds password hashes: admins only).
      const managerMayRead = r.method === 'get' && r.path !== '/api/admin/setup/export';
      if (managerMayRead) expect(asManager.status, `${r.method} ${path}`).toBe(200);
      else expect(asManager.status, `${r.method} ${path}`).toBe(403);
    }
  });
});

describe('administration: fields, counters, accounts', () => {
  let server: TestServer;
  let admin: ReturnType<typeof adminClient>;
  const clock = testClock();
  beforeAll(async () => {
    server = await startTestServer({ now: clock.now });
    admin = adminClient(server, await login(server.url, 'admin', 'admin'));
  });
  afterAll(() => server.stop());

  it('lists the imported setup: the demo config is in the database after the first start', async () => {
    const services = await admin.get('/api/admin/services');
    expect(services.body.map((s: { id: string }) => s.id)).toEqual(['ho-tich', 'chung-thuc', 'dat-dai', 'xay-dung', 'bao-tro-xa-hoi', 'nguoi-co-cong', 'bhxh']);
    expect(services.body[0]).toMatchObject({ name: 'Hộ tịch', nameEn: 'Civil status', prefix: '1', archived: false, stoppedToday: null, formerNames: [] });
    const counters = await admin.get('/api/admin/counters');
    expect(counters.body).toHaveLength(6);
    expect(counters.body[0]).toMatchObject({ id: 1, number: 1, enabled: true, ledAddress: 1, priority: true });
    const users = await admin.get('/api/admin/users');
    expect(users.body.map((u: { username: string }) => u.username)).toContain('canbo6');
    expect(JSON.stringify(users.body)).not.toMatch(/scrypt/);
  });

  it('bad input gets a 400 with a Vietnamese message per form field', async () => {
    const res = await admin.post('/api/admin/services', { id: 'Bad Id', code: '', name: 'X', prefix: 'toolong' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['code', 'id', 'prefix']);
    expect(res.body.error.fields.code).toMatch(/quá ngắn/);
    expect(res.body.error.fields.prefix).toBe('đầu số gồm tối đa 4 chữ cái in hoa hoặc chữ số');
    expect(res.body.error.fields.id).toBe('chỉ gồm chữ thường không dấu, chữ số, - hoặc _');
    const unknownKey = await admin.patch('/api/admin/services/ho-tich', { colour: 'red' });
    expect(unknownKey.status).toBe(400);
    expect(unknownKey.body.error.fields).toEqual({ colour: 'không nhận trường này' });
  });

  it('a prefix that could issue the same numbers as another field is refused in plain words, on the prefix field', async () => {
    for (const prefix of ['1', '10', '']) {
      const res = await admin.post('/api/admin/services', { id: 'tu-phap', code: 'TP', name: 'Tư pháp', prefix });
      expect(res.status, `prefix "${prefix}"`).toBe(409);
      expect(res.body.error.code).toBe('prefix_collision');
      expect(res.body.error.fields.prefix).toMatch(/trùng với đầu số/);
    }
    const renumber = await admin.patch('/api/admin/services/chung-thuc', { prefix: '11' });
    expect(renumber.body.error.code).toBe('prefix_collision');
    expect((await admin.get('/api/admin/services')).body.find((s: { id: string }) => s.id === 'chung-thuc').prefix).toBe('2');
  });

  it('adds a field with no English name; it is on the kiosk at once and takes tickets', async () => {
    const res = await admin.post('/api/admin/services', { id: 'tu-phap', code: 'TP', name: 'Tư pháp', prefix: '8' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: 'tu-phap', nameEn: null, width: 3, startNumber: 1, satisfactionTarget: 0.95, sort: 7 });
    const kiosk = client(server.url, kioskToken);
    const tile = (await kiosk.get('/api/services')).body.find((s: { id: string }) => s.id === 'tu-phap');
    expect(tile).toMatchObject({ name: 'Tư pháp', nameEn: 'Tư pháp', issuingNow: true });
    expect((await kiosk.post('/api/tickets', { serviceId: 'tu-phap' })).body.number).toBe('8001');
    expect((await admin.post('/api/admin/services', { id: 'tu-phap', code: 'TP2', name: 'Trùng', prefix: 'T' })).body.error.code).toBe('service_id_taken');
  });

  it('a prefix change while the field has tickets today is refused; other changes go through', async () => {
    const res = await admin.patch('/api/admin/services/tu-phap', { prefix: '9' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('numbering_in_use');
    expect(res.body.error.message).toMatch(/đã cấp số hôm nay/);
    const ok = await admin.patch('/api/admin/services/tu-phap', { dailyCap: 50, defaultServiceSeconds: 300, satisfactionTarget: 0.9 });
    expect(ok.body).toMatchObject({ dailyCap: 50, defaultServiceSeconds: 300, satisfactionTarget: 0.9, prefix: '8' });
  });

  it('stop issuing today: the kiosk tile and the ticket route say why; lifting it opens again; a new day clears it', async () => {
    const kiosk = client(server.url, kioskToken);
    const stop = await admin.patch('/api/admin/services/dat-dai', { stoppedToday: { reason: 'Hết hồ sơ trong ngày' } });
    expect(stop.body.stoppedToday).toEqual({ reason: 'Hết hồ sơ trong ngày' });
    const tile = (await kiosk.get('/api/services')).body.find((s: { id: string }) => s.id === 'dat-dai');
    expect(tile).toMatchObject({ issuingNow: false, closedReason: 'stopped_today', stoppedReason: 'Hết hồ sơ trong ngày' });
    const refused = await kiosk.post('/api/tickets', { serviceId: 'dat-dai' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'stopped_today', message: 'Lĩnh vực Đất đai tạm ngừng cấp số hôm nay: Hết hồ sơ trong ngày' });

    clock.advance(24 * 3600_000);
    admin = adminClient(server, await login(server.url, 'admin', 'admin')); // yesterday's session has expired
    expect((await kiosk.get('/api/services')).body.find((s: { id: string }) => s.id === 'dat-dai').issuingNow).toBe(true);
    expect((await admin.get('/api/admin/services')).body.find((s: { id: string }) => s.id === 'dat-dai').stoppedToday).toBeNull();

    await admin.patch('/api/admin/services/dat-dai', { stoppedToday: { reason: 'Mất điện' } });
    expect((await kiosk.post('/api/tickets', { serviceId: 'dat-dai' })).status).toBe(409);
    await admin.patch('/api/admin/services/dat-dai', { stoppedToday: null });
    expect((await kiosk.post('/api/tickets', { serviceId: 'dat-dai' })).status).toBe(201);
  });

  it('archiving: refused while people wait; afterwards gone from the kiosk and kept in reports under its current name', async () => {
    const kiosk = client(server.url, kioskToken);
    const desk = await officerAt(server.url, 4);
    const refused = await admin.patch('/api/admin/services/dat-dai', { archived: true });
    expect(refused.body.error.code).toBe('service_has_waiting');
    expect(refused.body.error.fields).toHaveProperty('archived');
    const served = (await desk.post('/api/counters/4/call-next')).body.ticket;
    await desk.post('/api/counters/4/finish');
    const renamed = await admin.patch('/api/admin/services/dat-dai', { name: 'Đất đai – Môi trường' });
    expect(renamed.body.formerNames).toEqual(['Đất đai']);
    const archived = await admin.patch('/api/admin/services/dat-dai', { archived: true });
    expect(archived.status).toBe(200);
    expect(archived.body.archived).toBe(true);
    expect((await kiosk.get('/api/services')).body.map((s: { id: string }) => s.id)).not.toContain('dat-dai');
    expect((await kiosk.post('/api/tickets', { serviceId: 'dat-dai' })).status).toBe(404);
    // The ticket's own page (its QR) still names its field.
    expect((await client(server.url).get(`/api/tickets/${served.id}`)).body.serviceName).toBe('Đất đai – Môi trường');

    const manager = client(server.url, await login(server.url, 'quanly'));
    const day = new Date(clock.now()).toISOString().slice(0, 10);
    const report = await manager.get(`/api/stats/summary?from=${day}&to=${day}&groupBy=service`);
    expect(report.status).toBe(200);
    expect(report.body.groups.find((g: { key: string }) => g.key === 'dat-dai')).toMatchObject({ label: 'Đất đai – Môi trường (trước đây: Đất đai)', issued: 1, served: 1 });
    // Its prefix is free again for a new field.
    expect((await admin.post('/api/admin/services', { id: 'moi-truong', code: 'MT', name: 'Môi trường', prefix: '3' })).status).toBe(201);
  });

  it('counters: add, rename, choose fields in order; a field taken away while its ticket is served leaves that ticket be', async () => {
    const created = await admin.post('/api/admin/counters', { number: 7, name: 'Quầy 7', serviceIds: ['bhxh', 'ho-tich'], serviceOrder: 'ordered' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 7, number: 7, serviceIds: ['bhxh', 'ho-tich'], enabled: true, status: 'closed', ledAddress: null });
    expect((await admin.post('/api/admin/counters', { number: 7, name: 'Trùng', serviceIds: ['bhxh'] })).body.error.code).toBe('counter_number_taken');
    expect((await admin.post('/api/admin/counters', { number: 8, name: 'X', serviceIds: ['khong-co'] })).body.error.fields).toHaveProperty('serviceIds');

    const kiosk = client(server.url, kioskToken);
    const t = (await kiosk.post('/api/tickets', { serviceId: 'bhxh' })).body;
    const desk = await officerAt(server.url, 6);
    expect((await desk.post('/api/counters/6/call-next')).body.ticket.id).toBe(t.id);
    const changed = await admin.patch('/api/admin/counters/6', { serviceIds: ['chung-thuc'], name: 'Quầy 6 — Chứng thực' });
    expect(changed.body).toMatchObject({ serviceIds: ['chung-thuc'], status: 'open' });
    const live = (await kiosk.get('/api/counters')).body.find((c: { id: number }) => c.id === 6);
    expect(live).toMatchObject({ name: 'Quầy 6 — Chứng thực', serviceIds: ['chung-thuc'], currentTicket: { id: t.id, status: 'called' } });
    expect((await desk.post('/api/counters/6/finish')).status).toBe(200);

    // Disabling an open counter is refused; the admin closes it remotely (its officer went home), then disables it.
    expect((await admin.patch('/api/admin/counters/6', { enabled: false })).body.error.code).toBe('counter_in_use');
    const closed = await admin.post('/api/admin/counters/6/close');
    expect(closed.body.counter).toMatchObject({ id: 6, status: 'closed', staff: null });
    expect((await admin.patch('/api/admin/counters/6', { enabled: false })).body.enabled).toBe(false);
    expect((await kiosk.get('/api/counters')).body.map((c: { id: number }) => c.id)).not.toContain(6);
    expect((await desk.post('/api/counters/6/sign-in')).status).toBe(404);
    expect((await admin.patch('/api/admin/counters/6', { enabled: true })).body.enabled).toBe(true);
  });

  it('a rename reaches an open screen as an event, without a reload', async () => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(server.url, { auth: { role: 'display', token: 'demo-display-token-0001' }, transports: ['websocket'] });
    const events: FloorEvent[] = [];
    const snapshots: Snapshot[] = [];
    socket.on('event', (e) => events.push(e));
    socket.on('snapshot', (s) => snapshots.push(s));
    try {
      await waitFor('snapshot', () => snapshots.length > 0);
      await admin.patch('/api/admin/services/chung-thuc', { name: 'Chứng thực bản sao', nameEn: 'Copies' });
      await waitFor('services.updated with the new name', () =>
        events.some((e) => e.type === 'services.updated' && e.services.some((s) => s.id === 'chung-thuc' && s.name === 'Chứng thực bản sao' && s.nameEn === 'Copies')),
      );
      await waitFor('setup.updated', () => events.some((e) => e.type === 'setup.updated' && e.entity === 'service' && e.id === 'chung-thuc'));
      await waitFor('a fresh snapshot', () => snapshots.some((s) => s.services.some((x) => x.name === 'Chứng thực bản sao')));
    } finally {
      socket.close();
    }
  });

  it('the change log shows who changed what, before and after, newest first, paged; never a password hash', async () => {
    const first = await admin.get('/api/admin/audit?limit=3');
    expect(first.body.entries).toHaveLength(3);
    expect(first.body.entries[0]).toMatchObject({ type: 'setup.service.updated', entity: 'service', targetId: 'chung-thuc', by: { name: 'Quản trị hệ thống' } });
    expect(first.body.entries[0].before).toMatchObject({ name: 'Chứng thực' });
    expect(first.body.entries[0].after).toMatchObject({ name: 'Chứng thực bản sao', formerNames: ['Chứng thực'] });
    const next = await admin.get(`/api/admin/audit?limit=3&before=${first.body.nextBefore}`);
    expect(next.body.entries[0].id).toBeLessThan(first.body.entries[2].id);
    const all = await admin.get('/api/admin/audit?limit=200');
    const types = all.body.entries.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['setup.service.created', 'setup.service.stopped', 'setup.service.archived', 'setup.counter.created', 'setup.counter.disabled', 'setup.center.imported']));
    expect(JSON.stringify(all.body)).not.toMatch(/scrypt|passwordHash/);
    const rows = server.db.prepare(`SELECT staff_id FROM events WHERE type = 'setup.service.created'`).all() as { staff_id: number }[];
    expect(rows[0]!.staff_id).toBe(server.floor.queries.users.byUsername('admin')!.id);
  });

  it('a refused change leaves nothing behind: no row, no log line, no event', async () => {
    const before = (server.db.prepare(`SELECT COUNT(*) AS n FROM events`).get() as { n: number }).n;
    const services = JSON.stringify((await admin.get('/api/admin/services')).body);
    expect((await admin.patch('/api/admin/services/ho-tich', { name: 'Hộ tịch mới', prefix: '2' })).status).toBe(409);
    expect((server.db.prepare(`SELECT COUNT(*) AS n FROM events`).get() as { n: number }).n).toBe(before);
    expect(JSON.stringify((await admin.get('/api/admin/services')).body)).toBe(services);
    expect(server.floor.services.find((s) => s.id === 'ho-tich')!.name).toBe('Hộ tịch');
  });
});

describe('administration: accounts and passwords', () => {
  let server: TestServer;
  let admin: ReturnType<typeof adminClient>;
  beforeAll(async () => {
    server = await startTestServer();
    admin = adminClient(server, await login(server.url, 'admin', 'admin'));
  });
  afterAll(() => server.stop());

  it('the center: name, priority categories and report targets change live; an unknown time zone is refused on its field', async () => {
    const kiosk = client(server.url, kioskToken);
    expect((await kiosk.post('/api/tickets', { serviceId: 'ho-tich', priority: 'thuong_binh' })).status).toBe(400);
    const res = await admin.patch('/api/admin/center', {
      name: 'Trung tâm Phục vụ hành chính công xã Tân Hưng',
      nameEn: null,
      priorityCategories: ['elderly', 'pregnant', 'disability', 'thuong_binh'],
      ratingWindowMinutes: 30,
      reports: { targetWaitMinutes: 10 },
    });
    expect(res.body).toEqual({
      name: 'Trung tâm Phục vụ hành chính công xã Tân Hưng',
      nameEn: null,
      hotline: '0220 3 852 000',
      timezone: 'Asia/Ho_Chi_Minh',
      priorityCategories: [
        { code: 'elderly', name: 'Người cao tuổi', nameEn: 'Elderly person', icon: 'elderly' },
        { code: 'pregnant', name: 'Phụ nữ mang thai', nameEn: 'Pregnant woman', icon: 'pregnant' },
        { code: 'disability', name: 'Người khuyết tật', nameEn: 'Person with a disability', icon: 'disability' },
        { code: 'thuong_binh', name: 'thuong_binh', nameEn: null, icon: null },
      ],
      ratingScale: 4,
      ratingWindowMinutes: 30,
      reports: { targetWaitMinutes: 10, satisfactionTarget: 0.95 },
    });
    expect((await kiosk.post('/api/tickets', { serviceId: 'ho-tich', priority: 'thuong_binh' })).status).toBe(201);
    expect(server.floor.snapshot({ withWaiting: false })).toMatchObject({ centerName: 'Trung tâm Phục vụ hành chính công xã Tân Hưng' });
    expect(server.floor.config.reports.targetWaitMinutes).toBe(10);
    const bad = await admin.patch('/api/admin/center', { timezone: 'Asia/Hai_Phong' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.timezone).toMatch(/Không có múi giờ/);
  });

  const idOf = (username: string) => (server.db.prepare(`SELECT id FROM users WHERE username = ?`).get(username) as { id: number }).id;

  it('disabling an account ends its sessions at once: the next request is 401 and it cannot sign in', async () => {
    const token = await login(server.url, 'canbo2');
    const officer = client(server.url, token);
    expect((await officer.get('/api/auth/me')).status).toBe(200);
    const res = await admin.patch(`/api/admin/users/${idOf('canbo2')}`, { disabled: true });
    expect(res.body).toMatchObject({ username: 'canbo2', disabled: true });
    expect((await officer.get('/api/auth/me')).status).toBe(401);
    expect((await client(server.url).post('/api/auth/login', { username: 'canbo2', password: '123456' })).status).toBe(401);
    expect((server.db.prepare(`SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?`).get(idOf('canbo2')) as { n: number }).n).toBe(0);
  });

  it('the last admin cannot be disabled or demoted', async () => {
    const res = await admin.patch(`/api/admin/users/${idOf('admin')}`, { role: 'staff' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('last_admin');
  });

  it('reset password: a temporary password shown once; until it is changed every other route refuses', async () => {
    const reset = await admin.post(`/api/admin/users/${idOf('canbo3')}/reset-password`);
    expect(reset.status).toBe(200);
    const temporary = reset.body.temporaryPassword as string;
    expect(temporary).toMatch(/^[a-z2-9]{10}$/);
    expect((await client(server.url).post('/api/auth/login', { username: 'canbo3', password: '123456' })).status).toBe(401);
    const signIn = await client(server.url).post('/api/auth/login', { username: 'canbo3', password: temporary });
    expect(signIn.body.mustChangePassword).toBe(true);
    const officer = client(server.url, signIn.body.token);
    const blocked = await officer.post('/api/counters/3/sign-in');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('password_change_required');
    expect((await officer.get('/api/auth/me')).body.mustChangePassword).toBe(true);

    const pw = adminClient(server, signIn.body.token);
    expect((await pw.post('/api/auth/password', { currentPassword: temporary, newPassword: 'short' })).body.error.fields).toHaveProperty('newPassword');
    expect((await pw.post('/api/auth/password', { currentPassword: 'sai-mat-khau', newPassword: 'Mot mat khau dai' })).body.error.code).toBe('wrong_password');
    expect((await pw.post('/api/auth/password', { currentPassword: temporary, newPassword: 'Mot mat khau dai' })).status).toBe(204);
    expect((await officer.post('/api/counters/3/sign-in')).status).toBe(200);
    expect((await client(server.url).post('/api/auth/login', { username: 'canbo3', password: 'Mot mat khau dai' })).body.mustChangePassword).toBeUndefined();
  });

  it('a new account gets a temporary password and may sign in only at its counters', async () => {
    const res = await admin.post('/api/admin/users', { username: 'CanBo7', name: 'Ngô Văn Hải', role: 'staff', counterId: 5, counterIds: [5] });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ username: 'canbo7', mustChangePassword: true, counterIds: [5] });
    const login7 = await client(server.url).post('/api/auth/login', { username: 'canbo7', password: res.body.temporaryPassword });
    const pw = adminClient(server, login7.body.token);
    expect((await pw.post('/api/auth/password', { currentPassword: res.body.temporaryPassword, newPassword: 'Hai-2026-mat-khau' })).status).toBe(204);
    const officer = client(server.url, login7.body.token);
    expect((await officer.post('/api/counters/4/sign-in')).body.error.code).toBe('not_allowed_at_counter');
    expect((await officer.post('/api/counters/5/sign-in')).status).toBe(200);
    expect((await admin.post('/api/admin/users', { username: 'canbo7', name: 'X', role: 'staff' })).body.error.code).toBe('username_taken');
  });
});
