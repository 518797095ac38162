import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Figures, SummaryReply } from '@qms/protocol';
import { figureColumns } from '@qms/protocol/figure-columns';
import type { HubCenter, HubEvent, HubHeartbeat, HubReportReply } from '@qms/protocol/hub';
import { fmtInt, fmtPercent } from '@qms/protocol/report-format';
import { centerAlarms, inWorkingHours } from './alarms';
import { startHub, type RunningHub } from './hub';
import { startTestPostgres, type TestPostgres } from './testing/postgres';
import { citySheets } from './xlsx';

// Monday 2 March 2026, 09:00 in Hai Phong: working hours.
const monday9 = Date.parse('2026-03-02T02:00:00Z');
let clock = monday9;
let pg: TestPostgres;
let hub: RunningHub;
let token: string;

beforeAll(async () => {
  pg = await startTestPostgres();
  hub = await startHub({ databaseUrl: await pg.createDatabase(), port: 0, host: '127.0.0.1', adminPassword: 'mật khẩu thành phố', now: () => clock, uiDir: '/nonexistent' });
  const r = await call('/api/auth/login', { body: { username: 'admin', password: 'mật khẩu thành phố' } });
  token = ((await r.json()) as { token: string }).token;
});
afterAll(async () => {
  await hub?.close().catch(() => undefined);
  pg?.stop();
});

