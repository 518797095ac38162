import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepScreenshot, launchBrowser, newPage, signInAsManager } from './support/browser';
import { simulateMonth } from './support/stats-month';
import { startTestServer, testClock, type TestServer } from './support/server';

/** ADMIN_SHOTS=/some/dir keeps screenshots to look at; tests never depend on them. */
/** The manager's page on common screens: pills on one line, tables using the width, the verdict in view. */
describe('admin layout at 1366 and 1920', () => {
  let server: TestServer;
  let browser: Browser;
  const clock = testClock(Date.parse('2026-04-15T03:00:00Z'));

  beforeAll(async () => {
    server = await startTestServer({ now: clock.now, withScreens: true });
    await simulateMonth(server, clock, ['2026-03-09', '2026-03-10', '2026-03-11'], 3);
    clock.set(Date.parse('2026-04-15T03:00:00Z'));
    const staff = server.db.prepare<[], { id: number; counter_id: number }>(`SELECT id, counter_id FROM users WHERE role = 'staff' AND counter_id IS NOT NULL`).all();
    for (const s of staff.slice(0, 3)) server.floor.signIn(s.counter_id, { userId: s.id, role: 'staff' });
    for (let i = 0; i < 12; i++) server.floor.issue({ serviceId: server.floor.services[i % 4]!.id, channel: 'kiosk', staffId: null });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
    it(`live at ${width}: status pills on one line, wait times unwrapped, the tables share the width`, async () => {
      const page = await newPage(browser, { width, height });
      await signInAsManager(page, server.url);
      const pill = page.locator('.qms-status--open').first();
      await pill.waitFor();
      const lineHeight = await pill.evaluate((el) => parseFloat(getComputedStyle(el).fontSize) * 1.6);
      for (const box of await page.locator('.admin__layout .qms-status').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height))) {
        expect(box).toBeLessThan(lineHeight);
      }
      const wrapped = await page.locator('.admin__layout td.num').evaluateAll((els) => els.filter((el) => el.getClientRects().length && el.scrollWidth > el.clientWidth + 1).length);
      expect(wrapped).toBe(0);
      const cards = await page.locator('.admin__layout > .qms-card').evaluateAll((els) => els.slice(0, 2).map((el) => el.getBoundingClientRect().right));
      const layout = (await page.locator('.admin__layout').boundingBox())!;
      expect(Math.max(...cards)).toBeGreaterThan(layout.x + layout.width - 2);
      await page.close();
    });
  }

  it('reports at 1366: the field table verdict is in view without scrolling sideways', async () => {
    const page = await newPage(browser, { width: 1366, height: 900 });
    await signInAsManager(page, server.url);
    await page.getByRole('tab', { name: 'Báo cáo' }).click();
    await page.getByRole('button', { name: 'Tháng trước' }).click();
    const section = page.locator('section', { has: page.locator('h2', { hasText: /^Theo lĩnh vực$/ }) });
    await section.locator('.figures__verdict').first().waitFor();
    const scroll = (await section.locator('.figures__scroll').boundingBox())!;
    for (const text of ['Chỉ tiêu', 'Hài lòng (thiết bị + giấy)']) {
      const th = (await section.locator('th', { hasText: text }).boundingBox())!;
      expect(th.x + th.width, text).toBeLessThanOrEqual(scroll.x + scroll.width + 1);
    }
    const verdict = (await section.locator('tbody td.figures__verdict').first().boundingBox())!;
    expect(verdict.x + verdict.width).toBeLessThanOrEqual(scroll.x + scroll.width + 1);
    await keepScreenshot(section, 'reports-table-1366');
    await page.close();
  });

  it('display settings: the notice takes at most 500 characters and says so', async () => {
    const page = await newPage(browser, { width: 1366, height: 1068 });
    await signInAsManager(page, server.url);
    await page.getByRole('tab', { name: 'Thiết lập' }).click();
    await page.getByRole('tab', { name: 'Màn hình gọi số' }).click();
    const notice = page.locator('textarea[name=notice]');
    expect(await notice.getAttribute('maxlength')).toBe('500');
    await notice.fill('Thông báo rất dài. '.repeat(40));
    expect((await notice.inputValue()).length).toBe(500);
    await page.getByText('Đã đủ 500 ký tự').waitFor();
    expect(await page.getByRole('button', { name: 'Lưu thiết lập' }).isEnabled()).toBe(true);
    await page.close();
  });
});
