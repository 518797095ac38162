import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepScreenshot, launchBrowser, newPage, signInOnPage } from './support/browser';
import { client, login, startTestServer, testClock, type TestServer } from './support/server';

describe('the "Lịch làm việc" page in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer({ now: testClock(Date.parse('2026-03-16T02:00:00Z')).now, withScreens: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const calendar = async () => (await client(server.url, await login(server.url, 'admin', 'admin')).get('/api/admin/calendar?year=2026')).body;

  it('the admin sets Saturday mornings, adds a day, pre-fills again; bad hours are named before saving', async () => {
    const page = await newPage(browser, { width: 1366, height: 768 });
    await page.clock.setFixedTime(new Date('2026-03-16T09:00:00+07:00'));
    await signInOnPage(page, `${server.url}/admin/`, 'admin', 'admin');
    await page.getByRole('tab', { name: 'Thiết lập' }).click();
    await page.getByRole('tab', { name: 'Lịch làm việc' }).click();
    await page.getByRole('heading', { name: 'Ngày nghỉ lễ và ngày làm bù năm 2026' }).waitFor();
    await expect.poll(() => page.locator('input[aria-label^="Tên "]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)), { timeout: 15_000 }).toContain('Giỗ Tổ Hùng Vương');
    await keepScreenshot(page, 'admin-calendar');

    // Saturday: "7h30" is refused on the page, in plain words, and nothing is sent.
    await page.getByRole('checkbox', { name: 'Làm việc Thứ Bảy' }).check();
    await page.getByRole('textbox', { name: 'Khung giờ cấp số Thứ Bảy' }).fill('7h30-11h30');
    await page.getByText('Thứ Bảy: khung giờ chưa đúng').waitFor();
    expect(await page.getByRole('button', { name: 'Lưu giờ làm việc' }).isDisabled()).toBe(true);
    await page.getByRole('textbox', { name: 'Khung giờ cấp số Thứ Bảy' }).fill('07:30-11:30');
    await page.getByRole('button', { name: 'Lưu giờ làm việc' }).click();
    await page.getByText('Đã lưu. Máy lấy số đã nhận lịch mới.').first().waitFor();
    expect((await calendar()).hours).toMatchObject({ workingDays: [1, 2, 3, 4, 5, 6], days: { '6': [{ from: '07:30', to: '11:30' }] } });

    // A day of its own, kept by a later pre-fill; a removed pre-filled day comes back with the pre-fill.
    const rows = await page.locator('.calendar__list tbody tr').count();
    await page.getByRole('button', { name: 'Thêm ngày' }).click();
    await page.getByLabel(`Ngày ${rows + 1}`, { exact: true }).fill('24/11/2026');
    await page.getByLabel(`Tên ${rows + 1}`, { exact: true }).fill('Ngày Văn hóa Việt Nam');
    await page.locator('.calendar__list tbody tr', { has: page.locator('input[value="Ngày Chiến thắng 30/4"]') }).getByRole('button', { name: 'Xóa' }).click();
    await page.getByRole('button', { name: 'Lưu danh sách ngày' }).click();
    await page.getByText('Đã lưu. Máy lấy số đã nhận lịch mới.').last().waitFor();
    const saved = (await calendar()).days as { date: string; name: string; source: string }[];
    expect(saved.find((d) => d.date === '2026-11-24')).toMatchObject({ name: 'Ngày Văn hóa Việt Nam', source: 'manual' });
    expect(saved.some((d) => d.date === '2026-04-30')).toBe(false);

    await page.getByRole('button', { name: 'Điền sẵn ngày lễ' }).click();
    await page.getByText(/Đã điền sẵn \d+ ngày/).waitFor();
    const refilled = (await calendar()).days as { date: string; source: string }[];
    expect(refilled.find((d) => d.date === '2026-04-30')).toMatchObject({ source: 'prefilled' });
    expect(refilled.find((d) => d.date === '2026-11-24')).toMatchObject({ source: 'manual' });
  });

  it('a manager sees the calendar without the means to change it', async () => {
    const page = await newPage(browser, { width: 1366, height: 768 });
    await signInOnPage(page, `${server.url}/admin/`, 'quanly');
    await page.getByRole('tab', { name: 'Thiết lập' }).click();
    await page.getByRole('tab', { name: 'Lịch làm việc' }).click();
    await page.getByText('Chỉ quản trị viên được sửa lịch; quản lý xem.').waitFor();
    await page.getByRole('heading', { name: 'Ngày nghỉ lễ và ngày làm bù năm 2026' }).waitFor();
    expect(await page.getByRole('button', { name: 'Lưu danh sách ngày' }).count()).toBe(0);
    expect(await page.getByRole('checkbox', { name: 'Làm việc Thứ Hai' }).isDisabled()).toBe(true);
  });
});