function call(path: string, init: { method?: string; token?: string | null; body?: unknown } = {}) {
  const auth = init.token === undefined ? token : init.token;
  return fetch(`${hub.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}
const json = async <T>(path: string): Promise<T> => {
  const r = await call(path);
  expect(r.status, path).toBe(200);
  return (await r.json()) as T;
};

const day = '2026-03-02';
/** Tickets of one center: field, wait and service minutes, rating. */
function tickets(prefix: string, list: [service: string, waitMin: number, serviceMin: number, rating: string | null][]): HubEvent[] {
  const events: HubEvent[] = [];
  let id = 0;
  const at = (m: number) => monday9 - 60 * 60_000 + m * 60_000;
  list.forEach(([serviceId, wait, service, level], i) => {
    const t = `${prefix}-${i}`;
    const base = { ticketId: t, staffId: null };
    events.push({ ...base, id: ++id, type: 'ticket.issued', counterId: null, payload: { serviceId, channel: 'kiosk' }, at: at(i), serviceDay: day });
    events.push({ ...base, id: ++id, type: 'ticket.called', counterId: 1, payload: { from: 'waiting' }, at: at(i + wait) });
    events.push({ ...base, id: ++id, type: 'ticket.finished', counterId: 1, payload: { from: 'called' }, at: at(i + wait + service) });
    if (level) events.push({ ...base, id: ++id, type: 'rating.received', counterId: 1, payload: { level, channel: 'device' }, at: at(i + wait + service) + 5000 });
  });
  return events;
}
const heartbeat = (longestWaitSeconds: number | null): HubHeartbeat => ({
  at: clock,
  timezone: 'Asia/Ho_Chi_Minh',
  version: '1',
  centerName: 'x',
  services: [
    { id: 'dat-dai', code: 'DD', name: 'Đất đai', satisfactionTarget: 0.9 },
    { id: 'ho-tich', code: 'HT', name: 'Hộ tịch', satisfactionTarget: 0.95 },
  ],
  floor: { waiting: [], waitingTotal: 3, longestWaitSeconds, countersOpen: 2, eventsBehind: 0 },
});

const centers: Record<string, { id: number; key: string }> = {};

describe('districts', () => {
  it('are set at registration and by PATCH, listed with the centers, and refused plainly when wrong', async () => {
    for (const [code, name, district] of [
      ['HONGBANG', 'Phường Hồng Bàng', 'Khu vực nội thành'],
      ['LECHAN', 'Phường Lê Chân', undefined],
      ['THUYNGUYEN', 'Xã Thủy Nguyên', 'Khu vực ngoại thành'],
    ] as const) {
      const r = await call('/api/hub/centers', { body: { code, name, ...(district ? { district } : {}) } });
      expect(r.status).toBe(201);
      centers[code] = (await r.json()) as { id: number; key: string };
    }
    let list = await json<HubCenter[]>('/api/hub/centers');
    expect(list.map((c) => [c.code, c.district])).toEqual([
      ['HONGBANG', 'Khu vực nội thành'],
      ['LECHAN', null],
      ['THUYNGUYEN', 'Khu vực ngoại thành'],
    ]);
    const patched = await call(`/api/hub/centers/${centers.LECHAN!.id}`, { method: 'PATCH', body: { district: '  Khu vực nội thành ' } });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ code: 'LECHAN', name: 'Phường Lê Chân', district: 'Khu vực nội thành' });
    expect((await call(`/api/hub/centers/${centers.THUYNGUYEN!.id}`, { method: 'PATCH', body: { name: 'Xã Thủy Nguyên mới' } })).status).toBe(200);
    list = await json<HubCenter[]>('/api/hub/centers');
    expect(list.find((c) => c.code === 'THUYNGUYEN')).toMatchObject({ name: 'Xã Thủy Nguyên mới', district: 'Khu vực ngoại thành' });

    const refused: [string, string, unknown, string | null, number][] = [
      ['no such center', '/api/hub/centers/9999', { district: 'x' }, token, 404],
      ['not a number', '/api/hub/centers/abc', { district: 'x' }, token, 404],
      ['nothing to change', `/api/hub/centers/${centers.LECHAN!.id}`, {}, token, 400],
      ['an empty name', `/api/hub/centers/${centers.LECHAN!.id}`, { name: ' ' }, token, 400],
      ['a district too long', `/api/hub/centers/${centers.LECHAN!.id}`, { district: 'x'.repeat(101) }, token, 400],
      ['not signed in', `/api/hub/centers/${centers.LECHAN!.id}`, { district: 'x' }, null, 401],
    ];
    for (const [what, path, body, t, status] of refused) {
      const r = await call(path, { method: 'PATCH', body, token: t });
      expect(r.status, what).toBe(status);
      expect(((await r.json()) as { error: { message: string } }).error.message, what).toMatch(/^[^\n]+$/);
    }
    expect((await json<HubCenter[]>('/api/hub/centers')).find((c) => c.code === 'LECHAN')!.district).toBe('Khu vực nội thành');
    const doc = (await (await call('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(doc.paths['/api/hub/centers/{id}']).toHaveProperty('patch');
    expect(JSON.stringify(doc.paths['/api/hub/stats/summary'])).toContain('district');
  });
});

describe('alarms of the live city view', () => {
  it('raise a center silent for over 15 min in working hours and a wait over 15 min, not on a Sunday', async () => {
    const alarmsOf = async (code: string) => (await json<HubCenter[]>('/api/hub/centers')).find((c) => c.code === code)!.alarms;
    // Never connected, in working hours.
    expect(await alarmsOf('HONGBANG')).toEqual([{ kind: 'offline', since: null, minutes: null }]);
    expect((await call('/api/hub/heartbeat', { token: centers.HONGBANG!.key, body: heartbeat(20 * 60) })).status).toBe(204);
    expect((await call('/api/hub/heartbeat', { token: centers.LECHAN!.key, body: heartbeat(14 * 60) })).status).toBe(204);
    expect(await alarmsOf('HONGBANG')).toEqual([{ kind: 'wait', longestWaitSeconds: 1200, targetSeconds: 900 }]);
    expect(await alarmsOf('LECHAN')).toEqual([]);
    clock += 16 * 60_000;
    expect(await alarmsOf('LECHAN')).toEqual([{ kind: 'offline', since: new Date(monday9).toISOString(), minutes: 16 }]);
    // Offline, its last wait is no longer news.
    expect(await alarmsOf('HONGBANG')).toEqual([expect.objectContaining({ kind: 'offline' })]);
    clock = monday9;
    // Sunday 10:00 (the session would have expired on the hub's clock by then: asked of the rule directly).
    const silent = { lastContactAt: new Date(monday9), online: false, live: null, timezone: 'Asia/Ho_Chi_Minh' };
    expect(centerAlarms(silent, Date.parse('2026-03-08T03:00:00Z'))).toEqual([]);
    expect(centerAlarms(silent, Date.parse('2026-03-09T03:00:00Z'))).toEqual([expect.objectContaining({ kind: 'offline', minutes: 7 * 24 * 60 + 60 })]);
    expect(inWorkingHours(Date.parse('2026-03-02T00:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe(true); // Mon 07:30
    expect(inWorkingHours(Date.parse('2026-03-02T10:45:00Z'), 'Asia/Ho_Chi_Minh')).toBe(false); // Mon 17:45
    expect(inWorkingHours(Date.parse('2026-03-07T03:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe(true); // Sat 10:00
    expect(inWorkingHours(Date.parse('2026-03-07T06:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe(false); // Sat 13:00
  });
});

const strip = ({ key: _k, label: _l, ...f }: NonNullable<SummaryReply['groups']>[number]) => f;

describe('city report', () => {
  beforeAll(async () => {
    const push = async (code: string, events: HubEvent[]) => expect((await call('/api/hub/events', { token: centers[code]!.key, body: { events } })).status).toBe(200);
    await push('HONGBANG', tickets('hb', [['dat-dai', 5, 10, 'satisfied'], ['dat-dai', 20, 5, 'dissatisfied'], ['ho-tich', 3, 4, 'very_satisfied'], ['ho-tich', 8, 6, null]]));
    await push('LECHAN', tickets('lc', [['dat-dai', 2, 10, 'satisfied'], ['ho-tich', 30, 5, 'very_satisfied'], ['ho-tich', 1, 2, 'satisfied']]));
    await push('THUYNGUYEN', tickets('tn', [['ho-tich', 4, 4, 'very_satisfied']]));
  });

  it('groups by district: each district line is the figures of its centers together', async () => {
    const byDistrict = await json<SummaryReply>(`/api/hub/stats/summary?from=${day}&to=${day}&groupBy=district`);
    expect(byDistrict.groups!.map((g) => [g.key, g.label, g.issued])).toEqual([
      ['Khu vực ngoại thành', 'Khu vực ngoại thành', 1],
      ['Khu vực nội thành', 'Khu vực nội thành', 7],
    ]);
    // One center alone in its district: the district line is that center's line.
    const byCenter = await json<SummaryReply>(`/api/hub/stats/summary?from=${day}&to=${day}&groupBy=center`);
    expect(strip(byDistrict.groups![0]!)).toEqual(strip(byCenter.groups!.find((g) => g.key === 'THUYNGUYEN')!));
    // Two centers together: counts add up, the mean is over their tickets together.
    const inner = byDistrict.groups![1]!;
    const [hb, lc] = ['HONGBANG', 'LECHAN'].map((k) => byCenter.groups!.find((g) => g.key === k)!);
    expect(inner.ratings.total).toBe(hb!.ratings.total + lc!.ratings.total);
    expect(inner.waitSeconds.mean).toBeCloseTo((hb!.waitSeconds.mean! * 4 + lc!.waitSeconds.mean! * 3) / 7, 0);
  });

  it('drills down into one center: its lines per field, with its own targets; an unknown center is a 404', async () => {
    const drill = await json<SummaryReply>(`/api/hub/stats/summary?from=${day}&to=${day}&groupBy=service&center=HONGBANG`);
    expect(drill.totals.issued).toBe(4);
    expect(drill.groups!.map((g) => [g.key, g.label, g.issued, g.satisfactionTarget])).toEqual([
      ['dat-dai', 'Đất đai', 2, expect.closeTo(0.9, 5)],
      ['ho-tich', 'Hộ tịch', 2, expect.closeTo(0.95, 5)],
    ]);
    const whole = await json<SummaryReply>(`/api/hub/stats/summary?from=${day}&to=${day}&groupBy=center`);
    expect(strip({ ...drill.totals, key: '', label: '' })).toMatchObject({ issued: 4, served: 4, ratings: whole.groups!.find((g) => g.key === 'HONGBANG')!.ratings });
    const r = await call(`/api/hub/stats/summary?from=${day}&to=${day}&center=NOPE`);
    expect(r.status).toBe(404);
    expect(((await r.json()) as { error: { message: string } }).error.message).toContain('NOPE');
  });

  it('answers the report page with the summary’s own lines, a ranking, and a paragraph with the same numbers', async () => {
    const report = await json<HubReportReply>(`/api/hub/stats/report?from=${day}&to=${day}`);
    for (const g of ['center', 'service', 'district'] as const) {
      const s = await json<SummaryReply>(`/api/hub/stats/summary?from=${day}&to=${day}&groupBy=${g}`);
      expect(report.groups[g]).toEqual(s.groups);
      expect(report.totals).toEqual(s.totals);
    }
    const t = report.totals;
    expect(t.issued).toBe(8);
    const text = report.text;
    expect(text).toMatch(/^Trong kỳ \(từ ngày 02\/03\/2026 đến ngày 02\/03\/2026\), các Trung tâm trên địa bàn thành phố đã tiếp đón /);
    expect(text).toContain(`đã tiếp đón ${fmtInt(t.issued)} lượt công dân, tổ chức`);
    expect(text).toContain(`tại ${fmtInt(3)} Trung tâm`);
    expect(text).toContain(`đã phục vụ ${fmtInt(t.served)} lượt, ${fmtInt(t.noShow)} lượt vắng mặt`);
    expect(text).toContain(`Tổng số lượt đánh giá: ${fmtInt(t.ratings.total)} lượt`);
    expect(text).toContain(`rất hài lòng ${fmtInt(t.ratings.very_satisfied)}, hài lòng ${fmtInt(t.ratings.satisfied)}, bình thường ${fmtInt(t.ratings.neutral)}, không hài lòng ${fmtInt(t.ratings.dissatisfied)}`);
    expect(text).toContain(`tỷ lệ hài lòng đạt ${fmtPercent(t.satisfactionRate, 'vi', t.satisfactionTarget)}.`);
    expect(text).toContain(`(1 − số lượt không hài lòng ÷ số lượt đã phục vụ; chưa trừ hồ sơ quá hạn và phản ánh, kiến nghị): ${fmtPercent(t.rate766)}.`);
    const below = report.groups.center.filter((c) => c.belowTarget);
    expect(below.map((c) => c.key)).toEqual(['HONGBANG']);
    expect(text).toContain(`Có 1/3 Trung tâm chưa đạt chỉ tiêu hài lòng: Phường Hồng Bàng (`);
    // Land's target is 90 %: its 2 of 3 satisfied is below it.
    expect(text).toContain('Các lĩnh vực chưa đạt chỉ tiêu: Đất đai (66,7%, chỉ tiêu 90%)');
    expect(report.ranking.map((r) => [r.rank, r.key])).toEqual([
      // Equal rates share a rank; more ratings first.
      [1, 'LECHAN'],
      [1, 'THUYNGUYEN'],
      [3, 'HONGBANG'],
    ]);
    const en = await json<HubReportReply>(`/api/hub/stats/report?from=${day}&to=${day}&lang=en`);
    expect(en.text).toContain(`the city's centers received ${fmtInt(t.issued, 'en')} visits`);
  });

  it('exports an Excel workbook whose cells are the summary’s figures', async () => {
    const r = await call(`/api/hub/stats/export.xlsx?from=${day}&to=${day}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toContain('bao-cao-thanh-pho_2026-03-02_2026-03-02.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await r.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual([citySheets.summary, citySheets.centers, citySheets.services, citySheets.districts, citySheets.ranking]);
    const values = (sheet: string) => {
      const rows: unknown[][] = [];
      wb.getWorksheet(sheet)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    const expectLine = (cells: unknown[], f: Figures, what: string) =>
      figureColumns.forEach((c, i) => expect(cells[i] ?? null, `${what}: ${c.header}`).toEqual(c.value(f)));

    const byCenter = await json<SummaryReply>(`/api/hub/stats/summary?from=${day}&to=${day}&groupBy=center`);
    const centerRows = values(citySheets.centers);
    expect(centerRows[0]!.slice(0, 2)).toEqual(['Mã trung tâm', 'Trung tâm']);
    expect(centerRows.length).toBe(1 + byCenter.groups!.length + 1);
    for (const g of byCenter.groups!) {
      const row = centerRows.find((x) => x[0] === g.key)!;
      expect(row[1]).toBe(g.label);
      expectLine(row.slice(2), g, String(g.key));
    }
    expectLine(centerRows.at(-1)!.slice(2), byCenter.totals, 'Tổng cộng');

    for (const [sheet, groupBy] of [[citySheets.services, 'service'], [citySheets.districts, 'district']] as const) {
      const s = await json<SummaryReply>(`/api/hub/stats/summary?from=${day}&to=${day}&groupBy=${groupBy}`);
      const rows = values(sheet);
      s.groups!.forEach((g, i) => {
        expect(rows[i + 1]![0]).toBe(g.label);
        expectLine(rows[i + 1]!.slice(1), g, `${sheet} ${g.label}`);
      });
    }
    const summaryRows = values(citySheets.summary);
    for (const c of figureColumns) expect(summaryRows.find((x) => x[0] === c.header)?.[1] ?? null, c.header).toEqual(c.value(byCenter.totals));
    const report = await json<HubReportReply>(`/api/hub/stats/report?from=${day}&to=${day}`);
    expect(summaryRows.some((x) => x[0] === report.text)).toBe(true);
    expect(values(citySheets.ranking).slice(1).map((x) => [x[0], x[1]])).toEqual(report.ranking.map((l) => [l.rank ?? '—', l.key]));
  });

  it('counts a center’s paper ballots in its own drill-down and its district, not in another center’s', async () => {
    const paper = { id: 1, serviceId: 'dat-dai', from: day, to: day, very_satisfied: 2, satisfied: 2, neutral: 0, dissatisfied: 1, very_dissatisfied: 0 };
    const entered: HubEvent = { id: 100, type: 'paper_ballot.entered', ticketId: null, counterId: null, staffId: null, payload: paper, at: monday9 };
    expect((await call('/api/hub/events', { token: centers.HONGBANG!.key, body: { events: [entered] } })).status).toBe(200);
    const q = `from=${day}&to=${day}`;
    const own = await json<SummaryReply>(`/api/hub/stats/summary?${q}&groupBy=service&center=HONGBANG`);
    expect(own.totals.paperBallots?.total).toBe(5);
    expect(own.groups!.find((g) => g.key === 'dat-dai')!.paperBallots?.total).toBe(5);
    expect((await json<SummaryReply>(`/api/hub/stats/summary?${q}&groupBy=service&center=LECHAN`)).totals.paperBallots?.total).toBe(0);
    const byDistrict = await json<SummaryReply>(`/api/hub/stats/summary?${q}&groupBy=district`);
    expect(byDistrict.groups!.map((g) => [g.key, g.paperBallots?.total])).toEqual([
      ['Khu vực ngoại thành', 0],
      ['Khu vực nội thành', 5],
    ]);
    expect(byDistrict.totals.paperBallots?.total).toBe(5);
  });

  it('refuses a bad range plainly, and anonymous readers', async () => {
    expect((await call(`/api/hub/stats/export.xlsx?from=2026-03-05&to=${day}`)).status).toBe(400);
    expect((await call(`/api/hub/stats/report?from=${day}`)).status).toBe(400);
    expect((await call(`/api/hub/stats/report?from=${day}&to=${day}`, { token: null })).status).toBe(401);
    expect((await call(`/api/hub/stats/export.xlsx?from=${day}&to=${day}`, { token: null })).status).toBe(401);
  });
});
