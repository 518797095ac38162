import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { HubEvent } from '@qms/protocol/hub';
import { startHub, type RunningHub } from '@qms/hub';
import { startTestPostgres, type TestPostgres } from '@qms/hub/testing';
import { cspViolations, keepScreenshot, launchBrowser, newPage, signInOnPage } from './support/browser';
import { client } from './support/server';

// The city admin's pages of hub-ui (centers, accounts) on a real hub and PostgreSQL, in headless Chromium.
// Needs `npm run build -w hub-ui`.

const password = 'thành phố 2026';
let pg: TestPostgres;
let hub: RunningHub;
let browser: Browser;

const issued = (id: number): HubEvent => ({
  id,
  type: 'ticket.issued',
  ticketId: `t${id}`,
  counterId: null,
  staffId: null,
  payload: { serviceId: 'ho-tich', channel: 'kiosk' },
  at: Date.parse('2026-12-01T02:00:00Z') + id * 1000,
  serviceDay: '2026-12-01',
});
const push = (key: string, id: number) => client(hub.url, key).post('/api/hub/events', { events: [issued(id)] });

beforeAll(async () => {
  pg = await startTestPostgres();
  hub = await startHub({ databaseUrl: await pg.createDatabase(), port: 0, host: '127.0.0.1', adminPassword: password });
  const token = (await client(hub.url).post('/api/auth/login', { username: 'admin', password })).body.token as string;
  expect((await client(hub.url, token).post('/api/hub/centers', { code: 'P-HONGBANG', name: 'Phường Hồng Bàng', district: 'Khu vực nội thành' })).status).toBe(201);
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await hub?.close().catch(() => undefined);
  pg?.stop();
});

