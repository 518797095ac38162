import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@qms/server';
import { keepScreenshot, launchBrowser, newPage } from './support/browser';
import { demoConfig, kioskToken, login, startTestServer, testClock, type TestServer } from './support/server';

describe('kiosk on a public holiday, in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = { ...demoConfig().accounts.find((a) => a.username === 'admin')!, password: undefined, passwordHash: hashPassword('admin') };
    const clock = testClock(Date.parse('2026-04-30T09:00:00+07:00')); // Thursday 30/4, Ngày Chiến thắng
    server = await startTestServer({ withScreens: true, config: demoConfig({ demo: false, accounts: [admin] }), now: clock.now });
  });
  afterAll(async () => {
    await server?.stop();
    await browser?.close();
  });

  it('says the center is closed for the holiday instead of showing tiles; English too; a calendar change reaches it live', async () => {
    const page = await newPage(browser, { width: 1080, height: 1920 });
    // The header clock is the browser's: the same holiday morning as the server's, for the screenshot.
    await page.clock.setFixedTime(new Date('2026-04-30T09:00:00+07:00'));
    await page.goto(`${server.url}/kiosk/?token=${kioskToken}`);
    await page.getByRole('heading', { name: 'Hôm nay nghỉ lễ Ngày Chiến thắng 30/4' }).waitFor();
    expect(await page.locator('.kiosk-field').count()).toBe(0);
    await keepScreenshot(page, 'kiosk-holiday');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Closed today for Reunification Day' }).waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();

    // The admin works the day after all: the tiles come back without a reload.
    const token = await login(server.url, 'admin', 'admin');
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const current = (await (await fetch(`${server.url}/api/admin/calendar?year=2026`, { headers })).json()) as { days: { date: string }[] };
    const res = await fetch(`${server.url}/api/admin/calendar`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ year: 2026, days: current.days.filter((d) => d.date !== '2026-04-30') }),
    });
    expect(res.status).toBe(200);
    await page.locator('.kiosk-field', { hasText: 'Chứng thực' }).waitFor({ timeout: 30_000 });
    expect(await page.getByText('Hôm nay nghỉ lễ').count()).toBe(0);
  });
});
