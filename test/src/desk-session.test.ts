import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepScreenshot, launchBrowser, newPage, signInOnPage } from './support/browser';
import { client, kioskToken, officerAt, startTestServer, type TestServer } from './support/server';

async function signIn(page: Page, url: string, counter: number, username: string, password = '123456') {
  await signInOnPage(page, `${url}/desk/?counter=${counter}`, username, password);
  await page.locator('[data-action=issue]').waitFor();
}

const tokenOf = (page: Page) => page.evaluate(() => localStorage.getItem('qms.token') ?? '');

describe('desk: taking the counter and signing out', () => {
  let server: TestServer;
  let browser: Browser;
  const counterRow = (id: number) =>
    server.db.prepare(`SELECT c.status, u.username FROM counters c LEFT JOIN users u ON u.id = c.staff_id WHERE c.id = ?`).get(id) as { status: string; username: string | null };
  beforeAll(async () => {
    server = await startTestServer({ withScreens: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a closed counter opens only when the officer presses "Nhận quầy N"; after closing, a reload does not reopen it', async () => {
    const page = await newPage(browser, { width: 1366, height: 768 });
    await signIn(page, server.url, 3, 'canbo3');
    const take = page.locator('[data-action=sign-in]');
    expect(await take.innerText()).toMatch(/Nhận quầy 3\s+M/);
    expect(await page.locator('.desk__take').innerText()).toBe('Bấm «Nhận quầy 3» để bắt đầu làm việc tại quầy này.');
    await page.waitForTimeout(800); // what an automatic sign-in would have needed
    expect(counterRow(3)).toEqual({ status: 'closed', username: null });
    expect(await page.locator('[data-action=call-next]').isDisabled()).toBe(true);

    await take.click();
    await page.locator('[data-action=call-next]:not([disabled])').waitFor();
    expect(counterRow(3)).toEqual({ status: 'open', username: 'canbo3' });
    expect(await take.count()).toBe(0);

    await page.keyboard.press('d');
    await take.waitFor();
    expect(counterRow(3)).toEqual({ status: 'closed', username: null });
    await page.reload();
    await take.waitFor();
    await page.waitForTimeout(800);
    expect(counterRow(3)).toEqual({ status: 'closed', username: null });
    await page.context().close();
  });

  it('a reload carries on without asking when the counter is open or paused under the same officer', async () => {
    const page = await newPage(browser, { width: 1366, height: 768 });
    await signIn(page, server.url, 4, 'canbo4');
    await page.click('[data-action=sign-in]');
    await page.locator('[data-action=pause]:not([disabled])').waitFor();
    await page.reload();
    await page.locator('[data-action=pause]:not([disabled])').waitFor();
    expect(await page.locator('[data-action=sign-in]').count()).toBe(0);
    await page.keyboard.press('n');
    await page.locator('[data-action=resume]:not([disabled])').waitFor();
    await page.reload();
    await page.locator('[data-action=resume]:not([disabled])').waitFor();
    expect(await page.locator('[data-action=sign-in]').count()).toBe(0);
    expect(counterRow(4)).toEqual({ status: 'paused', username: 'canbo4' });
    await page.context().close();
  });

  it("an admin opening an officer's counter sees who has it and takes nothing", async () => {
    await officerAt(server.url, 5);
    const page = await newPage(browser, { width: 1366, height: 768 });
    await signIn(page, server.url, 5, 'admin', 'admin');
    await page.locator('.desk__take', { hasText: 'Quầy đang do Vũ Văn Đức phụ trách.' }).waitFor();
    await page.waitForTimeout(800);
    expect(counterRow(5)).toEqual({ status: 'open', username: 'canbo5' });
    await page.context().close();
  });

  it('signing out ends the session on the server, not only on this screen', async () => {
    const page = await newPage(browser, { width: 1366, height: 768 });
    await signIn(page, server.url, 6, 'canbo6');
    const token = await tokenOf(page);
    expect((await client(server.url, token).get('/api/auth/me')).status).toBe(200);
    await page.click('[data-sign-out]'); // the counter is not open under this officer: nothing to ask
    await page.locator('input[name=username]').waitFor();
    expect((await client(server.url, token).get('/api/auth/me')).status).toBe(401);
    // The cookie went too: the browser itself is signed out.
    expect(await page.evaluate(() => fetch('/api/auth/me').then((r) => r.status))).toBe(401);
    await page.context().close();
  });

  it('an account signed out from the server (endSessionsOf: disabled, signed out everywhere) leaves the open desk at once', async () => {
    const page = await newPage(browser, { width: 1366, height: 768 });
    await signIn(page, server.url, 2, 'canbo2');
    const token = await tokenOf(page);
    const id = server.db.prepare(`SELECT id FROM users WHERE username = 'canbo2'`).pluck().get() as number;
    server.auth.endSessionsOf(id);
    // The page's socket is ended by the server; the desk finds out and shows the sign-in form, without a reload.
    await page.locator('input[name=username]').waitFor();
    expect((await client(server.url, token).get('/api/auth/me')).status).toBe(401);
    await page.context().close();
  });

  it('signing out of an open counter asks: cancel, just sign out (counter stays open), or close and sign out', async () => {
    const page = await newPage(browser, { width: 1366, height: 768 });
    await signIn(page, server.url, 2, 'canbo2');
    await page.click('[data-action=sign-in]');
    await page.locator('[data-action=call-next]:not([disabled])').waitFor();
    const dialog = page.locator('.desk-dialog');

    await page.click('[data-sign-out]');
    await dialog.waitFor();
    expect(await dialog.locator('button').allInnerTexts()).toEqual(['Đóng quầy và đăng xuất', 'Chỉ đăng xuất', 'Hủy\nEsc']);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await client(server.url, await tokenOf(page)).get('/api/auth/me')).status).toBe(200);

    let token = await tokenOf(page);
    await page.click('[data-sign-out]');
    await dialog.getByRole('button', { name: 'Chỉ đăng xuất' }).click();
    await page.locator('input[name=username]').waitFor();
    expect((await client(server.url, token).get('/api/auth/me')).status).toBe(401);
    expect(counterRow(2)).toEqual({ status: 'open', username: 'canbo2' });

    // Back again: the counter is still theirs, the desk carries on. With a number in hand the counter cannot close.
    expect((await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' })).status).toBe(201);
    await page.fill('input[name=username]', 'canbo2');
    await page.fill('input[name=password]', '123456');
    await page.click('button[type=submit]');
    await page.locator('[data-action=call-next]:not([disabled])').click();
    await page.locator('.desk__current', { hasText: '1001' }).waitFor();
    await page.click('[data-sign-out]');
    expect(await dialog.getByRole('button', { name: 'Đóng quầy và đăng xuất' }).isDisabled()).toBe(true);
    expect(await dialog.locator('.desk-dialog__warn').innerText()).toBe('Hãy hoàn thành, tạm giữ hoặc chuyển số 1001 trước khi đóng quầy.');
    await keepScreenshot(page, 'desk-sign-out');
    await page.keyboard.press('Escape');
    await page.locator('[data-action=finish]:not([disabled])').click();
    await page.locator('.desk__current', { hasText: 'Chưa gọi số nào' }).waitFor();

    token = await tokenOf(page);
    await page.click('[data-sign-out]');
    await dialog.getByRole('button', { name: 'Đóng quầy và đăng xuất' }).click();
    await page.locator('input[name=username]').waitFor();
    expect((await client(server.url, token).get('/api/auth/me')).status).toBe(401);
    expect(counterRow(2)).toEqual({ status: 'closed', username: null });
    await page.context().close();
  });
});
