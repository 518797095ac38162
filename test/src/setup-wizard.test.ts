import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepScreenshot, launchBrowser, newPage, signInOnPage } from './support/browser';
import { client, startTestServer, testClock, type TestServer } from './support/server';

/**
 * A center director alone with an empty server (`QMS_DEMO=off`, no config file): the wizard at /admin/ sets up the
 * center, the admin lands signed in, and an officer starts work with the one-time password the last page showed.
 */
describe('first-run setup wizard, from an empty data folder', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const passwords = new Map<string, string>();

  beforeAll(async () => {
    server = await startTestServer({ withScreens: true, setupInBrowser: true, now: testClock().now }) // a Monday at 9:00: tickets are issued;
    browser = await launchBrowser();
    page = await newPage(browser, { width: 1366, height: 768 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('every other screen says in plain words that the center is not set up', async () => {
    const kiosk = await newPage(browser, { width: 1080, height: 1920 });
    await kiosk.goto(`${server.url}/kiosk/`);
    await kiosk.getByRole('heading', { name: 'Trung tâm chưa được thiết lập' }).waitFor();
    await kiosk.goto(`${server.url}/desk/?counter=1`);
    await kiosk.getByRole('heading', { name: 'Trung tâm chưa được thiết lập' }).waitFor();
    await kiosk.context().close();
  });

  it('walks through the five steps, refusing what is wrong on its own box', async () => {
    await page.goto(`${server.url}/admin/`);
    await page.getByRole('heading', { name: /Trung tâm$/ }).waitFor();
    await keepScreenshot(page, 'setup-wizard-1-center');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    // Nothing typed: the name box says so, and the wizard stays on the step.
    await page.locator('[data-field="center.name"] .wizard__problem', { hasText: 'bắt buộc' }).waitFor();
    await page.fill('input[name=centerName]', 'Trung tâm Phục vụ hành chính công phường Thạch Khôi');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    await page.getByRole('heading', { name: /Tài khoản quản trị/ }).waitFor();
    await page.fill('input[name=adminName]', 'Nguyễn Văn Giám');
    await page.fill('input[name=adminUsername]', 'giamdoc');
    await page.fill('input[name=password]', 'Thach-Khoi-2026');
    await page.fill('input[name=password2]', 'Thach-Khoi-2025');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.locator('[data-field="admin.password2"] .wizard__problem', { hasText: 'không giống nhau' }).waitFor();
    await page.fill('input[name=password2]', 'Thach-Khoi-2026');
    await keepScreenshot(page, 'setup-wizard-2-admin');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    await page.getByRole('heading', { name: /Lĩnh vực/ }).waitFor();
    await page.locator('[data-field-id=ho-tich] input[type=checkbox]').check();
    await page.locator('[data-field-id=chung-thuc] input[type=checkbox]').check();
    await page.fill('input[name=otherName]', 'Tư pháp');
    await page.fill('input[name=otherPrefix]', 'a');
    await page.getByRole('button', { name: 'Thêm lĩnh vực này' }).click();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    // "A" is Hộ tịch's prefix: refused on the new field's row.
    await page.locator('[data-field-id=tu-phap] .wizard__problem', { hasText: 'trùng số' }).waitFor();
    await page.getByLabel('Đầu số Tư pháp').fill('T');
    await keepScreenshot(page, 'setup-wizard-3-fields');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    await page.getByRole('heading', { name: /Quầy/ }).waitFor();
    // Suggested: a priority counter 1 and a counter 2, both for every field; counter 2 takes only Chứng thực.
    const counters = page.locator('[data-counter]');
    expect(await counters.count()).toBe(2);
    expect(await counters.nth(0).locator('input[type=checkbox]').first().isChecked()).toBe(true);
    const second = counters.nth(1);
    await second.locator('label', { hasText: 'Hộ tịch' }).locator('input').uncheck();
    await second.locator('label', { hasText: 'Tư pháp' }).locator('input').uncheck();
    await second.locator('[data-field="counters.1.name"] input').fill('Quầy 2 — Chứng thực');
    await keepScreenshot(page, 'setup-wizard-4-counters');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    await page.getByRole('heading', { name: /Cán bộ/ }).waitFor();
    await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
    await page.fill('input[name=officer-0-name]', 'Trần Thị Lan');
    expect(await page.inputValue('input[name=officer-0-username]')).toBe('lan.tt');
    await page.selectOption('select[name=officer-0-counter]', '1');
    await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
    await page.fill('input[name=officer-1-name]', 'Lê Văn Minh');
    await page.selectOption('select[name=officer-1-counter]', '2');
    await keepScreenshot(page, 'setup-wizard-5-officers');
    await page.getByRole('button', { name: 'Hoàn tất thiết lập' }).click();
  });

  it('the last page shows every screen’s address, how to pair, and each officer’s one-time password, once', async () => {
    await page.getByRole('heading', { name: 'Đã thiết lập xong trung tâm' }).waitFor();
    const addresses = await page.locator('.wizard__table .wizard__address').allInnerTexts();
    for (const path of ['/kiosk/', '/display/', '/desk/?counter=1', '/desk/?counter=2', '/rating/', '/admin/']) {
      expect(addresses.some((a) => a.endsWith(path)), path).toBe(true);
    }
    expect(await page.locator('.wizard__howto').innerText()).toMatch(/mã gồm 6 chữ số[\s\S]*Thiết bị/);
    for (const username of ['lan.tt', 'minh.lv']) {
      const secret = await page.locator(`tr[data-officer="${username}"] .wizard__password`).innerText();
      expect(secret).toMatch(/^[a-z2-9]{10}$/);
      passwords.set(username, secret);
    }
    await keepScreenshot(page, 'setup-wizard-6-done');
    await page.locator('.wizard__howto').scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'setup-wizard-7-screens');

    // What was made is what the wizard showed: 3 fields, 2 counters, the admin and 2 officers.
    const token = await page.evaluate(() => localStorage.getItem('qms.token') ?? '');
    const admin = client(server.url, token);
    expect((await admin.get('/api/admin/services')).body.map((s: { id: string; prefix: string }) => `${s.id}:${s.prefix}`)).toEqual(['ho-tich:A', 'chung-thuc:B', 'tu-phap:T']);
    expect((await admin.get('/api/admin/counters')).body.map((c: { number: number; serviceIds: string[]; priority: boolean }) => [c.number, c.priority, c.serviceIds])).toEqual([
      [1, true, ['ho-tich', 'chung-thuc', 'tu-phap']],
      [2, false, ['chung-thuc']],
    ]);
    expect((await admin.get('/api/admin/users')).body.map((u: { username: string }) => u.username)).toEqual(['giamdoc', 'lan.tt', 'minh.lv']);
  });

  it('the admin lands on the admin page, signed in', async () => {
    await page.getByRole('button', { name: 'Vào trang quản trị' }).click();
    await page.getByRole('tab', { name: 'Trực tiếp' }).waitFor();
    expect(await page.locator('.qms-header__center').textContent()).toBe('Trung tâm Phục vụ hành chính công phường Thạch Khôi');
    // A reload stays signed in and no longer offers the wizard.
    await page.reload();
    await page.getByRole('tab', { name: 'Trực tiếp' }).waitFor();
    expect(await page.locator('.wizard').count()).toBe(0);
  });

  let desk: Page;
  let kiosk: Page;

  it('a kiosk opened without a token is paired by its code from the admin page and issues a ticket', async () => {
    kiosk = await newPage(browser, { width: 1080, height: 1920 });
    await kiosk.goto(`${server.url}/kiosk/`);
    const shown = kiosk.getByTestId('pairing-screen').locator('.qms-pairing__code[data-code]:not([data-code=""])');
    await shown.waitFor();
    const code = (await shown.getAttribute('data-code'))!;
    expect(code).toMatch(/^\d{6}$/);

    await page.goto(`${server.url}/admin/#setup/devices`);
    await page.fill('input[name=code]', code);
    await page.locator('form.setup__pair button[type=submit]').click();
    await page.locator('.setup__outcome', { hasText: 'Đã ghép nối kiosk-' }).waitFor();

    await kiosk.locator('.kiosk-field', { hasText: 'Hộ tịch' }).click();
    await kiosk.getByTestId('ticket-number').waitFor();
    expect(await kiosk.getByTestId('ticket-number').innerText()).toBe('A001');
    await kiosk.getByRole('button', { name: 'Xong' }).click();
    await kiosk.locator('.kiosk-field', { hasText: 'Hộ tịch' }).waitFor();
  });

  it('an officer signs in at the desk with the one-time password, must change it, then opens the counter and calls the ticket', async () => {
    desk = await newPage(browser, { width: 1366, height: 768 });
    await signInOnPage(desk, `${server.url}/desk/?counter=1`, 'lan.tt', passwords.get('lan.tt'));
    await desk.locator('.qms-password').waitFor();
    await desk.fill('input[name=newPassword]', 'lan-moi-2026');
    await desk.fill('input[name=repeatPassword]', 'lan-moi-2026');
    await desk.click('.qms-password button[type=submit]');
    await desk.click('[data-action=sign-in]');
    await desk.locator('[data-action=call-next]:not([disabled])').click();
    const counter = () => client(server.url).get('/api/counters').then((r) => r.body.find((c: { number: number }) => c.number === 1));
    await expect.poll(async () => (await counter()).currentTicket?.number, { timeout: 20_000 }).toBe('A001');
    expect((await counter()).status).toBe('open');
  });

  it('a field renamed on the admin page shows on the open kiosk without a reload', async () => {
    await page.goto(`${server.url}/admin/#setup/fields`);
    await page.locator('tr[data-service=ho-tich]').getByRole('button', { name: 'Sửa' }).click();
    await page.fill('input[name=name]', 'Hộ tịch – Khai sinh, kết hôn');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.locator('tr[data-service=ho-tich]', { hasText: 'Tên cũ: Hộ tịch' }).waitFor();
    await kiosk.locator('.kiosk-field', { hasText: 'Hộ tịch – Khai sinh, kết hôn' }).waitFor();
  });

  it('an officer disabled on the admin page: the next request is 401 and the desk socket is ended', async () => {
    const token = await desk.evaluate(() => localStorage.getItem('qms.token') ?? '');
    expect((await client(server.url, token).get('/api/auth/me')).status).toBe(200);
    page.once('dialog', (d) => void d.accept());
    await page.goto(`${server.url}/admin/#setup/accounts`);
    await page.locator('tr[data-user="lan.tt"]').getByRole('button', { name: 'Khóa' }).click();
    await page.locator('tr[data-user="lan.tt"]', { hasText: 'Đã khóa' }).waitFor();
    expect((await client(server.url, token).get('/api/auth/me')).status).toBe(401);
    // The server ended the desk's socket: the desk goes back to its sign-in form without a reload.
    await desk.locator('input[name=username]').waitFor();
    await desk.context().close();
    await kiosk.context().close();
  });
});
