import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FloorEvent } from '@qms/protocol';
import { hashPassword } from '@qms/server';
import { client, demoConfig, kioskToken, login, startTestServer, testClock, type TestServer } from './support/server';

const hanoi = (local: string) => Date.parse(`${local}+07:00`);

/** The demo center outside demo mode, with its admin, manager and one officer able to sign in. */
function realCenter() {
  const accounts = demoConfig()
    .accounts.filter((a) => ['admin', 'quanly', 'canbo1'].includes(a.username))
    .map((a) => ({ ...a, password: undefined, passwordHash: hashPassword(a.password ?? '') }));
  return demoConfig({ demo: false, accounts });
}

async function put(url: string, token: string | null, body: unknown) {
  const res = await fetch(`${url}/api/admin/calendar`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const week = {
  workingDays: [1, 2, 3, 4, 5, 6],
  windows: [{ from: '07:30', to: '11:30' }, { from: '13:30', to: '17:00' }],
  days: { '6': [{ from: '07:30', to: '11:30' }] },
};

describe('the center calendar through the API', () => {
  const servers: TestServer[] = [];
  afterEach(async () => Promise.all(servers.splice(0).map((s) => s.stop())));
  async function start(at: string) {
    const clock = testClock(hanoi(at));
    const server = await startTestServer({ config: realCenter(), now: clock.now });
    servers.push(server);
    return { server, clock, admin: await login(server.url, 'admin', 'admin'), manager: await login(server.url, 'quanly') };
  }

  it('is pre-filled at first start with the year\'s holidays, and the weekly hours from the config', async () => {
    const { server, manager } = await start('2026-03-16T09:00:00');
    const res = await client(server.url, manager).get('/api/admin/calendar?year=2026');
    expect(res.status).toBe(200);
    expect(res.body.hours).toEqual(realCenter().defaultHours);
    const days = res.body.days as { date: string; kind: string; name: string; source: string }[];
    expect(days.find((d) => d.date === '2026-04-26')).toMatchObject({ kind: 'holiday', name: 'Giỗ Tổ Hùng Vương', source: 'prefilled' });
    expect(days.filter((d) => d.name === 'Tết Nguyên Đán').map((d) => d.date)).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    // Next year too, so December can already see January's holidays.
    expect((await client(server.url, manager).get('/api/admin/calendar?year=2027')).body.days.length).toBeGreaterThan(10);
  });

  it('admin writes, manager reads; officers, devices and strangers are refused', async () => {
    const { server, admin, manager } = await start('2026-03-16T09:00:00');
    const officer = await login(server.url, 'canbo1');
    expect((await client(server.url).get('/api/admin/calendar?year=2026')).status).toBe(401);
    expect((await client(server.url, officer).get('/api/admin/calendar?year=2026')).status).toBe(403);
    expect((await client(server.url, kioskToken).get('/api/admin/calendar?year=2026')).status).toBe(403);
    expect((await put(server.url, null, { hours: week })).status).toBe(401);
    expect((await put(server.url, manager, { hours: week })).status).toBe(403);
    expect((await put(server.url, officer, { hours: week })).status).toBe(403);
    expect((await put(server.url, kioskToken, { hours: week })).status).toBe(403);
    const ok = await put(server.url, admin, { hours: week });
    expect(ok.status).toBe(200);
    expect(ok.body.hours).toEqual(week);
  });

  it('bad input: a 400 naming the field in plain Vietnamese, and nothing stored changes', async () => {
    const { server, admin } = await start('2026-03-16T09:00:00');
    const before = await client(server.url, admin).get('/api/admin/calendar?year=2026');
    const cases: [unknown, string][] = [
      [{ hours: { ...week, windows: [{ from: '25:00', to: '11:30' }] } }, 'hours.windows.0.from: phải là giờ dạng HH:MM'],
      [{ hours: { ...week, days: { '6': [{ from: '11:30', to: '07:30' }] } } }, 'hours.days.6.0: giờ kết thúc phải sau giờ bắt đầu'],
      [{ year: 2026, days: [{ date: '2027-01-01', kind: 'holiday', name: 'Tết' }] }, 'days.0.date: ngày này không thuộc năm đang sửa'],
      [{ year: 2026, days: [{ date: '2026-02-30', kind: 'holiday', name: 'Lễ' }] }, 'days.0.date: không có ngày này trong lịch'],
      [{ year: 2026, days: [{ date: '2026-05-01', kind: 'holiday', name: 'A' }, { date: '2026-05-01', kind: 'workday', name: 'B' }] }, 'days.1.date: ngày này bị nhập hai lần'],
      [{ year: 2026, days: [{ date: '2026-05-01', kind: 'nghỉ', name: 'A' }] }, 'days.0.kind: phải là một trong: holiday, workday'],
      [{ days: [] }, 'cần ghi năm (year) của danh sách ngày'],
      [{}, 'cần gửi giờ làm việc (hours) hoặc danh sách ngày (days)'],
    ];
    for (const [body, words] of cases) {
      const res = await put(server.url, admin, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
      expect(res.body.error.message).toContain(words);
    }
    expect((await client(server.url, admin).get('/api/admin/calendar?year=2026')).body).toEqual(before.body);
  });

  it('a holiday is not an issuing day; a make-up Saturday is, with Monday\'s hours; Saturday morning only when so set', async () => {
    const { server, clock, admin } = await start('2026-04-27T09:00:00'); // Monday: the day in lieu of Giỗ Tổ (Sunday 26/4)
    const kiosk = client(server.url, kioskToken);
    const heard: FloorEvent[] = [];
    server.floor.bus.on('event', (e) => heard.push(e));

    const refused = await kiosk.post('/api/tickets', { serviceId: 'ho-tich' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'holiday', message: 'Hôm nay nghỉ lễ Giỗ Tổ Hùng Vương (nghỉ bù), không cấp số.' });
    const services = (await kiosk.get('/api/services')).body as { issuingNow: boolean; closedReason: string; holiday: unknown }[];
    expect(services.every((s) => !s.issuingNow && s.closedReason === 'holiday')).toBe(true);
    expect(services[0]!.holiday).toEqual({ name: 'Giỗ Tổ Hùng Vương (nghỉ bù)', nameEn: 'Hung Kings Commemoration Day (day in lieu)' });

    // The admin takes the day off the list: tickets again, and open screens hear of it at once.
    const days = (await client(server.url, admin).get('/api/admin/calendar?year=2026')).body.days as { date: string; kind: string }[];
    const saved = await put(server.url, admin, { year: 2026, days: days.filter((d) => d.date !== '2026-04-27') });
    expect(saved.status).toBe(200);
    const update = heard.find((e) => e.type === 'services.updated');
    expect(update?.type === 'services.updated' && update.services.every((s) => s.issuingNow && s.holiday === null)).toBe(true);
    expect((await kiosk.post('/api/tickets', { serviceId: 'ho-tich' })).status).toBe(201);

    const logged = server.db.prepare(`SELECT staff_id, payload FROM events WHERE type = 'setup.calendar.updated'`).all() as { staff_id: number; payload: string }[];
    const change = JSON.parse(logged.at(-1)!.payload);
    expect(change).toMatchObject({ entity: 'calendar', id: 2026 });
    expect(change.before.some((d: { date: string }) => d.date === '2026-04-27')).toBe(true);
    expect(change.after.some((d: { date: string }) => d.date === '2026-04-27')).toBe(false);
    const adminId = (server.db.prepare(`SELECT id FROM users WHERE username = 'admin'`).get() as { id: number }).id;
    expect(logged.at(-1)!.staff_id).toBe(adminId);

    // Saturday 10/1/2026 is the published make-up day: issuing, in the afternoon too (Monday's windows).
    clock.set(hanoi('2026-01-10T14:00:00'));
    expect((await kiosk.post('/api/tickets', { serviceId: 'ho-tich' })).status).toBe(201);
    // A plain Saturday is not, until the admin opens Saturday mornings.
    clock.set(hanoi('2026-03-14T09:00:00'));
    expect((await kiosk.post('/api/tickets', { serviceId: 'ho-tich' })).body.error.code).toBe('not_working_day');
    expect((await put(server.url, admin, { hours: week })).status).toBe(200);
    const hoursLog = JSON.parse((server.db.prepare(`SELECT payload FROM events WHERE type = 'setup.calendar.updated' ORDER BY id DESC LIMIT 1`).get() as { payload: string }).payload);
    expect(hoursLog).toMatchObject({ entity: 'calendar', id: 'hours', after: week });
    expect((await kiosk.post('/api/tickets', { serviceId: 'ho-tich' })).status).toBe(201);
    clock.set(hanoi('2026-03-14T14:00:00'));
    expect((await kiosk.post('/api/tickets', { serviceId: 'ho-tich' })).body.error).toMatchObject({ code: 'outside_hours' });
  });

  it('survives a restart: saved hours stay, an emptied year is not pre-filled again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qms-calendar-'));
    const first = await startTestServer({ config: realCenter(), now: testClock(hanoi('2026-03-16T09:00:00')).now, dataDir });
    expect((await put(first.url, await login(first.url, 'admin', 'admin'), { hours: week, year: 2027, days: [] })).status).toBe(200);
    await first.stop();
    const again = await startTestServer({ config: realCenter(), now: testClock(hanoi('2026-03-16T10:00:00')).now, dataDir });
    servers.push(again);
    const res = await client(again.url, await login(again.url, 'admin', 'admin')).get('/api/admin/calendar?year=2027');
    expect(res.body).toMatchObject({ hours: week, days: [] });
    expect((await client(again.url, await login(again.url, 'admin', 'admin')).get('/api/admin/calendar?year=2026')).body.days.length).toBeGreaterThan(10);
    await again.stop();
    servers.splice(servers.indexOf(again), 1);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the demo center issues on holidays too', async () => {
    const clock = testClock(hanoi('2026-09-02T22:00:00'));
    const server = await startTestServer({ now: clock.now });
    servers.push(server);
    expect((await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' })).status).toBe(201);
  });
});
