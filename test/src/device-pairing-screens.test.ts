import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cspViolations, keepScreenshot, launchBrowser, newPage, signInOnPage } from './support/browser';
import { adminClient } from './support/admin';
import { client, login, officerAt, startTestServer, type TestServer } from './support/server';

const codeOn = async (page: Page) => {
  const code = page.getByTestId('pairing-screen').locator('.qms-pairing__code[data-code]:not([data-code=""])');
  await code.waitFor();
  return (await code.getAttribute('data-code'))!;
};
const tokenOf = (page: Page) => page.evaluate(() => localStorage.getItem('qms.token'));

describe('pairing screens with the admin page', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    server = await startTestServer({ withScreens: true });
    browser = await launchBrowser();
    admin = await newPage(browser, { width: 1366, height: 768 });
    admin.on('dialog', (d) => void d.accept());
    await signInOnPage(admin, `${server.url}/admin/#setup/devices`, 'admin', 'admin');
    await admin.locator('table[data-list=devices] tr[data-device=kiosk-1]').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a kiosk without a token shows its code; paired by the code typed in the admin page, it issues a ticket and keeps its token across a reload', async () => {
    const kiosk = await newPage(browser, { width: 1080, height: 1920 });
    await kiosk.goto(`${server.url}/kiosk/`);
    const code = await codeOn(kiosk);
    expect(await kiosk.getByTestId('pairing-screen').innerText()).toContain('Nhập mã này trên trang quản trị, mục Thiết lập › Thiết bị');
    expect(await kiosk.getByTestId('pairing-screen').innerText()).toContain('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG');
    await keepScreenshot(kiosk, 'pairing-kiosk');

    await admin.locator(`tr[data-waiting="${code}"]`).waitFor(); // live: it shows up without a reload
    await admin.fill('input[name=code]', `${code.slice(0, 3)} ${code.slice(3)}`);
    await admin.locator('form.setup__pair button[type=submit]').click();
    await admin.locator('.setup__outcome', { hasText: 'Đã ghép nối kiosk-' }).waitFor();

    const field = kiosk.locator('.kiosk-field', { hasText: 'Chứng thực' });
    await field.waitFor();
    const token = await tokenOf(kiosk);
    expect(token).toBeTruthy();
    await field.click();
    await kiosk.getByTestId('ticket-number').waitFor();
    expect(await kiosk.getByTestId('ticket-number').innerText()).toMatch(/^2\d{3}$/);

    await kiosk.reload();
    await kiosk.locator('.kiosk-field', { hasText: 'Chứng thực' }).waitFor();
    expect(await kiosk.getByTestId('pairing-screen').count()).toBe(0);
    expect(await tokenOf(kiosk)).toBe(token);
    expect(cspViolations(kiosk)).toEqual([]);
    await kiosk.context().close();
  });

  it('a rating tablet approved from the waiting list for counter 2 shows counter 2; revoked, it goes back to the pairing screen at once and its token gets 401', async () => {
    await officerAt(server.url, 2);
    const tablet = await newPage(browser, { width: 800, height: 1280 });
    await tablet.goto(`${server.url}/rating/`);
    const code = await codeOn(tablet);
    await keepScreenshot(tablet, 'pairing-tablet');

    const row = admin.locator(`tr[data-waiting="${code}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('Máy đánh giá');
    expect(await row.getByRole('button', { name: 'Ghép nối' }).isDisabled()).toBe(true); // no counter chosen yet
    await keepScreenshot(admin, 'admin-setup-devices');
    await row.locator('select[name=counterId]').selectOption('2');
    await row.getByRole('button', { name: 'Ghép nối' }).click();
    await admin.locator('.setup__outcome', { hasText: 'Đã ghép nối rating-' }).waitFor();

    await tablet.locator('.officer__name', { hasText: 'Lê Thị Bình' }).waitFor();
    const token = (await tokenOf(tablet))!;
    const id = (await admin.locator('.setup__outcome').innerText()).match(/rating-\d+/)![0];
    const deviceRow = admin.locator(`table[data-list=devices] tr[data-device="${id}"]`);
    await deviceRow.locator('.qms-status--open').waitFor(); // connected
    expect(await deviceRow.innerText()).toContain('Ghép nối bằng mã');

    await tablet.reload();
    await tablet.locator('.officer__name', { hasText: 'Lê Thị Bình' }).waitFor();

    await deviceRow.getByRole('button', { name: 'Thu hồi' }).click();
    await admin.locator('.setup__outcome', { hasText: `Đã thu hồi ${id}` }).waitFor();
    const newCode = await codeOn(tablet);
    expect(newCode).toMatch(/^\d{6}$/);
    expect(await tokenOf(tablet)).toBeNull();
    expect((await client(server.url, token).get('/api/ratings/prompt?counterId=2')).status).toBe(401);
    expect(cspViolations(tablet)).toEqual([]);
  });

  it('a hall display paired for counters 1 and 3 shows only those, and keeps them across a reload', async () => {
    const display = await newPage(browser, { width: 1280, height: 720 });
    await display.goto(`${server.url}/display/`);
    const code = await codeOn(display);
    const api = adminClient(server, await login(server.url, 'admin', 'admin'));
    expect((await api.post('/api/admin/devices/pair', { code, counterIds: [1, 3] })).status).toBe(201);
    await display.locator('.display__counter').first().waitFor();
    await expect.poll(() => display.locator('.display__counter').count(), { timeout: 20_000 }).toBe(2);
    await display.reload();
    await display.locator('.display__counter').first().waitFor();
    expect(await display.locator('.display__counter').count()).toBe(2);
    await display.context().close();
  });

  it('a manager sees the devices but cannot pair or revoke', async () => {
    const page = await newPage(browser, { width: 1366, height: 768 });
    await signInOnPage(page, `${server.url}/admin/#setup/devices`, 'quanly');
    await page.locator('table[data-list=devices] tr[data-device=kiosk-1]').waitFor();
    expect(await page.locator('form.setup__pair').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Thu hồi' }).count()).toBe(0);
    expect((await client(server.url, await login(server.url, 'quanly')).post('/api/admin/devices/pair', { code: '123456' })).status).toBe(403);
    await page.context().close();
  });
});
