import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepScreenshot, launchBrowser, newPage } from './support/browser';
import { client, kioskToken, login, officerAt, startTestServer, type TestServer } from './support/server';

const displayUrl = (base: string, query = '') => `${base}/display/?token=demo-display-token-0001${query}`;

interface Announcement { ticketNumber: string; counterNumber: number; recall: boolean; clips: string[]; state: string; missing: string[]; seconds: number | null }
const announcements = (page: Page) => page.evaluate(() => (window as unknown as { __qmsAudio?: { announcements: Announcement[] } }).__qmsAudio?.announcements ?? []);
async function waitForAnnouncements(page: Page, n: number) {
  await page.waitForFunction((count) => ((window as unknown as { __qmsAudio?: { announcements: unknown[] } }).__qmsAudio?.announcements.length ?? 0) >= count, n);
  return announcements(page);
}

// "Xin mời công dân có số thứ tự … đến quầy số …" in Telex clip names.
const opening = ['xin', 'mowif', 'coong', 'daan', 'cos', 'soos', 'thuws', 'tuwj'];
const toCounter = ['ddeens', 'quaayf', 'soos'];

describe('hall display in Chromium: calls, voice, settings', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startTestServer({ withScreens: true });
    browser = await launchBrowser();
    page = await newPage(browser, { width: 1920, height: 1080 });
    await page.goto(displayUrl(server.url));
    await page.locator('.display__counter').first().waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a call made through the API is shown and queued for speech as chime + sentence twice', async () => {
    const kiosk = client(server.url, kioskToken);
    await kiosk.post('/api/tickets', { serviceId: 'chung-thuc' });
    const desk = await officerAt(server.url, 3);
    expect((await desk.post('/api/counters/3/call-next')).status).toBe(200);
    await page.locator('.display__latest', { hasText: '2001' }).waitFor();
    expect(await page.locator('.display__latest').innerText()).toMatch(/MỜI CÔNG DÂN CÓ SỐ\s+2001\s+ĐẾN QUẦY\s+3/);
    expect(await page.locator('.display__counter[data-counter="3"] .display__counter-number').innerText()).toBe('2001');

    const [first] = await waitForAnnouncements(page, 1);
    const sentence = [...opening, 'hai', 'nghinf', 'khoong', 'trawm', 'linh', 'mootj', ...toCounter, 'ba'];
    expect(first).toMatchObject({ ticketNumber: '2001', counterNumber: 3, recall: false });
    expect(first!.clips).toEqual(['chime', ...sentence, '_pause', ...sentence]);
    // Every clip of the pack was found and decoded: the whole announcement is scheduled, none missing.
    await page.waitForFunction(() => (window as any).__qmsAudio.announcements[0].seconds !== null);
    const scheduled = (await announcements(page))[0]!;
    expect(scheduled.missing).toEqual([]);
    expect(scheduled.state).toBe('playing');
    expect(scheduled.seconds).toBeGreaterThan(4);
  });

  it('two calls in quick succession are announced in call order, and a recall is announced again', async () => {
    const kiosk = client(server.url, kioskToken);
    await kiosk.post('/api/tickets', { serviceId: 'ho-tich' });
    await kiosk.post('/api/tickets', { serviceId: 'bhxh' });
    const [desk2, desk6] = await Promise.all([officerAt(server.url, 2), officerAt(server.url, 6)]);
    const before = (await announcements(page)).length;
    const [a, b] = await Promise.all([desk2.post('/api/counters/2/call-next'), desk6.post('/api/counters/6/call-next')]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect((await desk2.post('/api/counters/2/recall')).status).toBe(200);

    const list = (await waitForAnnouncements(page, before + 3)).slice(before);
    const callOrder = server.db
      .prepare(`SELECT t.number, e.counter_id AS counter, e.type FROM events e JOIN tickets t ON t.id = e.ticket_id WHERE e.type IN ('ticket.called', 'ticket.recalled') ORDER BY e.id`)
      .all()
      .slice(-3)
      .map((e: any) => [e.number, e.counter, e.type === 'ticket.recalled']);
    expect(list.map((x) => [x.ticketNumber, x.counterNumber, x.recall])).toEqual(callOrder);
    expect(callOrder.map((c) => c[0]).sort()).toEqual(['1001', '1001', '7001']);
    const of7001 = list.find((x) => x.ticketNumber === '7001')!;
    expect(of7001.clips.slice(9, 15)).toEqual(['bayr', 'nghinf', 'khoong', 'trawm', 'linh', 'mootj']);
    // One at a time, in order: finished ones, at most one playing, then the waiting ones.
    for (let i = 0; i < 5; i++) {
      const states = (await announcements(page)).map((x) => x.state[0]).join('');
      expect(states).toMatch(/^d*p?q*$/);
      await page.waitForTimeout(300);
    }
    await page.locator('.display__latest', { hasText: '1001' }).waitFor();
  });

  it('the manager changes the notice and the reading; displays follow at once, bad input is refused in Vietnamese', async () => {
    expect((await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'chung-thuc' })).status).toBe(201);
    const token = await login(server.url, 'quanly');
    const send = async (body: unknown, lang = 'vi', auth = token) => {
      const res = await fetch(`${server.url}/api/display/settings`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}`, 'accept-language': lang }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as any };
    };

    const wrong = await send({ template: 'Mời số thứ tự đến quầy' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('invalid_input');
    expect(wrong.body.error.message).toMatch(/không hợp lệ/);
    expect((await send({ repeat: 9 }, 'en')).body.error.message).toMatch(/not valid/);
    expect((await send({ colour: 'red' })).status).toBe(400);
    expect((await send({ notice: 'x' }, 'vi', await login(server.url, 'canbo1'))).status).toBe(403);

    const ok = await send({ notice: 'Trung tâm làm việc buổi sáng thứ Bảy từ 7 giờ 30 đến 11 giờ 30', reading: 'digits', repeat: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ reading: 'digits', repeat: 1, template: 'Xin mời công dân có số thứ tự {number} đến quầy số {counter}' });
    await page.locator('.display__notice', { hasText: 'thứ Bảy' }).waitFor();
    expect((await client(server.url).get('/api/display/settings')).body.reading).toBe('digits');

    const before = (await announcements(page)).length;
    await (await officerAt(server.url, 1)).post('/api/counters/1/call-next');
    const [last] = (await waitForAnnouncements(page, before + 1)).slice(before);
    expect(last!.clips).toEqual(['chime', ...opening, 'hai', 'khoong', 'khoong', 'hai', ...toCounter, 'mootj']);
    await keepScreenshot(page, 'display');
  });

  it('a display limited to some counters shows and announces only theirs', async () => {
    const wing = await newPage(browser, { width: 1920, height: 1080 });
    await wing.goto(displayUrl(server.url, '&counters=4,5'));
    await wing.locator('.display__counter').first().waitFor();
    expect(await wing.locator('.display__counter').evaluateAll((els) => els.map((e) => e.getAttribute('data-counter')))).toEqual(['4', '5']);
    const kiosk = client(server.url, kioskToken);
    await kiosk.post('/api/tickets', { serviceId: 'dat-dai' });
    await kiosk.post('/api/tickets', { serviceId: 'chung-thuc' });
    await (await officerAt(server.url, 3)).post('/api/counters/3/call-next');
    await (await officerAt(server.url, 4)).post('/api/counters/4/call-next');
    await wing.locator('.display__latest', { hasText: '3001' }).waitFor();
    const heard = await waitForAnnouncements(wing, 1);
    expect(heard.map((x) => x.ticketNumber)).toEqual(['3001']);
    await wing.context().close();
  });

  it('a number word that fails to load is asked for again, then the number is read digit by digit, never short', async () => {
    const token = await login(server.url, 'quanly');
    const settings = await fetch(`${server.url}/api/display/settings`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ reading: 'whole', repeat: 1 }) });
    expect(settings.status).toBe(200);
    const fresh = await newPage(browser, { width: 1920, height: 1080 });
    let asked = 0;
    await fresh.route('**/voice/default/linh.wav', (route) => {
      asked++;
      return route.abort('connectionreset');
    });
    await fresh.goto(displayUrl(server.url));
    await fresh.locator('.display__counter').first().waitFor();

    expect((await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' })).status).toBe(201);
    expect((await (await officerAt(server.url, 2)).post('/api/counters/2/call-next')).status).toBe(200);
    const [heard] = await waitForAnnouncements(fresh, 1);
    expect(heard!.clips).toContain('linh'); // 10x2: "một nghìn không trăm linh hai"
    await fresh.waitForFunction(() => (window as any).__qmsAudio.announcements[0].seconds !== null);
    const done = (await announcements(fresh))[0] as Announcement & { fallback: string | null };
    expect(done).toMatchObject({ missing: ['linh'], fallback: 'digits' });
    expect(asked).toBe(3);
    await fresh.context().close();
  });
});
