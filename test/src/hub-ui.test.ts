import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { HubEvent, HubHeartbeat } from '@qms/protocol/hub';
import { fmtInt } from '@qms/protocol/report-format';
import { startHub, type RunningHub } from '@qms/hub';
import { startTestPostgres, type TestPostgres } from '@qms/hub/testing';
import { cspViolations, keepScreenshot, launchBrowser, newPage, signInOnPage } from './support/browser';
import { freePort } from './support/child-server';
import { client } from './support/server';

// The city screens (hub-ui) served by a real hub on a real PostgreSQL, in headless Chromium. Needs `npm run build -w hub-ui`.

// Tuesday 1 December 2026, 09:30 in Hai Phong: working hours, so a silent center raises its alarm.
const base = Date.parse('2026-12-01T02:30:00Z');
const day = '2026-12-01';
let offset = 0;
const started = Date.now();
const hubNow = () => base + offset + (Date.now() - started);
const password = 'thành phố 2026';

let pg: TestPostgres;
let hub: RunningHub;
let browser: Browser;
const keys = { hb: '', lc: '' };

/** `n` tickets of a center over the morning: fields in turn, waits and ratings from a fixed pattern. */
function morning(prefix: string, n: number, dissatisfiedEvery: number): HubEvent[] {
  const fields = ['dat-dai', 'ho-tich', 'chung-thuc'];
  const levels = ['very_satisfied', 'satisfied', 'satisfied', 'very_satisfied', 'very_satisfied', 'satisfied', 'very_satisfied', 'satisfied', 'satisfied', 'very_satisfied', 'satisfied', 'neutral'];
  const events: HubEvent[] = [];
  let id = 0;
  const start = base - 2 * 3600_000;
  for (let i = 0; i < n; i++) {
    const t = `${prefix}-${i}`;
    const issued = start + i * 90_000;
    const called = issued + ((i * 7) % 23) * 60_000;
    const done = called + (3 + (i % 9)) * 60_000;
    const level = i % dissatisfiedEvery === 5 ? 'dissatisfied' : levels[i % levels.length]!;
    const one = { ticketId: t, staffId: null };
    events.push({ ...one, id: ++id, type: 'ticket.issued', counterId: null, payload: { serviceId: fields[i % 3]!, channel: 'kiosk' }, at: issued, serviceDay: day });
    events.push({ ...one, id: ++id, type: 'ticket.called', counterId: 1 + (i % 4), payload: { from: 'waiting' }, at: called });
    events.push({ ...one, id: ++id, type: 'ticket.finished', counterId: 1 + (i % 4), payload: { from: 'called' }, at: done });
    if (i % 4 !== 3) events.push({ ...one, id: ++id, type: 'rating.received', counterId: 1 + (i % 4), payload: { level, channel: 'device' }, at: done + 10_000 });
  }
  return events;
}
const heartbeat = (waitingTotal: number, longestWaitSeconds: number, countersOpen: number): HubHeartbeat => ({
  at: hubNow(),
  timezone: 'Asia/Ho_Chi_Minh',
  version: '1',
  centerName: 'x',
  services: [
    { id: 'dat-dai', code: 'DD', name: 'Đất đai', satisfactionTarget: 0.9 },
    { id: 'ho-tich', code: 'HT', name: 'Hộ tịch', satisfactionTarget: 0.95 },
    { id: 'chung-thuc', code: 'CT', name: 'Chứng thực', satisfactionTarget: 0.95 },
  ],
  floor: { waiting: [], waitingTotal, longestWaitSeconds, countersOpen, eventsBehind: 0 },
});

