import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepScreenshot, launchBrowser, newPage, signInOnPage } from './support/browser';
import { adminClient } from './support/admin';
import { client, kioskToken, login, officerAt, startTestServer, type TestServer } from './support/server';

/** Marks the page, so a test can tell that it was never reloaded. */
const mark = (page: Page) => page.evaluate(() => Object.assign(window, { qmsNotReloaded: true }));
const stillMarked = (page: Page) => page.evaluate(() => (window as unknown as { qmsNotReloaded?: boolean }).qmsNotReloaded === true);

describe('the screens read the setup live: priority groups, stopped fields, the rating scale', () => {
  let server: TestServer;
  let browser: Browser;
  let kiosk: Page;
  let api: ReturnType<typeof adminClient>;
  const ticketCount = () => server.db.prepare(`SELECT COUNT(*) FROM tickets`).pluck().get() as number;

  beforeAll(async () => {
    server = await startTestServer({ withScreens: true });
    browser = await launchBrowser();
    api = adminClient(server, await login(server.url, 'admin', 'admin'));
    kiosk = await newPage(browser, { width: 1080, height: 1920 });
    await kiosk.goto(`${server.url}/kiosk/?token=${kioskToken}`);
    await kiosk.locator('.kiosk-field', { hasText: 'Chứng thực' }).waitFor();
    await mark(kiosk);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a group added on the admin Center page appears on the open kiosk and issues a priority ticket', async () => {
    const admin = await newPage(browser, { width: 1366, height: 900 });
    await signInOnPage(admin, `${server.url}/admin/#setup/center`, 'admin', 'admin');
    await admin.locator('[data-priority-row="2"]').waitFor();
    await admin.locator('[data-add-priority]').click();
    await admin.fill('input[name=priority-name-3]', 'Người có công với cách mạng');
    await admin.fill('input[name=priority-nameEn-3]', 'Person with meritorious service');
    await admin.selectOption('select[name=priority-icon-3]', 'veteran');
    expect(await admin.inputValue('input[name=priority-code-3]')).toBe('nguoi_co_cong_voi_cach_mang');
    await admin.getByRole('button', { name: 'Lưu', exact: true }).click();
    // Saved: the page reads the center again, and the new group's code is fixed from then on.
    await admin.locator('[data-priority-row="3"] code', { hasText: 'nguoi_co_cong_voi_cach_mang' }).waitFor();
    await keepScreenshot(admin, 'admin-setup-priority');

    const group = kiosk.getByRole('button', { name: 'Người có công với cách mạng' });
    await group.waitFor();
    await group.click();
    expect(await group.getAttribute('aria-pressed')).toBe('true');
    await keepScreenshot(kiosk, 'kiosk-priority');
    await kiosk.locator('.kiosk-field', { hasText: 'Hộ tịch' }).click();
    const card = kiosk.locator('.kiosk-card');
    await card.getByText('Ưu tiên: Người có công với cách mạng').waitFor();
    const row = server.db.prepare(`SELECT priority FROM tickets ORDER BY issued_at DESC, rowid DESC LIMIT 1`).get();
    expect(row).toEqual({ priority: 'nguoi_co_cong_voi_cach_mang' });
    await card.getByRole('button', { name: 'Xong' }).click();
    await card.waitFor({ state: 'detached' });

    // Renamed on the page: the kiosk's words follow.
    await admin.fill('input[name=priority-name-3]', 'Người có công');
    await admin.getByRole('button', { name: 'Lưu', exact: true }).click();
    await kiosk.getByRole('button', { name: 'Người có công', exact: true }).waitFor();
    expect(await admin.inputValue('input[name=priority-name-3]')).toBe('Người có công');
    expect(await stillMarked(kiosk)).toBe(true);
    await admin.context().close();
  });

  it('a removed group disappears from the kiosk, a choice of it is dropped, and the server refuses it in plain words', async () => {
    const group = kiosk.getByRole('button', { name: 'Người có công', exact: true });
    await group.click();
    expect(await group.getAttribute('aria-pressed')).toBe('true');
    const center = (await api.get('/api/admin/center')).body as { priorityCategories: { code: string }[] };
    await api.patch('/api/admin/center', { priorityCategories: center.priorityCategories.filter((p) => p.code !== 'nguoi_co_cong_voi_cach_mang') });
    await group.waitFor({ state: 'detached' });
    expect(await kiosk.locator('.kiosk-priority__btn').allInnerTexts()).toEqual(['Người cao tuổi', 'Phụ nữ mang thai', 'Người khuyết tật']);
    // The choice went with it: the next tap takes a normal ticket, not a refused one.
    const before = ticketCount();
    await kiosk.locator('.kiosk-field', { hasText: 'Hộ tịch' }).click();
    const card = kiosk.locator('.kiosk-card');
    await card.getByRole('button', { name: 'Xong' }).waitFor();
    expect(await card.locator('.kiosk-card__priority').count()).toBe(0);
    expect(ticketCount()).toBe(before + 1);
    await card.getByRole('button', { name: 'Xong' }).click();
    await card.waitFor({ state: 'detached' });

    const refused = await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich', priority: 'nguoi_co_cong_voi_cach_mang' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/^Loại ưu tiên "nguoi_co_cong_voi_cach_mang" không có hoặc đã được bỏ tại trung tâm\. Các loại ưu tiên hiện có: Người cao tuổi, Phụ nữ mang thai, Người khuyết tật\./);
    expect(await stillMarked(kiosk)).toBe(true);
  });

  it('a field stopped for today: its tile says so with the reason and cannot be tapped; the desk’s issue dialog and the phone page say so too', async () => {
    const reason = 'Mất kết nối phần mềm đất đai, mời quay lại ngày mai';
    const waiting = await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'dat-dai' });
    expect((await api.patch('/api/admin/services/dat-dai', { stoppedToday: { reason } })).status).toBe(200);
    const tile = kiosk.locator('.kiosk-field[data-service=dat-dai]');
    await tile.locator('.kiosk-field__reason', { hasText: reason }).waitFor();
    expect(await tile.locator('.kiosk-field__closed').innerText()).toContain('Hôm nay đã ngừng cấp số');
    expect(await tile.isDisabled()).toBe(true);
    const before = ticketCount();
    await tile.click({ force: true });
    await kiosk.waitForTimeout(300);
    expect(await kiosk.locator('.kiosk-overlay').count()).toBe(0);
    expect(ticketCount()).toBe(before);
    await keepScreenshot(kiosk, 'kiosk-stopped');

    await officerAt(server.url, 4);
    const desk = await newPage(browser, { width: 1366, height: 768 });
    await signInOnPage(desk, `${server.url}/desk/?counter=4`, 'canbo4');
    await desk.getByRole('button', { name: 'Cấp số hộ' }).click();
    const button = desk.locator('.desk-dialog__grid button[data-service=dat-dai]');
    await button.locator('.desk-dialog__stopped', { hasText: reason }).waitFor();
    expect(await button.isDisabled()).toBe(true);
    await desk.context().close();

    // The citizen who already holds a number for the field learns it on the phone page, and that it still counts.
    const phone = await newPage(browser, { width: 360, height: 640 });
    await phone.goto(`${server.url}/rating/phone/?ticket=${waiting.body.id}`);
    const notice = phone.locator('.phone__stopped');
    await notice.waitFor();
    expect(await notice.innerText()).toBe(`Lĩnh vực này đã ngừng cấp số mới hôm nay: ${reason}. Số của ông/bà vẫn được gọi theo thứ tự.`);
    await phone.context().close();
    await api.patch('/api/admin/services/dat-dai', { stoppedToday: null });
    await tile.locator('.kiosk-field__reason').waitFor({ state: 'detached' });
    expect(await tile.isDisabled()).toBe(false);
  });

  it('the rating tablet switches from 4 to 3 levels while it asks, without a reload', async () => {
    const officer = await officerAt(server.url, 2);
    const tablet = await newPage(browser, { width: 1280, height: 800 });
    await tablet.goto(`${server.url}/rating/?token=demo-rating-token-0002&counter=2`);
    await tablet.locator('.rating__counter').waitFor();
    await mark(tablet);
    await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
    await officer.post('/api/counters/2/call-next');
    await officer.post('/api/counters/2/finish');
    await tablet.locator('.level--neutral').waitFor();
    expect(await tablet.locator('.level').count()).toBe(4);

    // The admin picks 3 levels in the "Đánh giá mức độ hài lòng" part of the Center page.
    const admin = await newPage(browser, { width: 1366, height: 900 });
    await signInOnPage(admin, `${server.url}/admin/#setup/center`, 'admin', 'admin');
    await admin.getByRole('heading', { name: 'Đánh giá mức độ hài lòng' }).waitFor();
    await admin.selectOption('select[name=ratingScale]', '3');
    await admin.getByRole('button', { name: 'Lưu', exact: true }).click();
    await tablet.locator('.level--neutral').waitFor({ state: 'detached' });
    expect((await api.get('/api/admin/center')).body.ratingScale).toBe(3);
    await admin.context().close();
    expect(await tablet.locator('.level').count()).toBe(3);
    expect(await tablet.locator('.level').allInnerTexts()).toEqual([expect.stringContaining('Rất hài lòng'), expect.stringContaining('Hài lòng'), expect.stringContaining('Không hài lòng')]);
    expect(await stillMarked(tablet)).toBe(true);
    await keepScreenshot(tablet, 'rating-3-levels');
    await tablet.locator('.level--satisfied').click();
    await tablet.locator('.level').first().waitFor({ state: 'detached' });
    expect(server.db.prepare(`SELECT level FROM ratings ORDER BY id DESC LIMIT 1`).pluck().get()).toBe('satisfied');
    await tablet.context().close();
  });
});