describe('the city admin’s pages', () => {
  it('registers a center and sees its key once, edits it, issues a new key; creates a viewer, who sees no admin page', { timeout: 180_000 }, async () => {
    const page = await newPage(browser, { width: 1366, height: 768 });
    await signInOnPage(page, `${hub.url}/`, 'admin', password);
    await page.getByRole('tab', { name: 'Trung tâm' }).click();
    await page.locator('tr[data-center="P-HONGBANG"]').waitFor();

    // A bad code is refused in words by the hub (the form's own check is bypassed here, as a careless client would).
    const form = page.getByRole('form', { name: 'Đăng ký trung tâm mới' });
    await form.evaluate((f) => ((f as HTMLFormElement).noValidate = true));
    await form.getByLabel('Mã trung tâm').fill('mã có dấu');
    await form.getByLabel('Tên trung tâm').fill('Xã Thử');
    await form.getByRole('button', { name: 'Đăng ký' }).click();
    await expect.poll(() => form.locator('.qms-error').innerText(), { timeout: 30_000 }).toMatch(/Dữ liệu gửi lên không hợp lệ[\s\S]*code/);
    // A code already registered: 409 in words.
    await form.getByLabel('Mã trung tâm').fill('P-HONGBANG');
    await form.getByRole('button', { name: 'Đăng ký' }).click();
    await expect.poll(() => form.locator('.qms-error').innerText(), { timeout: 30_000 }).toContain('Mã trung tâm "P-HONGBANG" đã có');

    await form.getByLabel('Mã trung tâm').fill('P-KIENAN');
    await form.getByLabel('Tên trung tâm').fill('Phường Kiến An');
    await form.getByLabel('Khu vực').fill('Khu vực ngoại thành');
    await form.getByRole('button', { name: 'Đăng ký' }).click();
    const panel = page.getByRole('alertdialog');
    await panel.waitFor();
    expect(await panel.innerText()).toMatch(/Đã đăng ký Phường Kiến An \(P-KIENAN\)[\s\S]*chỉ hiện MỘT LẦN[\s\S]*Thiết lập → Máy chủ thành phố[\s\S]*Địa chỉ máy chủ thành phố/);
    expect(await panel.locator('.keypanel__address').innerText()).toBe(new URL(hub.url).origin);
    const key = await panel.getByRole('textbox', { name: 'Khóa của trung tâm' }).inputValue();
    expect(key).toMatch(/^qmshub_/);
    // The key shown is the one the hub accepts.
    expect((await push(key, 1)).status).toBe(200);
    await page.locator('tr[data-center="P-KIENAN"]').waitFor();
    expect(await page.locator('tr[data-center="P-KIENAN"]').innerText()).toMatch(/P-KIENAN\s+Phường Kiến An\s+Khu vực ngoại thành/);
    await keepScreenshot(page, 'hub-centers-key-1366');

    // Once: closed, it is nowhere in the page, its storage or the page opened again.
    await panel.getByRole('button', { name: 'Đã lưu khóa, đóng' }).click();
    await panel.waitFor({ state: 'detached' });
    const traces = () => page.evaluate(() => document.documentElement.outerHTML + JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(await traces()).not.toContain(key);
    await page.reload();
    await page.locator('tr[data-center="P-KIENAN"]').waitFor();
    expect(await traces()).not.toContain(key);
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await keepScreenshot(page, 'hub-centers-1366');

    // Edit: a new name, the district cleared.
    const row = page.locator('tr[data-center="P-KIENAN"]');
    await row.getByRole('button', { name: 'Sửa' }).click();
    await row.getByRole('textbox', { name: 'Tên trung tâm' }).fill('Phường Kiến An (mới)');
    await row.getByLabel('Khu vực').fill('');
    await row.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => row.innerText(), { timeout: 30_000 }).toMatch(/Phường Kiến An \(mới\)\s+Chưa xếp khu vực/);

    // The center lost its key: a new one, after a confirmation; the old one is refused from then on.
    await row.getByRole('button', { name: 'Cấp khóa mới' }).click();
    await row.getByRole('group', { name: 'Cấp khóa mới' }).getByRole('button', { name: 'Cấp khóa mới' }).click();
    await panel.waitFor();
    expect(await panel.innerText()).toMatch(/Khóa mới của Phường Kiến An \(mới\) \(P-KIENAN\)[\s\S]*Khóa cũ của trung tâm này đã ngừng hoạt động/);
    const second = await panel.getByRole('textbox', { name: 'Khóa của trung tâm' }).inputValue();
    expect(second).not.toBe(key);
    expect((await push(key, 2)).status).toBe(401);
    expect((await push(second, 2)).status).toBe(200);
    await panel.getByRole('button', { name: 'Đã lưu khóa, đóng' }).click();

    // A viewer account for the office's staff.
    await page.getByRole('tab', { name: 'Tài khoản' }).click();
    const create = page.getByRole('form', { name: 'Tạo tài khoản xem' });
    await create.getByLabel('Tên đăng nhập').fill('chuyenvien');
    await create.getByLabel('Họ tên').fill('Chuyên viên Sở Nội vụ');
    await create.getByLabel('Mật khẩu').fill('xem số liệu 1');
    await create.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.locator('tr[data-account="chuyenvien"]').waitFor();
    expect(await page.locator('tr[data-account="chuyenvien"]').innerText()).toMatch(/chuyenvien\s+Chuyên viên Sở Nội vụ\s+Chỉ xem/);
    await keepScreenshot(page, 'hub-accounts-1366');
    // Its password reset: the new one signs in.
    await page.locator('tr[data-account="chuyenvien"]').getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await page.getByLabel('Mật khẩu mới cho chuyenvien').fill('mật khẩu mới 2');
    await page.locator('tr[data-account="chuyenvien"]').getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã đặt mật khẩu mới cho chuyenvien' }).waitFor();
    // Turned off, it cannot sign in; turned on again, it can.
    await page.locator('tr[data-account="chuyenvien"]').getByRole('button', { name: 'Khóa tài khoản' }).click();
    await expect.poll(() => page.locator('tr[data-account="chuyenvien"]').innerText(), { timeout: 30_000 }).toContain('Đã khóa');
    expect((await client(hub.url).post('/api/auth/login', { username: 'chuyenvien', password: 'mật khẩu mới 2' })).status).toBe(401);
    await page.locator('tr[data-account="chuyenvien"]').getByRole('button', { name: 'Mở lại' }).click();
    await expect.poll(() => page.locator('tr[data-account="chuyenvien"]').innerText(), { timeout: 30_000 }).toContain('Đang dùng');
    // English second.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Centers' }).click();
    await page.getByRole('form', { name: 'Register a new center' }).waitFor();
    expect(await page.locator('tr[data-center="P-KIENAN"]').innerText()).toMatch(/No district[\s\S]*Issue a new key/);
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('form', { name: 'Đăng ký trung tâm mới' }).waitFor();
    expect(cspViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.locator('input[name=username]').waitFor();
    await page.fill('input[name=username]', 'chuyenvien');
    await page.fill('input[name=password]', 'mật khẩu mới 2');
    await page.click('button[type=submit]');
    await page.getByRole('tab', { name: 'Trực tiếp' }).waitFor();
    await page.getByRole('tab', { name: 'Báo cáo thành phố' }).waitFor();
    expect(await page.getByRole('tab').allInnerTexts()).toEqual(['Trực tiếp', 'Báo cáo thành phố']);
    // The admin page's address typed by hand shows the live view instead.
    await page.goto(`${hub.url}/#centers`);
    await page.locator('tr[data-center="P-KIENAN"]').waitFor();
    expect(await page.getByRole('form', { name: 'Đăng ký trung tâm mới' }).count()).toBe(0);
    expect(cspViolations(page)).toEqual([]);
  });
});
