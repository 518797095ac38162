import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepScreenshot, launchBrowser, newPage, signInAsManager, signInOnPage } from './support/browser';
import { client, kioskToken, startTestServer, type TestServer } from './support/server';

describe('backups and disk space on the admin screen', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ withScreens: true });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const rows = (page: Page) => page.locator('.backups__list tbody tr');

  it('admin: the last good copy, "Sao lưu ngay" takes a verified copy and lists it', async () => {
    const page = await newPage(browser, { width: 1366, height: 768 });
    page.setDefaultTimeout(30_000);
    await signInOnPage(page, `${server.url}/admin/`, 'admin', 'admin');
    const panel = page.locator('#backups');
    await panel.locator('.backups__last', { hasText: 'Bản sao tốt gần nhất' }).waitFor();
    await rows(page).first().waitFor();
    const before = await rows(page).count();
    expect(await rows(page).first().innerText()).toContain('Thư mục dữ liệu');

    await panel.getByRole('button', { name: 'Sao lưu ngay' }).click();
    await panel.getByRole('status').filter({ hasText: 'Đã sao lưu và kiểm tra bản sao.' }).waitFor();
    await expect.poll(() => rows(page).count(), { timeout: 30_000 }).toBe(before + 1);
    expect(await rows(page).first().innerText()).toMatch(/✓ nguyên vẹn/);
    expect(await panel.locator('.devices__summary').innerText()).toBe('Bình thường');
    expect(await page.locator('.storage__alert').count()).toBe(0);
    await panel.scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'admin-backups');
    await page.close();
  });

  it('manager: a full disk is told above the figures; no backup panel', async () => {
    const page = await newPage(browser, { width: 1366, height: 768 });
    page.setDefaultTimeout(30_000);
    await signInAsManager(page, server.url); // before the disk fills: signing in writes a session
    await page.locator('.reports__kpis').waitFor();
    expect(await page.locator('#backups').count()).toBe(0);
    expect(await page.locator('.storage__alert').count()).toBe(0);

    const pages = Number(server.db.pragma('page_count', { simple: true }));
    server.db.pragma(`max_page_count = ${pages}`);
    const kiosk = client(server.url, kioskToken);
    try {
      let status = 201;
      for (let i = 0; i < 500 && status === 201; i++) status = (await kiosk.post('/api/tickets', { serviceId: 'ho-tich' })).status;
      expect(status).toBe(503);
      await page.reload();
      await page.locator('.storage__alert', { hasText: 'Hết dung lượng ổ đĩa' }).waitFor();
    } finally {
      server.db.pragma('max_page_count = 1073741823');
    }
    // Recovery once space is back: disk-full.test.ts (it moves the server's clock).
    await page.close();
  }, 120_000);
});
