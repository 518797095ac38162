import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubAccount, HubCenter, HubEvent } from '@qms/protocol/hub';
import { startHub, type RunningHub } from './hub';
import { startTestPostgres, type TestPostgres } from './testing/postgres';

// What the city office does from the browser, on a real PostgreSQL: a new key for a center that lost its own, viewer
// accounts, and the admin routes refused to a viewer.

let pg: TestPostgres;
let hub: RunningHub;
const adminPassword = 'mật khẩu thành phố';

beforeAll(async () => {
  pg = await startTestPostgres();
  hub = await startHub({ databaseUrl: await pg.createDatabase(), port: 0, host: '127.0.0.1', adminPassword });
}, 120_000);
afterAll(async () => {
  await hub?.close().catch(() => undefined);
  pg?.stop();
});

const call = (path: string, init: { method?: string; token?: string; body?: unknown } = {}) =>
  fetch(`${hub.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
  });
const login = (username: string, password: string) => call('/api/auth/login', { body: { username, password } });
async function tokenOf(username: string, password: string) {
  const r = await login(username, password);
  expect(r.status).toBe(200);
  return ((await r.json()) as { token: string }).token;
}
const issued = (id: number): HubEvent => ({
  id,
  type: 'ticket.issued',
  ticketId: `t${id}`,
  counterId: null,
  staffId: null,
  payload: { serviceId: 'ho-tich', channel: 'kiosk' },
  at: Date.parse('2026-03-02T02:00:00Z') + id * 1000,
  serviceDay: '2026-03-02',
});

describe('a center that lost its key', () => {
  it('gets a new one: the old key is refused by the push endpoint, the new one accepted', async () => {
    const admin = await tokenOf('admin', adminPassword);
    const { id, key: oldKey } = (await (await call('/api/hub/centers', { token: admin, body: { code: 'P-NGOQUYEN', name: 'Phường Ngô Quyền' } })).json()) as { id: number; key: string };
    expect((await call('/api/hub/events', { token: oldKey, body: { events: [issued(1)] } })).status).toBe(200);
    const before = ((await (await call('/api/hub/centers', { token: admin })).json()) as HubCenter[]).find((c) => c.id === id)!;
    expect(before.keyIssuedAt).not.toBeNull();

    const r = await call(`/api/hub/centers/${id}/key`, { token: admin, method: 'POST' });
    expect(r.status).toBe(201);
    const { key: newKey, id: sameId } = (await r.json()) as { id: number; key: string };
    expect(sameId).toBe(id);
    expect(newKey).toMatch(/^qmshub_/);
    expect(newKey).not.toBe(oldKey);

    const refused = await call('/api/hub/events', { token: oldKey, body: { events: [issued(2)] } });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: 'bad_center_key', message: expect.stringContaining('Khóa kết nối') } });
    expect((await call('/api/hub/heartbeat', { token: oldKey, body: {} })).status).toBe(401);
    expect(await (await call('/api/hub/events', { token: newKey, body: { events: [issued(1), issued(2)] } })).json()).toEqual({ through: 2, stored: 1, duplicates: 1, diverged: 0 });
    // The history it sent with the old key stays: the center is the same.
    const after = ((await (await call('/api/hub/centers', { token: admin })).json()) as HubCenter[]).find((c) => c.id === id)!;
    expect(after).toMatchObject({ code: 'P-NGOQUYEN', eventsStored: 2, lastEventId: 2 });

    expect((await call('/api/hub/centers/99999/key', { token: admin, method: 'POST' })).status).toBe(404);
    for (const bad of ['abc', '0', '-1', '1.5', '99999999999']) {
      const b = await call(`/api/hub/centers/${bad}/key`, { token: admin, method: 'POST' });
      expect(b.status, bad).toBe(400);
      expect(((await b.json()) as { error: { message: string } }).error.message).toContain('không hợp lệ');
    }
    expect((await call(`/api/hub/centers/${id}/key`, { method: 'POST' })).status).toBe(401);
  });
});

describe('viewer accounts', () => {
  it('the city admin creates one; it sees the live view and reports, and is refused the admin routes with 403 and words', async () => {
    const admin = await tokenOf('admin', adminPassword);
    const created = await call('/api/hub/accounts', { token: admin, body: { username: ' Chuyen.Vien1 ', name: 'Chuyên viên Sở Nội vụ', password: 'xem số liệu 1' } });
    expect(created.status).toBe(201);
    const viewer = (await created.json()) as HubAccount;
    expect(viewer).toMatchObject({ username: 'chuyen.vien1', name: 'Chuyên viên Sở Nội vụ', role: 'city_viewer', active: true });
    const again = await call('/api/hub/accounts', { token: admin, body: { username: 'chuyen.vien1', name: 'x', password: 'xem số liệu 2' } });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'username_taken', message: expect.stringContaining('đã có') } });
    const list = (await (await call('/api/hub/accounts', { token: admin })).json()) as HubAccount[];
    expect(list.map((a) => [a.username, a.role])).toEqual([
      ['admin', 'city_admin'],
      ['chuyen.vien1', 'city_viewer'],
    ]);
    expect(JSON.stringify(list)).not.toContain('hash');

    const token = await tokenOf('chuyen.vien1', 'xem số liệu 1');
    expect((await call('/api/hub/centers', { token })).status).toBe(200);
    expect((await call('/api/hub/stats/report?from=2026-03-01&to=2026-03-31', { token })).status).toBe(200);
    const refusals = [
      call('/api/hub/centers', { token, body: { code: 'X-NEW', name: 'Xã mới' } }),
      call('/api/hub/centers/1', { token, method: 'PATCH', body: { name: 'Đổi tên' } }),
      call('/api/hub/centers/1/key', { token, method: 'POST' }),
      call('/api/hub/accounts', { token }),
      call('/api/hub/accounts', { token, body: { username: 'khac', name: 'Khác', password: '12345678' } }),
      call(`/api/hub/accounts/${viewer.id}/password`, { token, method: 'PUT', body: { password: 'mật khẩu mới 1' } }),
      call(`/api/hub/accounts/${viewer.id}`, { token, method: 'PATCH', body: { active: false } }),
    ];
    for (const r of await Promise.all(refusals)) {
      expect(r.status, r.url).toBe(403);
      expect(await r.json()).toMatchObject({ error: { code: 'admin_only', message: expect.stringContaining('Chỉ tài khoản quản trị thành phố') } });
    }
    const en = await fetch(`${hub.url}/api/hub/accounts`, { headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' } });
    expect(await en.json()).toMatchObject({ error: { message: expect.stringContaining('Only the city admin') } });
    // Nothing was registered or changed by the refused calls.
    const centers = (await (await call('/api/hub/centers', { token: admin })).json()) as HubCenter[];
    expect(centers.map((c) => c.code)).not.toContain('X-NEW');
    expect(centers.map((c) => c.name)).not.toContain('Đổi tên');
  });

  it('the city admin resets a viewer’s password: the old one and its sessions stop working, the new one signs in', async () => {
    const admin = await tokenOf('admin', adminPassword);
    const { id } = (await (await call('/api/hub/accounts', { token: admin, body: { username: 'lanhdao', name: 'Lãnh đạo Sở', password: 'mật khẩu cũ 1' } })).json()) as HubAccount;
    const session = await tokenOf('lanhdao', 'mật khẩu cũ 1');
    expect((await call('/api/hub/centers', { token: session })).status).toBe(200);

    expect((await call(`/api/hub/accounts/${id}/password`, { token: admin, method: 'PUT', body: { password: 'mật khẩu mới 2' } })).status).toBe(204);
    expect((await call('/api/hub/centers', { token: session })).status).toBe(401);
    expect((await login('lanhdao', 'mật khẩu cũ 1')).status).toBe(401);
    await tokenOf('lanhdao', 'mật khẩu mới 2');

    // Not for the city admin's own account, nor an unknown one.
    const adminId = ((await (await call('/api/hub/accounts', { token: admin })).json()) as HubAccount[]).find((a) => a.username === 'admin')!.id;
    expect((await call(`/api/hub/accounts/${adminId}/password`, { token: admin, method: 'PUT', body: { password: 'chiếm quyền 123' } })).status).toBe(404);
    await tokenOf('admin', adminPassword);
    expect((await call('/api/hub/accounts/99999/password', { token: admin, method: 'PUT', body: { password: 'mật khẩu mới 3' } })).status).toBe(404);
  });

  it('the city admin turns a viewer account off (it cannot sign in, its sessions end) and on again', async () => {
    const admin = await tokenOf('admin', adminPassword);
    const { id } = (await (await call('/api/hub/accounts', { token: admin, body: { username: 'thuctap', name: 'Thực tập sinh', password: 'tạm thời 123' } })).json()) as HubAccount;
    // Usernames are kept in lower case; signing in ignores the case typed.
    const session = await tokenOf('ThucTap', 'tạm thời 123');

    const off = await call(`/api/hub/accounts/${id}`, { token: admin, method: 'PATCH', body: { active: false } });
    expect(off.status).toBe(200);
    expect(await off.json()).toMatchObject({ id, username: 'thuctap', active: false });
    expect((await call('/api/hub/centers', { token: session })).status).toBe(401);
    expect((await login('thuctap', 'tạm thời 123')).status).toBe(401);

    expect(await (await call(`/api/hub/accounts/${id}`, { token: admin, method: 'PATCH', body: { active: true, name: 'Chuyên viên' } })).json()).toMatchObject({ active: true, name: 'Chuyên viên' });
    await tokenOf('thuctap', 'tạm thời 123');

    const adminId = ((await (await call('/api/hub/accounts', { token: admin })).json()) as HubAccount[]).find((a) => a.username === 'admin')!.id;
    expect((await call(`/api/hub/accounts/${adminId}`, { token: admin, method: 'PATCH', body: { active: false } })).status).toBe(404);
    await tokenOf('admin', adminPassword);
    const empty = await call(`/api/hub/accounts/${id}`, { token: admin, method: 'PATCH', body: {} });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { message: string } }).error.message).toContain('Dữ liệu gửi lên không hợp lệ');
    expect((await call(`/api/hub/accounts/${id}`, { token: admin, method: 'PATCH', body: { active: 'no' } })).status).toBe(400);
  });

  it('bad input gets a clear Vietnamese 4xx, never a 500', async () => {
    const admin = await tokenOf('admin', adminPassword);
    const cases: [string, string, unknown, number, RegExp][] = [
      ['POST', '/api/hub/accounts', { username: 'ab', name: 'x', password: '12345678' }, 400, /username/],
      ['POST', '/api/hub/accounts', { username: 'nguyễn', name: 'x', password: '12345678' }, 400, /username/],
      ['POST', '/api/hub/accounts', { username: 'viewer2', name: '   ', password: '12345678' }, 400, /name/],
      ['POST', '/api/hub/accounts', { username: 'viewer2', name: 'x', password: 'ngắn' }, 400, /8/],
      ['POST', '/api/hub/accounts', { username: 'viewer2', name: 'x\u0000', password: '12345678' }, 400, /NUL/],
      ['POST', '/api/hub/accounts', { username: 'viewer2', name: 'x'.repeat(201), password: '12345678' }, 400, /name/],
      ['POST', '/api/hub/accounts', '{"username":', 400, /JSON/],
      ['POST', '/api/hub/accounts', [], 400, /không hợp lệ/],
      ['PUT', '/api/hub/accounts/abc/password', { password: '12345678' }, 400, /không hợp lệ/],
      ['PUT', '/api/hub/accounts/1/password', { password: 'ngắn' }, 400, /8/],
      ['PUT', '/api/hub/accounts/1/password', {}, 400, /password/],
      ['POST', '/api/hub/centers', { code: 'X', name: 'x', district: 'd'.repeat(101) }, 400, /district/],
    ];
    for (const [method, path, body, status, words] of cases) {
      const r = await call(path, { token: admin, method, body });
      const text = await r.text();
      expect(r.status, `${method} ${path} ${JSON.stringify(body)}: ${text}`).toBe(status);
      expect(JSON.parse(text).error.message, path).toMatch(words);
      expect(JSON.parse(text).error.message).toMatch(/[ạảãàáâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/);
    }
    expect((await call('/api/hub/accounts', { token: admin })).status).toBe(200);
  });

  it('the new routes are in the hub’s OpenAPI document', async () => {
    const doc = (await (await call('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/hub/centers/{id}/key']!)).toEqual(['post']);
    expect(Object.keys(doc.paths['/api/hub/accounts']!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/hub/accounts/{id}/password']!)).toEqual(['put']);
    expect(Object.keys(doc.paths['/api/hub/accounts/{id}']!)).toEqual(['patch']);
  });
});
