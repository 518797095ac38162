import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepScreenshot, launchBrowser, newPage, signInOnPage } from './support/browser';
import { client, demoConfig, kioskToken, startTestServer, type TestServer } from './support/server';

/** The simulated printer reads `<data>/printer/<id>.fault` before every job (drivers/src/sim/printer.ts). */
const faultFile = (s: TestServer) => join(s.dataDir, 'printer', 'printer-1.fault');

async function signIn(page: Page, url: string, username: string, password: string) {
  // Fail on the step that did not happen, well before the test's own timeout.
  page.setDefaultTimeout(20_000);
  await signInOnPage(page, url, username, password);
}

/** True when nothing inside `selector` is wider than its box (no clipped or overflowing text). */
const overflowing = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent));

describe('devices, printer faults and display settings on the admin and desk screens', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ withScreens: true, config: demoConfig({ priorityCategories: ['elderly', 'pregnant', 'disability', 'thuong_binh'] }) });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('admin: the printer fault shows live, the ticket is listed as not printed, and "In lại" prints it', async () => {
    const page = await newPage(browser, { width: 1440, height: 1900 });
    await signIn(page, `${server.url}/admin/`, 'admin', 'admin');
    const printer = page.locator('.devices__item[data-device="printer-1"]');
    await printer.and(page.locator('[data-ok=true]')).waitFor();
    expect(await printer.innerText()).toContain('Máy in printer-1: sẵn sàng');
    // Socket devices are listed too, in words.
    await page.locator('.devices__item[data-device]', { hasText: 'Máy lấy số' }).first().waitFor();
    await page.locator('.devices__none', { hasText: 'Không có phiếu nào bị lỗi in.' }).waitFor();

    // From here /api/health answers with the old (healthy) state: the fault can only arrive by the live event.
    const stale = await client(server.url, kioskToken).get('/api/health');
    expect(stale.body.devices).toContainEqual(expect.objectContaining({ id: 'printer-1', ok: true }));
    await page.route('**/api/health', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(stale.body) }));

    writeFileSync(faultFile(server), 'paper_out');
    const res = await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
    expect(res.status).toBe(201);
    const { id, number } = res.body as { id: string; number: string };

    await printer.and(page.locator('[data-ok=false]')).waitFor();
    expect(await printer.innerText()).toContain('Máy in printer-1: hết giấy');
    expect(await printer.locator('.devices__badge').innerText()).toBe('Lỗi');
    // Only the printer is at fault; the kiosk, hall display and tablets are merely not connected in this test.
    await page.locator('.devices__summary--fault', { hasText: '1 thiết bị đang lỗi' }).waitFor();
    // Above the figures too, so the fault is seen without scrolling.
    await page.locator('.devices__alert', { hasText: 'Máy in printer-1: hết giấy — xem mục Thiết bị' }).waitFor();
    const away = page.locator('.devices__item[data-ok=false]', { hasText: 'chưa kết nối' });
    expect(await away.count()).toBeGreaterThanOrEqual(3);
    expect(await away.first().locator('.devices__badge').innerText()).toBe('Chưa kết nối');
    const row = page.locator(`.devices__unprinted li[data-ticket="${id}"]`);
    await row.waitFor();
    expect(await row.locator('.devices__number').innerText()).toBe(number);
    expect((await client(server.url, kioskToken).get(`/api/tickets/${id}`)).body.printed).toBe(false);
    expect(await overflowing(page, '.devices__item, .devices__unprinted li')).toEqual([]);
    await keepScreenshot(page, 'admin-devices');

    // Paper refilled: reprint from the admin page.
    rmSync(faultFile(server));
    await row.getByRole('button', { name: 'In lại' }).click();
    await page.locator('.devices .qms-notice', { hasText: `Đã in lại số ${number}.` }).waitFor();
    await row.waitFor({ state: 'detached' });
    await printer.and(page.locator('[data-ok=true]')).waitFor();
    await page.locator('.devices__summary--fault').waitFor({ state: 'detached' });
    await page.locator('.devices__alert').waitFor({ state: 'detached' });
    const after = await client(server.url).get(`/api/tickets/${id}`);
    expect(after.body.printed).toBe(true);
    expect(server.printing.simulators().get('printer-1')?.printed()).toHaveLength(1);
    await page.context().close();
  });

  it('desk: a printer fault shows a banner at once, and the issue dialog says the ticket will not print', async () => {
    const page = await newPage(browser, { width: 1366, height: 768 });
    await signIn(page, `${server.url}/desk/?counter=2`, 'canbo2', '123456');
    await page.locator('[data-action=call-next]').waitFor();
    // Configured priority groups: the known three in words, another by its code.
    await page.click('[data-action=issue]');
    const options = page.locator('.desk-dialog__options');
    await options.waitFor();
    expect(await options.innerText()).toMatch(/Không ưu tiên\s+Người cao tuổi\s+Phụ nữ mang thai\s+Người khuyết tật\s+thuong_binh/);
    expect(await page.locator('[data-print-warning]').count()).toBe(0);
    expect(await page.locator('input[name=print]').isChecked()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-printer-fault]').count()).toBe(0);

    writeFileSync(faultFile(server), 'paper_out');
    const res = await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
    expect(res.status).toBe(201);
    const banner = page.locator('[data-printer-fault]');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('Máy in phiếu đang lỗi: hết giấy — công dân lấy số sẽ thấy số trên màn hình');
    // The ticket whose paper did not come out is in the queue like any other.
    await page.locator('.desk__list .desk__num', { hasText: res.body.number as string }).waitFor();
    expect(await overflowing(page, '.desk__printer-fault strong, .desk__btn')).toEqual([]);
    // The banner pushes nothing off the 768-pixel screen: the last action button is still whole.
    const last = await page.locator('[data-action=issue]').boundingBox();
    expect(last && last.y + last.height).toBeLessThanOrEqual(768);
    await keepScreenshot(page, 'desk-printer-fault');

    await page.click('[data-action=issue]');
    const warning = page.locator('.desk-dialog [data-print-warning]');
    await warning.waitFor();
    expect(await warning.innerText()).toBe('Máy in phiếu đang lỗi (hết giấy): phiếu sẽ không in được. Hãy đọc số cho công dân.');
    expect(await page.locator('input[name=print]').isChecked()).toBe(false);
    // The officer still wants paper: the dialog then says it did not come out.
    await page.locator('input[name=print]').check();
    await page.click('.desk-dialog [data-service="chung-thuc"]');
    await page.locator('.desk-dialog__warn', { hasText: 'Phiếu không in được (hết giấy). Hãy đọc số này cho công dân.' }).waitFor();
    rmSync(faultFile(server));
    await page.context().close();
  });

  it('manager: the display settings form refuses a bad template in words and saves the notice line', async () => {
    const page = await newPage(browser, { width: 1280, height: 1000 });
    await signIn(page, `${server.url}/admin/`, 'quanly', '123456');
    await page.getByRole('tab', { name: 'Thiết lập' }).click();
    await page.getByRole('tab', { name: 'Màn hình gọi số' }).click();
    const template = page.locator('input[name=template]');
    await template.waitFor();
    expect(await template.inputValue()).toBe('Xin mời công dân có số thứ tự {number} đến quầy số {counter}');

    await template.fill('Xin mời công dân đến quầy số {counter}');
    await page.locator('.ds__problems', { hasText: 'Câu đọc phải có {number} để loa đọc số thứ tự.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Lưu thiết lập' }).isDisabled()).toBe(true);
    await template.fill('Mời số {number} đến quầy {counter}');
    await page.locator('.ds__preview', { hasText: 'Nghe sẽ là: “Mời số 1003 đến quầy 2”' }).waitFor();

    const notice = 'Trung tâm nghỉ trưa từ 11 giờ 30 đến 13 giờ 30. Xin cảm ơn quý công dân!';
    await page.fill('textarea[name=notice]', notice);
    await page.selectOption('select[name=repeat]', '3');
    await page.check('input[name=thousandWord][value="ngàn"]');
    await page.getByRole('button', { name: 'Lưu thiết lập' }).click();
    await page.locator('.display-settings .qms-notice', { hasText: 'Đã lưu. Các màn hình gọi số đã nhận thiết lập mới.' }).waitFor();
    await keepScreenshot(page, 'admin-display-settings');

    const saved = await client(server.url).get('/api/display/settings');
    expect(saved.body).toMatchObject({ notice, template: 'Mời số {number} đến quầy {counter}', repeat: 3, thousandWord: 'ngàn', zeroTensWord: 'linh', sound: true });
    await page.context().close();
  });
});