beforeAll(async () => {
  pg = await startTestPostgres();
  hub = await startHub({ databaseUrl: await pg.createDatabase(), port: 0, host: '127.0.0.1', adminPassword: password, now: hubNow });
  const token = (await client(hub.url).post('/api/auth/login', { username: 'admin', password })).body.token as string;
  const city = client(hub.url, token);
  const hb = (await city.post('/api/hub/centers', { code: 'P-HONGBANG', name: 'Phường Hồng Bàng', district: 'Khu vực nội thành' })).body as { key: string };
  const lc = (await city.post('/api/hub/centers', { code: 'P-LECHAN', name: 'Phường Lê Chân', district: 'Khu vực ngoại thành' })).body as { key: string };
  Object.assign(keys, { hb: hb.key, lc: lc.key });
  expect((await client(hub.url, hb.key).post('/api/hub/events', { events: morning('hb', 60, 7) })).status).toBe(200);
  expect((await client(hub.url, lc.key).post('/api/hub/events', { events: morning('lc', 45, 50) })).status).toBe(200);
  // Lê Chân's last word was 20 minutes ago; Hồng Bàng beats now, with someone waiting 20 minutes.
  offset = -20 * 60_000;
  expect((await client(hub.url, lc.key).post('/api/hub/heartbeat', heartbeat(4, 300, 3))).status).toBe(204);
  offset = 0;
  expect((await client(hub.url, hb.key).post('/api/hub/heartbeat', heartbeat(12, 20 * 60 + 30, 5))).status).toBe(204);
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await hub?.close().catch(() => undefined);
  pg?.stop();
});

