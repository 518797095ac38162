import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cspViolations, keepScreenshot, launchBrowser, newPage, signInAsManager, signInOnPage } from './support/browser';
import { client, kioskToken, officerAt, startTestServer, type TestServer } from './support/server';

describe('every screen in Chromium', () => {
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
  /** The page is served with the Content-Security-Policy and ran without breaking it. */
  const underCsp = async (page: Page) => {
    const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
    expect(csp).toContain("frame-ancestors 'none'");
    expect(cspViolations(page)).toEqual([]);
  };

  it('kiosk: a tap issues a number, shown big, with the DEMO badge', async () => {
    const page = await newPage(browser, { width: 1080, height: 1920 });
    await page.goto(`${server.url}/kiosk/?token=${kioskToken}`);
    await page.getByText('Chứng thực', { exact: true }).first().waitFor();
    expect(await page.locator('.qms-demo').isVisible()).toBe(true);
    await keepScreenshot(page, 'kiosk');
    await page.locator('.kiosk-field', { hasText: 'Chứng thực' }).click();
    await page.locator('.kiosk-card').waitFor();
    expect(await page.locator('.kiosk-card').innerText()).toContain('2001');
    await underCsp(page);
    await keepScreenshot(page, 'kiosk-issued');
    const stored = server.db.prepare(`SELECT number, channel FROM tickets`).all();
    expect(stored).toEqual([{ number: '2001', channel: 'kiosk' }]);
  });

  it('display: a call made through the API appears without a reload', async () => {
    const page = await newPage(browser, { width: 1920, height: 1080 });
    await page.goto(`${server.url}/display/?token=demo-display-token-0001`);
    await page.locator('.display__counter').first().waitFor();
    const desk = await officerAt(server.url, 3);
    await desk.post('/api/counters/3/call-next');
    await page.locator('.display__latest', { hasText: '2001' }).waitFor();
    expect(await page.locator('.display__latest').innerText()).toMatch(/MỜI CÔNG DÂN CÓ SỐ\s+2001\s+ĐẾN QUẦY\s+3/);
    expect(await page.locator('.qms-demo').isVisible()).toBe(true);
    await underCsp(page);
    await keepScreenshot(page, 'display');
  });

  it('a hall display opened without its device token shows its pairing code and nothing of the floor', async () => {
    const page = await newPage(browser, { width: 1280, height: 720 });
    await page.goto(`${server.url}/display/`);
    await page.getByTestId('pairing-screen').locator('.qms-pairing__code', { hasText: /^\d{3} \d{3}$/ }).waitFor();
    expect(await page.locator('.display__counter').count()).toBe(0);
    await page.context().close();
  });

  it('desk: sign in, call next, see the ticket', async () => {
    await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
    const page = await newPage(browser, { width: 1366, height: 768 });
    await signInOnPage(page, `${server.url}/desk/?counter=2`, 'canbo2');
    await page.locator('[data-action=sign-in]').click();
    await page.locator('.desk__btn--main:not([disabled])').click();
    await page.locator('.desk__current', { hasText: '1001' }).waitFor();
    await page.locator('.desk__count', { hasText: /^\d+$/ }).waitFor(); // the queue has loaded
    expect(await page.locator('.qms-demo').isVisible()).toBe(true);
    await underCsp(page);
    await keepScreenshot(page, 'desk');
  });

  it('rating and admin screens connect and show the floor', async () => {
    const rating = await newPage(browser, { width: 1280, height: 800 });
    await rating.goto(`${server.url}/rating/?token=demo-rating-token-0002&counter=2`);
    await rating.getByText('Lê Thị Bình').first().waitFor();
    expect(await rating.locator('.qms-demo').isVisible()).toBe(true);
    await underCsp(rating);
    await keepScreenshot(rating, 'rating');

    const admin = await newPage(browser, { width: 1440, height: 900 });
    await signInAsManager(admin, server.url);
    await admin.getByText('Lê Thị Bình').first().waitFor();
    await expect.poll(() => admin.locator('.kpi__value', { hasText: '…' }).count(), { timeout: 20_000 }).toBe(0); // today's figures have loaded
    expect(await admin.locator('.qms-demo').isVisible()).toBe(true);
    await underCsp(admin);
    await keepScreenshot(admin, 'admin');
  });
});
