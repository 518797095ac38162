import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepScreenshot, launchBrowser, newPage } from './support/browser';
import { client, demoConfig, kioskToken, login, officerAt, startTestServer, type TestServer } from './support/server';

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
    // One at a time, in order: finished ones, at most one playing, then the waiting ones; a waiting call replaced by
    // the recall at its counter is skipped, not said twice (docs/voice.md, "Bursts").
    for (let i = 0; i < 5; i++) {
      const states = (await announcements(page)).map((x) => x.state[0]).join('');
      expect(states).toMatch(/^[ds]*p?[qs]*$/);
      expect((await announcements(page)).filter((x) => x.state === 'skipped').every((x) => x.ticketNumber === '1001' && !x.recall)).toBe(true);
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

// The hall TV cannot scroll: whatever does not fit the screen is lost to the hall.
const hallSizes = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
];
const longNotice = 'Trung tâm nghỉ trưa từ 11 giờ 30 đến 13 giờ 30. Xin ông/bà vui lòng giữ trật tự và chú ý nghe gọi số.';

/** Tickets in every field, six counters' worth of calls (the last a priority one, recalled) and the notice line. */
async function busyFloor(server: TestServer, services: string[]) {
  const kiosk = client(server.url, kioskToken);
  for (const serviceId of ['chung-thuc', 'ho-tich', 'dat-dai', 'bhxh', 'chung-thuc', 'ho-tich']) expect((await kiosk.post('/api/tickets', { serviceId })).status).toBe(201);
  for (const [i, serviceId] of services.entries()) for (let n = 0; n <= i % 3; n++) expect((await kiosk.post('/api/tickets', { serviceId })).status).toBe(201);
  const desks = new Map<number, Awaited<ReturnType<typeof officerAt>>>();
  const call = async (n: number) => {
    if (!desks.has(n)) desks.set(n, await officerAt(server.url, n));
    return (await desks.get(n)!.post(`/api/counters/${n}/call-next`)).body.ticket;
  };
  for (const n of [3, 2, 4, 6, 3, 2]) expect(await call(n)).toBeTruthy();
  // The tallest headline: a priority ticket, recalled ("ƯU TIÊN · GỌI LẠI" above the call).
  expect((await kiosk.post('/api/tickets', { serviceId: 'chung-thuc', priority: 'elderly' })).status).toBe(201);
  expect((await call(1)).priority).toBe('elderly');
  expect((await desks.get(1)!.post('/api/counters/1/recall')).status).toBe(200);
  const token = await login(server.url, 'quanly');
  const res = await fetch(`${server.url}/api/display/settings`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ notice: longNotice }) });
  expect(res.status).toBe(200);
  return desks;
}

/** Opens the hall display at `size` in `lang`, with the notice running and the last call on the headline. */
async function openHall(browser: Browser, server: TestServer, size: { width: number; height: number }, lang: 'vi' | 'en') {
  const page = await newPage(browser, size);
  await page.goto(displayUrl(server.url));
  await page.locator('.display__notice').waitFor();
  await page.locator('.display__calls li').nth(4).waitFor({ state: 'attached' });
  if (lang === 'en') await page.locator('.qms-lang__item[lang="en"]').click();
  await page.locator('.display__latest', { hasText: lang === 'en' ? 'PLEASE GO TO COUNTER' : 'ĐẾN QUẦY' }).waitFor();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page;
}

type Box = { x: number; y: number; width: number; height: number };
const within = (inner: Box, outer: Box) =>
  inner.y >= outer.y - 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5 && inner.x >= outer.x - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5;
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * What of the hall display is not fully seen: field rows, recent calls and counters outside the screen, cut by
 * their region, or under the notice or the DEMO badge; the headline or a field name cut short. Empty when all is seen.
 */
