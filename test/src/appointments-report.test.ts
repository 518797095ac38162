import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@qms/server';
import { sketchErrorMs } from '@qms/protocol/figures';
import { summarizeMany } from '../../server/src/stats/summary';
import { assertContract } from './support/contract';
import { client, demoConfig, kioskToken, login, startTestServer, testClock, type TestServer } from './support/server';

const hanoi = (local: string) => Date.parse(`${local}+07:00`);

/** The demo center outside demo mode (Mon–Fri 07:30–11:30, 13:30–17:00). */
function realCenter() {
  const accounts = demoConfig()
    .accounts.filter((a) => ['admin', 'quanly', 'canbo4'].includes(a.username))
    .map((a) => ({ ...a, password: undefined, passwordHash: hashPassword(a.password ?? '') }));
  return demoConfig({ demo: false, accounts });
}

describe('bookings in the reports (docs/figures.md "Lịch hẹn")', () => {
  let server: TestServer;
  let manager: ReturnType<typeof client>;
  let managerToken = '';
  const clock = testClock(hanoi('2026-03-16T08:00:00'));

  beforeAll(async () => {
    server = await startTestServer({ config: realCenter(), now: clock.now });
    const admin = await login(server.url, 'admin', 'admin');
    const rules = await fetch(`${server.url}/api/admin/appointments/rules`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ services: [{ serviceId: 'dat-dai', rules: { enabled: true, slotMinutes: 30, perSlot: 2, maxSharePercent: 30 } }] }),
    });
    expect(rules.status).toBe(200);
    const citizen = client(server.url);
    const kiosk = client(server.url, kioskToken);
    const officer = client(server.url, await login(server.url, 'canbo4'));
    const book = async (slot: string) => (await citizen.post('/api/appointments', { serviceId: 'dat-dai', slotStart: `${slot}+07:00` })).body as { code: string; key: string };
    const at = (local: string) => clock.set(hanoi(`2026-03-16T${local}:00`));

    const kept = await book('2026-03-16T09:00:00');
    const cancelled = await book('2026-03-16T09:30:00');
    const late = await book('2026-03-16T09:30:00');
    const noShow = await book('2026-03-16T10:00:00');
    const moved = await book('2026-03-16T10:30:00');
    await book('2026-03-16T11:00:00'); // still open when the report is read
    expect((await citizen.post(`/api/appointments/${cancelled.code}/cancel`, { key: cancelled.key })).status).toBe(200);
    expect((await citizen.post(`/api/appointments/${moved.code}/move`, { key: moved.key, slotStart: '2026-03-17T09:00:00+07:00' })).status).toBe(200);

    expect((await officer.post('/api/counters/4/sign-in')).status).toBe(200);
    at('08:48');
    const walkIn = (await kiosk.post('/api/tickets', { serviceId: 'dat-dai' })).body;
    at('08:50');
    const booked = (await kiosk.post(`/api/appointments/${kept.code}/check-in`)).body.ticket;
    at('08:51');
    const walkIn2 = (await kiosk.post('/api/tickets', { serviceId: 'dat-dai' })).body;
    at('08:55');
    expect((await officer.post('/api/counters/4/call-next')).body.ticket.id).toBe(walkIn.id); // waited 7 min
    at('09:02');
    expect((await officer.post('/api/counters/4/call-next')).body.ticket.id).toBe(booked.id); // 12 min after check-in, 2 min after its slot
    at('09:05');
    expect((await officer.post('/api/counters/4/call-next')).body.ticket.id).toBe(walkIn2.id); // waited 14 min
    at('09:41');
    expect((await kiosk.post(`/api/appointments/${late.code}/check-in`)).body.outcome).toBe('late');
    at('10:10');
    clock.set(clock.now() + 1000);
    expect(server.appointmentSweep.sweep().noShows).toBe(1);
    expect((await client(server.url).get(`/api/appointments/${noShow.code}`)).body.status).toBe('no_show');
    managerToken = await login(server.url, 'quanly');
    manager = client(server.url, managerToken);
  }, 120_000);
  afterAll(async () => server?.stop());

  it('counts bookings on their slot day: made, kept, cancelled, no-show (late ones among them), open; a moved booking on its new day', async () => {
    const day = await manager.get('/api/stats/summary?from=2026-03-16&to=2026-03-16');
    assertContract(server, 'get', '/api/stats/summary', day);
    expect(day.body.totals.bookings).toEqual({ made: 5, kept: 1, cancelled: 1, noShow: 2, late: 1, open: 1 });
    const next = await manager.get('/api/stats/summary?from=2026-03-17&to=2026-03-17');
    expect(next.body.totals.bookings).toEqual({ made: 1, kept: 0, cancelled: 0, noShow: 0, late: 0, open: 1 });
    // A day with bookings and no ticket still has its line.
    const byDay = await manager.get('/api/stats/summary?from=2026-03-16&to=2026-03-17&groupBy=day');
    expect(byDay.body.groups.map((g: { key: string; issued: number; bookings: { made: number } }) => [g.key, g.issued, g.bookings.made])).toEqual([
      ['2026-03-16', 4, 5],
      ['2026-03-17', 0, 1],
    ]);
    const byService = (await manager.get('/api/stats/summary?from=2026-03-16&to=2026-03-16&groupBy=service')).body.groups;
    expect(byService.find((g: { key: string }) => g.key === 'dat-dai').bookings).toMatchObject({ made: 5, kept: 1 });
    // A booking is at no counter: counter groups carry no booking counts.
    const byCounter = (await manager.get('/api/stats/summary?from=2026-03-16&to=2026-03-16&groupBy=counter')).body.groups;
    expect(byCounter.every((g: object) => !('bookings' in g))).toBe(true);
  });

  it('booked vs walk-in wait and punctuality, the same from the tickets and from the rollups', async () => {
    const t = (await manager.get('/api/stats/summary?from=2026-03-16&to=2026-03-16')).body.totals;
    expect(t.issuedByChannel).toEqual({ kiosk: 3, appointment: 1 });
    expect(t.bookedWaitSeconds).toEqual({ mean: 720, median: 720, p90: 720, max: 720 });
    expect(t.walkInWaitSeconds).toEqual({ mean: 630, median: 630, p90: 840, max: 840 });
    expect(t.punctualitySeconds).toEqual({ mean: 120, median: 120, p90: 120, max: 120 });
    const req = { from: '2026-03-16', to: '2026-03-17', timeZone: 'Asia/Ho_Chi_Minh' };
    const exact = summarizeMany(server.db, { ...req, exactUpTo: Infinity }, ['service', 'day']);
    const rolled = summarizeMany(server.db, { ...req, exactUpTo: 0 }, ['service', 'day']);
    // Everything equal but medians and p90, which the rollups read from the sketch, within its stated bound.
    const noRanks = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v: unknown) => (k === 'median' || k === 'p90' ? null : v)));
    expect(noRanks(rolled.totals)).toEqual(noRanks(exact.totals));
    expect(noRanks([...rolled.groups])).toEqual(noRanks([...exact.groups]));
    for (const d of ['bookedWaitSeconds', 'walkInWaitSeconds', 'punctualitySeconds'] as const)
      for (const k of ['median', 'p90'] as const) {
        const [got, want] = [rolled.totals[d][k]!, exact.totals[d][k]!];
        expect(Math.abs(got - want), `${d} ${k}`).toBeLessThanOrEqual(sketchErrorMs(want * 1000) / 1000 + 0.1);
      }
    expect(exact.totals.bookedWaitSeconds.mean).toBe(720);
  });

  it('the Excel workbook has the booking lines', async () => {
    const res = await fetch(`${server.url}/api/stats/export.xlsx?from=2026-03-16&to=2026-03-16`, { headers: { authorization: `Bearer ${managerToken}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Tổng hợp')!;
    const value = (label: string) => {
      let found: unknown;
      sheet.eachRow((row) => void (row.getCell(1).value === label && (found = row.getCell(2).value)));
      return found;
    };
    expect(value('Lịch hẹn đã đặt')).toBe(5);
    expect(value('Lịch hẹn đã đến (xác nhận tại kiosk)')).toBe(1);
    expect(value('Lịch hẹn đã hủy')).toBe(1);
    expect(value('Lịch hẹn vắng mặt')).toBe(2);
    expect(value('Chờ trung bình – khách đặt lịch (phút)')).toBe(12);
    expect(value('Chờ trung vị – khách đến trực tiếp (phút)')).toBe(10.5);
    expect(value('Đúng hẹn: gọi − giờ hẹn, trung bình (phút)')).toBe(2);
  });
});
