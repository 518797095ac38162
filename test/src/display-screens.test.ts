import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient } from './support/admin';
import { keepScreenshot, launchBrowser, newPage } from './support/browser';
import { client, demoConfig, kioskToken, login, officerAt, startTestServer, type TestServer } from './support/server';

// The three TVs a center hangs in its hall.
const sizes = [
  { width: 1920, height: 1080, name: 'display-1920x1080' },
  { width: 1366, height: 768, name: 'display-1366x768' },
  { width: 1080, height: 1920, name: 'display-portrait-1080x1920' },
];

/** The height of the called number's digits as drawn (ink, not the line box), measured with the page's own font. */
const digitHeight = (page: Page) =>
  page.locator('.display__latest-number').first().evaluate((el) => {
    const style = getComputedStyle(el);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const m = ctx.measureText(el.textContent ?? '');
    return m.actualBoundingBoxAscent + m.actualBoundingBoxDescent;
  });

type Box = { x: number; y: number; width: number; height: number };
const inside = (a: Box, b: Box) => a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5;

describe('the whole hall screen at 1920×1080, 1366×768 and portrait 1080×1920', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer({ withScreens: true });
    browser = await launchBrowser();
    // A busy morning: 16 calls at six counters, a field stopped for today, the manager's notice.
    const kiosk = client(server.url, kioskToken);
    const fields = demoConfig().services.map((s) => s.id);
    for (let i = 0; i < 42; i++) expect((await kiosk.post('/api/tickets', { serviceId: fields[i % fields.length] })).status).toBe(201);
    const desks = new Map<number, Awaited<ReturnType<typeof officerAt>>>();
    for (let i = 0; i < 16; i++) {
      const n = [3, 2, 4, 6, 1, 5][i % 6]!;
      if (!desks.has(n)) desks.set(n, await officerAt(server.url, n));
      expect((await desks.get(n)!.post(`/api/counters/${n}/call-next`)).status).toBe(200);
    }
    const admin = adminClient(server, await login(server.url, 'admin', 'admin'));
    expect((await admin.patch('/api/admin/services/dat-dai', { stoppedToday: { reason: 'Hết hồ sơ trong ngày' } })).status).toBe(200);
    const manager = await login(server.url, 'quanly');
    const res = await fetch(`${server.url}/api/display/settings`, {
      method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${manager}` },
      body: JSON.stringify({ notice: 'Trung tâm nghỉ trưa từ 11 giờ 30 đến 13 giờ 30. Xin vui lòng chú ý nghe gọi số.' }),
    });
    expect(res.status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('in English too, the called number is at least 8 % of the screen height at every size', async () => {
    for (const size of sizes) {
      const page = await newPage(browser, size);
      await page.goto(`${server.url}/display/?token=demo-display-token-0001`);
      await page.locator('.qms-lang__item[lang="en"]').click();
      await page.locator('.display__latest', { hasText: 'COUNTER' }).waitFor();
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      expect(await digitHeight(page), `${size.width}×${size.height}`).toBeGreaterThanOrEqual(0.08 * size.height);
      await page.context().close();
    }
  });

  for (const size of sizes) {
    it(`${size.width}×${size.height}: the number reads from 10 m, the recent calls fill the height, the notices are there, nothing cut`, async () => {
      const page = await newPage(browser, size);
      await page.goto(`${server.url}/display/?token=demo-display-token-0001`);
      await page.locator('.display__notice').waitFor();
      await page.locator('.display__notices', { hasText: 'tạm dừng' }).waitFor();
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const where = `${size.width}×${size.height}`;
      if (process.env.UPDATE_SCREENSHOTS === '1') {
        await page.locator('.display__latest').evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
        await keepScreenshot(page, size.name);
      }

      // The called number: its digits at least 8 % of the screen's height.
      expect(await digitHeight(page), where).toBeGreaterThanOrEqual(0.08 * size.height);

      // As many recent calls as fit, more than the old five, each whole inside its card; the hidden ones are those below.
      const card = (await page.locator('.display__recent').boundingBox())!;
      const shown = page.locator('.display__calls li:not([hidden])');
      expect(await shown.count(), where).toBeGreaterThan(5);
      for (const row of await shown.all()) expect(inside((await row.boundingBox())!, card), `${where} ${await row.innerText()}`).toBe(true);
      const all = await page.locator('.display__calls li').count();
      expect(all).toBe(15); // the 15 calls before the headline's
      if (await shown.count() < all) {
        // The next row would not have fitted whole: nothing but a row's height is left empty.
        const last = (await shown.last().boundingBox())!;
        expect(card.y + card.height - (last.y + last.height), where).toBeLessThan(last.height * 2.5);
      }

      // The notices: the stopped field, and today's waiting per field.
      expect(await page.locator('.display__notices').innerText()).toMatch(/Đất đai: tạm dừng nhận hồ sơ hôm nay \(Hết hồ sơ trong ngày\)/);
      expect(await page.locator('.display__waiting li[data-service]:not([hidden])').count(), where).toBe(7);

      // Every region inside the screen, none over another.
      const screen = { x: 0, y: 0, width: size.width, height: size.height };
      const regions = ['.display__latest', '.display__counters', '.display__notices', '.display__side', '.display__notice'];
      const boxes = await Promise.all(regions.map(async (r) => (await page.locator(r).boundingBox())!));
      boxes.forEach((b, i) => expect(inside(b, screen), `${where} ${regions[i]}`).toBe(true));
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i]!, boxes[j]!];
          const overlap = a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;
          expect(overlap, `${where}: ${regions[i]} over ${regions[j]}`).toBe(false);
        }
      }
      for (const tile of await page.locator('.display__counter').all()) expect(inside((await tile.boundingBox())!, boxes[1]!), where).toBe(true);
      const cut = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('.display__latest-line, .display__waiting-name, .display__counter-name, .display__counter-number'))
          .filter((el) => el.scrollWidth > el.clientWidth + 1)
          .map((el) => el.textContent),
      );
      expect(cut, where).toEqual([]);

      await page.context().close();
    });
  }
});