async function unseen(page: Page): Promise<string[]> {
  const size = page.viewportSize()!;
  const screen = { x: 0, y: 0, ...size };
  const boxOf = async (selector: string) => (await page.locator(selector).count()) ? page.locator(selector).first().boundingBox() : null;
  const notice = await boxOf('.display__notice');
  const demo = await boxOf('.qms-demo');
  const problems: string[] = [];
  for (const [selector, region] of [
    ['.display__waiting li:not([hidden])', '.display__side'],
    ['.display__calls li:not([hidden])', '.display__side'],
    ['.display__counter', '.display__counters'],
    ['.display__latest', '.display__layout'],
  ] as const) {
    const area = (await boxOf(region))!;
    for (const row of await page.locator(selector).all()) {
      const box = await row.boundingBox();
      const what = `${selector} "${(await row.innerText()).replace(/\s+/g, ' ').trim()}"`;
      if (!box || box.height < 5) problems.push(`${what}: not shown`);
      else if (!within(box, screen)) problems.push(`${what}: outside 0..${size.width}×0..${size.height} (y ${Math.round(box.y)}..${Math.round(box.y + box.height)})`);
      else if (!within(box, area)) problems.push(`${what}: cut by ${region}`);
      else if (notice && overlaps(box, notice)) problems.push(`${what}: under the notice`);
      else if (demo && overlaps(box, demo)) problems.push(`${what}: under the DEMO badge`);
    }
  }
  // Text wider than its box: the headline on one line, every field and counter name whole.
  const cut = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.display__latest-line, .display__waiting-name, .display__counter-name'))
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.textContent),
  );
  for (const text of cut) problems.push(`"${text}" cut short`);
  if (notice && !within(notice, screen)) problems.push('the notice line is off screen');
  return problems;
}

/** Saves a docs screenshot once the headline's flash is over (UPDATE_SCREENSHOTS=1 only). */
async function keepSettled(page: Page, name: string) {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  await page.locator('.display__latest').evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
  await keepScreenshot(page, name);
}

const fieldNames = async (page: Page) => page.locator('.display__waiting li:not([hidden]) .display__waiting-name').allInnerTexts();

describe('hall display layout: a busy day fits the screen, nothing hidden', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer({ withScreens: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('7 fields, 6 counters, the recent calls and the notice line: every field row inside the screen, in Vietnamese and English, at 1080p, 768p and 720p', async () => {
    const config = demoConfig();
    await busyFloor(server, config.services.map((s) => s.id));
    for (const size of hallSizes) {
      for (const lang of ['vi', 'en'] as const) {
        const page = await openHall(browser, server, size, lang);
        const where = `${size.width}×${size.height} ${lang}`;
        expect(await fieldNames(page), where).toEqual(config.services.map((s) => (lang === 'en' ? s.nameEn : s.name)));
        expect(await page.locator('.display__waiting-more').isVisible(), where).toBe(false);
        // The check the hall asked for, row by row: each field wholly between the top and the bottom of the screen.
        for (const row of await page.locator('.display__waiting li').all()) {
          if (!(await row.isVisible())) continue;
          const box = (await row.boundingBox())!;
          expect(box.y, `${where} ${await row.innerText()}`).toBeGreaterThanOrEqual(0);
          expect(box.y + box.height, `${where} ${await row.innerText()}`).toBeLessThanOrEqual(size.height);
        }
        // The earlier calls under the headline's one, as many as fit (all six here), each ticket once (the headline's was recalled).
        const listed = await page.locator('.display__calls li:not([hidden]) .display__calls-number').allInnerTexts();
        expect(listed, where).toHaveLength(6);
        expect(new Set([await page.locator('.display__latest').getAttribute('data-ticket'), ...listed]).size, where).toBe(7);
        expect(await page.locator('.display__counter').count()).toBe(6);
        expect(await unseen(page), where).toEqual([]);
        if (size.width === 1920 && lang === 'vi') await keepSettled(page, 'display-busy');
        if (size.width === 1280 && lang === 'en') await keepSettled(page, 'display-busy-en-720');
        await page.context().close();
      }
    }
  });

  it('the headline dims once its ticket is no longer called there, and lights up with the next call', async () => {
    const page = await openHall(browser, server, { width: 1920, height: 1080 }, 'vi');
    const latest = page.locator('.display__latest');
    expect(await latest.innerText()).toMatch(/ĐẾN QUẦY\s+1$/);
    expect(await latest.getAttribute('class')).not.toContain('display__latest--past');
    expect(await page.locator('.display__counter--hot').getAttribute('data-counter')).toBe('1');

    const desk1 = await officerAt(server.url, 1);
    expect((await desk1.post('/api/counters/1/no-show')).status).toBe(200);
    expect((await desk1.post('/api/counters/1/close')).status).toBe(200);
    await page.locator('.display__latest.display__latest--past').waitFor();
    expect(await latest.innerText()).toMatch(/ĐẾN QUẦY\s+1$/); // still there for whoever looked away, dimmed
    expect(await page.locator('.display__counter--hot').count()).toBe(0);

    expect((await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'bhxh' })).status).toBe(201);
    expect((await (await officerAt(server.url, 6)).post('/api/counters/6/call-next')).status).toBe(200);
    await page.locator('.display__latest:not(.display__latest--past)', { hasText: /ĐẾN QUẦY\s+6$/ }).waitFor();
    expect(await page.locator('.display__counter--hot').getAttribute('data-counter')).toBe('6');
    await page.context().close();
  });
});