describe('city screens', () => {
  it('sign in as a city account, see both centers live with their alarms, sort, open the city report and a center, export', { timeout: 180_000 }, async () => {
    const page = await newPage(browser, { width: 1366, height: 768 });
    await page.clock.setFixedTime(hubNow());
    await signInOnPage(page, `${hub.url}/`, 'admin', password);

    const rows = page.locator('tr[data-center]');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
    const hongBang = page.locator('tr[data-center="P-HONGBANG"]');
    const leChan = page.locator('tr[data-center="P-LECHAN"]');
    expect(await hongBang.innerText()).toMatch(/Trực tuyến[\s\S]*5\s+12\s+20,5 phút[\s\S]*Có người chờ 20 phút \(mục tiêu 15 phút\)/);
    expect(await leChan.innerText()).toMatch(/Mất kết nối[\s\S]*20 phút trước[\s\S]*Mất kết nối 20 phút trong giờ làm việc/);
    await expect.poll(() => page.locator('.live__alarm').count(), { timeout: 30_000 }).toBe(2);

    // Sorted by name, then by waiting (most first): the online center with 12 waiting leads; the offline one shows none.
    await page.getByRole('button', { name: 'Trung tâm' }).click();
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-center')))).toEqual(['P-HONGBANG', 'P-LECHAN']);
    await page.getByRole('button', { name: 'Trung tâm' }).click();
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-center')))).toEqual(['P-LECHAN', 'P-HONGBANG']);
    await page.getByRole('button', { name: 'Đang chờ' }).click();
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-center')))).toEqual(['P-HONGBANG', 'P-LECHAN']);
    await keepScreenshot(page, 'hub-live-1366');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await keepScreenshot(page, 'hub-live-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
    // Live: the view asks again every 10 s; Lê Chân's next heartbeat shows it online, its alarm gone.
    expect((await client(hub.url, keys.lc).post('/api/hub/heartbeat', heartbeat(7, 240, 4))).status).toBe(204);
    await expect.poll(() => leChan.innerText(), { timeout: 60_000, interval: 500 }).toMatch(/Trực tuyến[\s\S]*4\s+7\s+4 phút/);
    await expect.poll(() => page.locator('.live__alarm').count(), { timeout: 30_000 }).toBe(1);

    await page.getByRole('tab', { name: 'Báo cáo thành phố' }).click();
    const summary = (await client(hub.url, (await client(hub.url).post('/api/auth/login', { username: 'admin', password })).body.token).get(`/api/hub/stats/summary?from=${day}&to=${day}&groupBy=center`)).body;
    expect(summary.totals.issued).toBe(105);
    const kpis = page.locator('.reports__kpis');
    await kpis.waitFor();
    expect(await kpis.innerText()).toContain(fmtInt(summary.totals.issued));
    expect(await kpis.innerText()).toContain(fmtInt(summary.totals.ratings.total));
    const paragraph = page.getByRole('textbox', { name: /Đoạn văn cho báo cáo/ });
    expect(await paragraph.inputValue()).toContain(`các Trung tâm trên địa bàn thành phố đã tiếp đón ${fmtInt(summary.totals.issued)} lượt`);
    await expect.poll(() => page.locator('.ranking tbody tr').count(), { timeout: 30_000 }).toBe(2);
    await page.getByRole('region', { name: 'Theo khu vực' }).waitFor();
    await keepScreenshot(page, 'hub-report-1366');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await keepScreenshot(page, 'hub-report-1920');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải Excel' }).click()]);
    expect(download.suggestedFilename()).toBe(`bao-cao-thanh-pho_${day}_${day}.xlsx`);

    // A center's drill-down: its figures per field, land against 90 %.
    await page.locator('.ranking').getByRole('button', { name: 'Phường Lê Chân' }).click();
    await page.getByRole('heading', { name: 'Chi tiết Trung tâm: Phường Lê Chân' }).waitFor();
    const fields = page.getByRole('region', { name: 'Theo lĩnh vực tại Trung tâm' });
    await fields.locator('tr[data-key="dat-dai"]').waitFor();
    expect(await fields.locator('tr[data-key="dat-dai"]').innerText()).toMatch(/Đất đai\s+15\b[\s\S]*90%/);
    expect(page.url()).toMatch(/#reports\/P-LECHAN$/);
    await page.getByRole('button', { name: /Quay lại báo cáo thành phố/ }).click();
    await page.locator('.ranking').waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Live' }).waitFor();
    await page.getByRole('tab', { name: 'City reports' }).click();
    await page.getByRole('button', { name: 'Download Excel' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('input[name=username]').waitFor();
    expect(cspViolations(page)).toEqual([]);
  });
});

describe('the built hub (`npm run hub`)', () => {
  it('serves the built city screens at / with the security headers, and its API beside them', { timeout: 180_000 }, async () => {
    const repo = fileURLToPath(new URL('../../', import.meta.url));
    const env: Record<string, string | undefined> = { ...process.env };
    delete env.NODE_OPTIONS;
    const build = spawnSync(process.execPath, ['hub/build.mjs'], { cwd: repo, encoding: 'utf8', env, timeout: 120_000 });
    expect(build.status, build.stderr).toBe(0);
    const port = await freePort();
    const child = spawn(process.execPath, ['hub/dist/main.mjs'], { cwd: repo, env: { ...env, DATABASE_URL: await pg.createDatabase(), HUB_PORT: String(port) }, stdio: 'ignore' });
    try {
      const url = `http://127.0.0.1:${port}`;
      await expect.poll(() => fetch(`${url}/api/health`).then((r) => r.status, () => 0), { timeout: 60_000, interval: 200 }).toBe(200);
      for (const page of ['/', '/index.html']) {
        const r = await fetch(url + page);
        expect(r.status, page).toBe(200);
        expect(r.headers.get('content-type')).toContain('text/html');
        expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
        expect(r.headers.get('x-frame-options')).toBe('DENY');
        const html = await r.text();
        expect(html).toContain('<div id="root"></div>');
        const script = /<script[^>]+src="([^"]+)"/.exec(html)![1]!;
        const js = await fetch(url + script);
        expect(js.status).toBe(200);
        expect(js.headers.get('content-type')).toContain('javascript');
      }
      expect((await fetch(`${url}/assets/none.js`)).status).toBe(404);
      expect((await fetch(`${url}/api/nothing`)).status).toBe(404);
      expect((await fetch(`${url}/../../package.json`)).status).not.toBe(200);
    } finally {
      child.kill();
    }
  });
});
