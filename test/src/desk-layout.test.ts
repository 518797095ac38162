import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepScreenshot, launchBrowser, newPage } from './support/browser';
import { client, kioskToken, startTestServer, type TestServer } from './support/server';

/**
 * Why a button cannot be used: outside the window even with its column (the only part the officer can scroll)
 * scrolled to it, or covered by something else at its middle or near its edges. Empty when it can be seen and clicked.
 * Scrolling a box with `overflow: hidden` from a script works, so nothing but the column may move.
 */
function unreachable(button: Locator, viewport: { width: number; height: number }): Promise<string[]> {
  return button.evaluate((el, vp) => {
    const name = el.textContent ?? '';
    window.scrollTo(0, 0);
    for (let p = el.parentElement; p; p = p.parentElement) p.scrollTop = 0;
    const column = el.closest('.desk__actions');
    if (column && /auto|scroll/.test(getComputedStyle(column).overflowY)) el.scrollIntoView({ block: 'nearest' });
    for (let p = el.parentElement; p; p = p.parentElement) if (p !== column && p.scrollTop !== 0) return [`${name}: only by scrolling ${p.className}`];
    if (window.scrollY !== 0) return [`${name}: only by scrolling the page`];
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return [`${name}: not drawn`];
    if (r.top < 0 || r.left < 0 || r.bottom > vp.height || r.right > vp.width) return [`${name}: outside the window (${Math.round(r.top)}–${Math.round(r.bottom)})`];
    const x = r.left + r.width / 2;
    return [r.top + 3, r.top + r.height / 2, r.bottom - 3].flatMap((y) => {
      const at = document.elementFromPoint(x, y);
      return at && el.contains(at) ? [] : [`${name}: covered at y=${Math.round(y)} by ${at?.className ?? 'nothing'}`];
    });
  }, viewport);
}

async function allUnreachable(page: Page, viewport: { width: number; height: number }): Promise<string[]> {
  const found: string[] = [];
  for (const button of await page.locator('.desk__actions button, [data-sign-out]').all()) found.push(...(await unreachable(button, viewport)));
  return found;
}

describe('desk console in a maximised browser on a 1366×768 screen', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer({ withScreens: true });
    browser = await launchBrowser();
    const kiosk = client(server.url, kioskToken);
    for (let i = 0; i < 12; i++) expect((await kiosk.post('/api/tickets', { serviceId: i % 2 ? 'ho-tich' : 'nguoi-co-cong' })).status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const viewport of [{ width: 1366, height: 650 }, { width: 1366, height: 625 }]) {
    it(`every action can be seen and pressed at ${viewport.width}×${viewport.height}, with an error shown too`, async () => {
      const page = await newPage(browser, viewport);
      await page.goto(`${server.url}/desk/?counter=2`);
      await page.fill('input[name=username]', 'canbo2');
      await page.fill('input[name=password]', '123456');
      await page.click('button[type=submit]');
      // Before taking the counter (closed, or open from the run before): every button, "Nhận quầy 2" when shown.
      await page.locator('[data-action=issue]').waitFor();
      expect(await allUnreachable(page, viewport)).toEqual([]);
      if (await page.locator('[data-action=sign-in]').count()) await page.click('[data-action=sign-in]');
      await page.locator('[data-action=call-next]:not([disabled])').waitFor();
      expect(await page.locator('.desk__actions button').count()).toBe(10);
      expect(await allUnreachable(page, viewport)).toEqual([]);

      // Serving, with the finish form open and a long error under the layout.
      if ((await page.locator('.desk__current .qms-bignum__value').innerText()) === '—') await page.click('[data-action=call-next]');
      await page.locator('[data-action=start]:not([disabled])').waitFor();
      await page.route('**/recall', (route) =>
        route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ error: { code: 'x', message: 'Một câu báo lỗi khá dài của máy chủ, để xem nó có che nút nào của cán bộ trên màn hình thấp không.' } }) }),
      );
      await page.click('[data-action=recall]');
      await page.locator('.desk__notice [role=alert]').waitFor();
      expect(await allUnreachable(page, viewport)).toEqual([]);
      expect(await unreachable(page.locator('input[name=dossierCode]'), viewport)).toEqual([]);
      await page.context().close();
    });
  }

  it('a maximised browser (1366×657): screenshot', async () => {
    const page = await newPage(browser, { width: 1366, height: 657 });
    await page.goto(`${server.url}/desk/?counter=2`);
    await page.fill('input[name=username]', 'canbo2');
    await page.fill('input[name=password]', '123456');
    await page.click('button[type=submit]');
    await page.locator('[data-action=start]:not([disabled])').waitFor();
    await page.locator('.desk__list .desk__row').first().waitFor();
    expect(await allUnreachable(page, { width: 1366, height: 657 })).toEqual([]);
    await keepScreenshot(page, 'desk-maximised');
  });
});