describe('hall display layout: more fields than the demo', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The demo center with `extra` more fields (long names, both languages). */
  const withFields = (extra: number) => {
    const base = demoConfig();
    const more = Array.from({ length: extra }, (_, i) => ({
      ...base.services[0]!,
      id: `field-${i + 1}`,
      code: `F${i + 1}`,
      prefix: `F${i + 1}-`,
      name: `Lĩnh vực thủ tục hành chính số ${i + 1}`,
      nameEn: `Administrative procedure field ${i + 1}`,
    }));
    return demoConfig({ services: [...base.services, ...more] });
  };

  it('10 fields: all shown, denser, inside the screen at every size and in both languages', async () => {
    const config = withFields(3);
    const server = await startTestServer({ withScreens: true, config });
    try {
      await busyFloor(server, config.services.map((s) => s.id));
      for (const size of [hallSizes[0]!, hallSizes[2]!]) {
        for (const lang of ['vi', 'en'] as const) {
          const page = await openHall(browser, server, size, lang);
          const where = `${size.width}×${size.height} ${lang}`;
          expect(await fieldNames(page), where).toEqual(config.services.map((s) => (lang === 'en' ? s.nameEn : s.name)));
          expect(await page.locator('.display__waiting-more').isVisible(), where).toBe(false);
          expect(await unseen(page), where).toEqual([]);
          if (size.width === 1920 && lang === 'vi') await keepSettled(page, 'display-10-fields');
          await page.context().close();
        }
      }
    } finally {
      await server.stop();
    }
  });

  it('40 fields: what does not fit is counted in one line, never dropped without a word', async () => {
    const config = withFields(33);
    const server = await startTestServer({ withScreens: true, config });
    try {
      await busyFloor(server, config.services.map((s) => s.id));
      const page = await openHall(browser, server, { width: 1280, height: 720 }, 'vi');
      expect(await unseen(page)).toEqual([]);
      const shown = await fieldNames(page);
      expect(shown.length).toBeGreaterThan(10);
      expect(shown).toEqual(config.services.slice(0, shown.length).map((s) => s.name));
      const left = config.services.slice(shown.length).map((s) => s.id);
      const waiting = server.db.prepare(`SELECT service_id AS id, COUNT(*) AS n FROM tickets WHERE status = 'waiting' GROUP BY service_id`).all() as { id: string; n: number }[];
      const leftWaiting = waiting.filter((w) => left.includes(w.id)).reduce((sum, w) => sum + w.n, 0);
      const more = page.locator('.display__waiting-more');
      expect(await more.isVisible()).toBe(true);
      expect(await more.innerText()).toBe(`+ ${left.length} lĩnh vực khác: ${leftWaiting} đang chờ`);
      await page.locator('.qms-lang__item[lang="en"]').click();
      await more.filter({ hasText: 'more services' }).waitFor();
      expect(await unseen(page)).toEqual([]);
      await page.context().close();
    } finally {
      await server.stop();
    }
  });
});
