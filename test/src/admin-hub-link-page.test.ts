import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '@qms/hub';
import { startTestPostgres, type TestPostgres } from '@qms/hub/testing';
import { cspViolations, keepScreenshot, launchBrowser, newPage, signInOnPage } from './support/browser';
import { client, kioskToken, startTestServer, type TestServer } from './support/server';

// The "Máy chủ thành phố" setup page in Chromium: an admin joins the city hub, sees the sending state, leaves.

const cityPassword = 'thành phố 2026';
describe('the "Máy chủ thành phố" page in Chromium', () => {
  let pgc: TestPostgres;
  let hub: RunningHub;
  let server: TestServer;
  let browser: Browser;
  let key = '';
  let centerId = 0;
  beforeAll(async () => {
    pgc = await startTestPostgres();
    hub = await startHub({ databaseUrl: await pgc.createDatabase(), port: 0, host: '127.0.0.1', adminPassword: cityPassword });
    const city = client(hub.url, (await client(hub.url).post('/api/auth/login', { username: 'admin', password: cityPassword })).body.token);
    ({ id: centerId, key } = (await city.post('/api/hub/centers', { code: 'P-LECHAN', name: 'Phường Lê Chân' })).body);
    server = await startTestServer({ withScreens: true });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await hub?.close();
    pgc?.stop();
  });

  it('the admin types the address and key, the center starts sending at once; the key is never shown back; leaving stops it', async () => {
    await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
    const page = await newPage(browser, { width: 1366, height: 768 });
    await signInOnPage(page, `${server.url}/admin/`, 'admin', 'admin');
    await page.getByRole('tab', { name: 'Thiết lập' }).click();
    await page.getByRole('tab', { name: 'Máy chủ thành phố' }).click();
    await page.getByText('Chưa kết nối máy chủ thành phố.').waitFor();

    // A wrong address is refused in plain Vietnamese, named at its field.
    await page.getByLabel('Địa chỉ máy chủ thành phố').fill('ftp://hub');
    await page.getByLabel('Khóa của trung tâm').fill(key);
    await page.getByRole('button', { name: 'Kết nối' }).click();
    await page.locator('[data-field=url] .setup__problem, .setup__outcome.qms-error').first().waitFor();

    await page.getByLabel('Địa chỉ máy chủ thành phố').fill(hub.url);
    await page.getByLabel('Khóa của trung tâm').fill(key);
    await page.getByRole('button', { name: 'Kết nối' }).click();
    await page.getByText('Đã lưu. Trung tâm bắt đầu gửi ngay, không cần khởi động lại.').waitFor();
    await page.getByTestId('hub-key-hint').getByText(`…${key.slice(-4)}`).waitFor();
    expect(await page.getByLabel('Khóa của trung tâm').inputValue()).toBe('');
    // The page reads the state again by itself: the log is sent, nothing pending.
    await expect.poll(() => page.getByTestId('hub-pending').textContent(), { timeout: 60_000, interval: 250 }).toBe('0');
    expect(await page.getByTestId('hub-last-push').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(await page.getByTestId('hub-last-error').textContent()).toBe('Không có');
    const centers = (await client(hub.url, (await client(hub.url).post('/api/auth/login', { username: 'admin', password: cityPassword })).body.token).get('/api/hub/centers')).body;
    expect(centers.find((c: { id: number }) => c.id === centerId).lastEventId).toBeGreaterThan(0);
    expect(await page.content()).not.toContain(key);
    await keepScreenshot(page, 'admin-hub-link');
    const wide = await newPage(browser, { width: 1920, height: 1080 });
    await signInOnPage(wide, `${server.url}/admin/#setup/hub`, 'admin', 'admin');
    await wide.getByRole('tab', { name: 'Thiết lập' }).click();
    await wide.getByRole('tab', { name: 'Máy chủ thành phố' }).click();
    await wide.getByTestId('hub-key-hint').waitFor();
    await keepScreenshot(wide, 'admin-hub-link-1920');

    await page.getByRole('button', { name: 'Ngừng kết nối' }).click();
    await page.getByText('Đã ngừng gửi lên máy chủ thành phố.').waitFor();
    await page.getByText('Không chạy').waitFor();
    expect(server.hubLink.sync).toBeNull();
    expect(cspViolations(page)).toEqual([]);
  });
});
