import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepScreenshot, launchBrowser, newPage, signInOnPage } from './support/browser';
import { client, kioskToken, login, startTestServer, type TestServer } from './support/server';

const tokenOf = (page: Page) => page.evaluate(() => localStorage.getItem('qms.token') ?? '');

describe('admin: setting up the center from the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    server = await startTestServer({ withScreens: true });
    browser = await launchBrowser();
    admin = await newPage(browser, { width: 1366, height: 768 });
    await signInOnPage(admin, `${server.url}/admin/#setup/fields`, 'admin', 'admin');
    await admin.locator('tr[data-service=ho-tich]').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('adds a field (a colliding prefix is refused at the prefix box), renames one and the open kiosk shows it without a reload', async () => {
    const kiosk = await newPage(browser, { width: 1080, height: 1920 });
    await kiosk.goto(`${server.url}/kiosk/?token=${kioskToken}`);
    await kiosk.locator('.kiosk-field__name', { hasText: 'Hộ tịch' }).first().waitFor();
    await keepScreenshot(admin, 'admin-setup-fields');

    await admin.getByRole('button', { name: 'Thêm lĩnh vực' }).click();
    await admin.fill('input[name=name]', 'Tư pháp');
    await admin.fill('input[name=prefix]', '1');
    await admin.getByRole('button', { name: 'Lưu', exact: true }).click();
    const problem = admin.locator('[data-field=prefix] .setup__problem');
    await problem.waitFor();
    expect(await problem.innerText()).toMatch(/đầu số/i);
    await admin.fill('input[name=prefix]', '8');
    await admin.getByRole('button', { name: 'Lưu', exact: true }).click();
    await admin.locator('tr[data-service=tu-phap]').waitFor();
    await kiosk.locator('.kiosk-field__name', { hasText: 'Tư pháp' }).waitFor();

    await admin.locator('tr[data-service=ho-tich]').getByRole('button', { name: 'Sửa' }).click();
    await admin.fill('input[name=name]', 'Hộ tịch – Khai sinh');
    await admin.getByRole('button', { name: 'Lưu', exact: true }).click();
    await admin.locator('tr[data-service=ho-tich]', { hasText: 'Tên cũ: Hộ tịch' }).waitFor();
    await kiosk.locator('.kiosk-field__name', { hasText: 'Hộ tịch – Khai sinh' }).waitFor();
    expect((await client(server.url).get('/api/services')).body).toContainEqual(expect.objectContaining({ id: 'ho-tich', name: 'Hộ tịch – Khai sinh' }));
    await kiosk.context().close();
  });

  it('stops a field for today with a reason typed on the page, and lets it issue again', async () => {
    const row = admin.locator('tr[data-service=bhxh]');
    await row.getByRole('button', { name: 'Dừng hôm nay' }).click();
    await admin.fill('input[name=stopReason]', 'Cán bộ BHXH đi tập huấn');
    await admin.getByRole('button', { name: 'Lưu', exact: true }).click();
    await row.locator('.qms-status', { hasText: 'Dừng hôm nay: Cán bộ BHXH đi tập huấn' }).waitFor();
    const bhxh = async () => ((await client(server.url).get('/api/services')).body as { id: string; closedReason: string | null; stoppedReason?: string | null }[]).find((s) => s.id === 'bhxh')!;
    expect(await bhxh()).toMatchObject({ closedReason: 'stopped_today', stoppedReason: 'Cán bộ BHXH đi tập huấn' });
    await row.getByRole('button', { name: 'Cấp số lại' }).click();
    await row.locator('.qms-status', { hasText: 'Đang cấp số' }).waitFor();
    expect((await bhxh()).closedReason).toBeNull();
  });

  it('gives a counter the new field; the counters page lists it in order', async () => {
    await admin.getByRole('tab', { name: 'Quầy' }).click();
    const row = admin.locator('tr[data-counter="3"]');
    await row.waitFor();
    await row.getByRole('button', { name: 'Sửa' }).click();
    await admin.check('input[name=service-tu-phap]');
    await admin.getByRole('button', { name: 'Lên: Tư pháp' }).click();
    await admin.getByRole('button', { name: 'Lưu', exact: true }).click();
    await row.locator('.setup__fields li', { hasText: 'Tư pháp' }).waitFor();
    expect(await row.locator('.setup__fields li').allInnerTexts()).toEqual(['Tư pháp', 'Chứng thực']);
    await keepScreenshot(admin, 'admin-setup-counters');
  });

  it("sets a counter's LED board address: a taken one is refused at its box, the row shows the new one", async () => {
    const row = admin.locator('tr[data-counter="4"]');
    await row.getByRole('button', { name: 'Sửa' }).click();
    expect(await admin.inputValue('input[name=ledAddress]')).toBe('4');
    await admin.fill('input[name=ledAddress]', '3');
    await admin.getByRole('button', { name: 'Lưu', exact: true }).click();
    const problem = admin.locator('[data-field=ledAddress] .setup__problem');
    await problem.waitFor();
    expect(await problem.innerText()).toMatch(/Địa chỉ bảng LED 3 đã dùng cho quầy 3/);
    await admin.fill('input[name=ledAddress]', '44');
    await admin.getByRole('button', { name: 'Lưu', exact: true }).click();
    await row.locator('td', { hasText: 'địa chỉ 44' }).waitFor();
    expect((await client(server.url, await login(server.url, 'admin', 'admin')).get('/api/admin/counters')).body).toContainEqual(expect.objectContaining({ id: 4, ledAddress: 44 }));
  });

  it('creates an officer with a one-time password, who must change it at the desk, and disabling ends the session', async () => {
    await admin.getByRole('tab', { name: 'Tài khoản' }).click();
    await admin.getByRole('button', { name: 'Thêm tài khoản' }).click();
    await admin.fill('input[name=name]', 'Nguyễn Thị Hoa');
    await admin.fill('input[name=username]', 'hoa');
    await admin.uncheck('input[name=anyCounter]');
    await admin.check('input[name=counter-3]');
    await admin.getByRole('button', { name: 'Lưu', exact: true }).click();
    const secret = admin.locator('.setup__password');
    await secret.waitFor();
    const temporary = await secret.innerText();
    expect(temporary.length).toBeGreaterThanOrEqual(8);
    await admin.locator('tr[data-user=hoa]', { hasText: 'Chờ đổi mật khẩu' }).waitFor();
    await keepScreenshot(admin, 'admin-setup-accounts');

    const desk = await newPage(browser, { width: 1366, height: 768 });
    await signInOnPage(desk, `${server.url}/desk/?counter=3`, 'hoa', temporary);
    await desk.locator('.qms-password').waitFor();
    await desk.fill('input[name=newPassword]', 'hoa-moi-2026');
    await desk.fill('input[name=repeatPassword]', 'hoa-moi-2026');
    await desk.click('.qms-password button[type=submit]');
    await desk.locator('[data-action=sign-in]').waitFor();
    await admin.locator('tr[data-user=hoa]', { hasText: 'Đang hoạt động' }).waitFor();
    // The new password is hers now; the temporary one no longer works.
    await expect(login(server.url, 'hoa', temporary)).rejects.toThrow();
    const deskToken = await tokenOf(desk);
    expect((await client(server.url, deskToken).get('/api/auth/me')).status).toBe(200);

    admin.once('dialog', (d) => void d.accept());
    await admin.locator('tr[data-user=hoa]').getByRole('button', { name: 'Khóa' }).click();
    await admin.locator('tr[data-user=hoa]', { hasText: 'Đã khóa' }).waitFor();
    expect((await client(server.url, deskToken).get('/api/auth/me')).status).toBe(401);
    await desk.context().close();
  });

  it('the change log lists who changed what, with the value before and after', async () => {
    await admin.getByRole('tab', { name: 'Nhật ký thay đổi' }).click();
    const rename = admin.locator('tr[data-entry="setup.service.updated"]', { hasText: 'Hộ tịch – Khai sinh' });
    await rename.first().waitFor();
    expect(await rename.first().innerText()).toContain('Hộ tịch');
    expect(await rename.first().locator('td').nth(1).innerText()).not.toBe('Hệ thống');
    await keepScreenshot(admin, 'admin-setup-log');
  });

  it('import shows what would change before applying it', async () => {
    await admin.getByRole('tab', { name: 'Nhập / xuất cấu hình' }).click();
    const exported = (await client(server.url, await login(server.url, 'admin', 'admin')).get('/api/admin/setup/export')).body as {
      services: { id: string; name: string }[];
    };
    const changed = { ...exported, services: exported.services.map((s) => (s.id === 'bhxh' ? { ...s, name: 'Bảo hiểm xã hội Việt Nam' } : s)) };
    await admin.locator('.setup__file input[type=file]').setInputFiles({ name: 'center.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(changed)) });
    const preview = admin.locator('.setup__preview');
    await preview.locator('li', { hasText: 'bhxh' }).waitFor();
    expect(await preview.locator('li').count()).toBe(1);
    // Nothing changed yet.
    expect((await client(server.url).get('/api/services')).body).toContainEqual(expect.objectContaining({ id: 'bhxh', name: 'Bảo hiểm xã hội' }));
    await keepScreenshot(admin, 'admin-setup-import');
    await admin.getByRole('button', { name: 'Áp dụng 1 thay đổi' }).click();
    await admin.locator('.setup__outcome', { hasText: 'Đã nhập cấu hình: 1 thay đổi.' }).waitFor();
    expect((await client(server.url).get('/api/services')).body).toContainEqual(expect.objectContaining({ id: 'bhxh', name: 'Bảo hiểm xã hội Việt Nam' }));
  });

  it('a manager reads the setup but has no buttons to change it', async () => {
    const manager = await newPage(browser, { width: 1366, height: 768 });
    await signInOnPage(manager, `${server.url}/admin/#setup/counters`, 'quanly');
    await manager.locator('tr[data-counter="1"]').waitFor();
    expect(await manager.locator('.setup__readonly').count()).toBe(1);
    expect(await manager.getByRole('button', { name: 'Sửa' }).count()).toBe(0);
    await manager.context().close();
  });
});
