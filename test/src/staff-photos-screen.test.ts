import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepScreenshot, launchBrowser, newPage, signInOnPage } from './support/browser';
import { getPhoto, testPng } from './support/photos';
import { officerAt, startTestServer, type TestServer } from './support/server';

/** The tablet's photo once it has really loaded (not a broken image). */
const loadedPhoto = (tablet: Page) =>
  tablet.locator('img.officer__photo').evaluate((img: HTMLImageElement) => (img.complete && img.naturalWidth > 0 ? { src: img.getAttribute('src'), width: img.naturalWidth } : null));

describe('officer photos: the manager uploads on the admin page, the counter’s tablet shows it', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Page;
  let tablet: Page;
  beforeAll(async () => {
    server = await startTestServer({ withScreens: true });
    browser = await launchBrowser();
    await officerAt(server.url, 2);
    tablet = await newPage(browser, { width: 1280, height: 800 });
    await tablet.goto(`${server.url}/rating/?token=demo-rating-token-0002&counter=2`);
    admin = await newPage(browser, { width: 1440, height: 1000 });
    await signInOnPage(admin, `${server.url}/admin/#staff`, 'quanly');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const canbo2 = () => server.db.prepare(`SELECT id FROM users WHERE username = 'canbo2'`).pluck().get() as number;
  const row = (username: string) => admin.locator(`.staff__item[data-staff="${username}"]`);

  it('lists the accounts with initials and the counter they are signed in at', async () => {
    await admin.getByRole('tab', { name: 'Cán bộ' }).and(admin.locator('[aria-selected=true]')).waitFor();
    await row('canbo2').waitFor();
    expect(await row('canbo2').locator('.staff__name').innerText()).toBe('Lê Thị Bình');
    expect(await row('canbo2').locator('.staff__where').innerText()).toBe('Cán bộ · Đang ở quầy 2');
    expect(await row('canbo3').locator('.staff__where').innerText()).toBe('Cán bộ · Chưa đăng nhập quầy');
    expect(await row('quanly').locator('.staff__where').innerText()).toBe('Quản lý · Chưa đăng nhập quầy');
    expect(await row('canbo2').locator('.staff__photo--initials').innerText()).toBe('TB');
    expect(await row('canbo2').getByRole('button', { name: 'Xóa ảnh' }).isDisabled()).toBe(true);
    await tablet.locator('.officer__name', { hasText: 'Lê Thị Bình' }).waitFor();
    await tablet.locator('.officer__photo--initials', { hasText: 'TB' }).waitFor();
  });

  it('"Tải ảnh lên" stores the PNG and the tablet at counter 2 shows it without a reload', async () => {
    const png = testPng('#1f6feb', 120);
    await row('canbo2').locator('input[type=file]').setInputFiles({ name: 'le-thi-binh.png', mimeType: 'image/png', buffer: png });
    await row('canbo2').locator('.qms-notice', { hasText: 'Đã lưu ảnh mới.' }).waitFor();
    await row('canbo2').locator('img.staff__photo').waitFor();
    expect(await row('canbo2').locator('img.staff__photo').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(120);

    await expect.poll(() => loadedPhoto(tablet), { timeout: 20_000 }).toMatchObject({ width: 120 });
    await keepScreenshot(tablet, 'rating-rest-photo');
    const src = (await loadedPhoto(tablet))!.src!;
    expect(src).toMatch(/^\/api\/staff\/\d+\/photo\?v=\d+$/);
    expect(src).toContain(`/api/staff/${canbo2()}/photo`);
    const served = await getPhoto(server.url, canbo2());
    expect(served.type).toBe('image/png');
    expect(served.bytes.equals(png)).toBe(true);

    // A second officer with a photo, so the screenshot shows both kinds of rows.
    await row('canbo1').locator('input[type=file]').setInputFiles({ name: 'tran-van-an.png', mimeType: 'image/png', buffer: testPng('#2f8f5b', 120) });
    await row('canbo1').locator('.qms-notice', { hasText: 'Đã lưu ảnh mới.' }).waitFor();
    await keepScreenshot(admin, 'admin-staff');

    // A new photo over the old one: a new address, and the tablet follows.
    await row('canbo2').locator('input[type=file]').setInputFiles({ name: 'moi.png', mimeType: 'image/png', buffer: testPng('#c04040', 80) });
    await expect.poll(() => loadedPhoto(tablet), { timeout: 20_000 }).toMatchObject({ width: 80 });
    expect((await loadedPhoto(tablet))!.src).not.toBe(src);
  });

  it('a file that is not a photo shows the server’s words and changes nothing', async () => {
    const before = await getPhoto(server.url, canbo2());
    await row('canbo2').locator('input[type=file]').setInputFiles({ name: 'anh.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1') });
    await row('canbo2').locator('.qms-error', { hasText: 'Chỉ nhận ảnh JPG, PNG hoặc WebP (tệp đã gửi có kiểu "image/gif")' }).waitFor();
    await row('canbo2').locator('input[type=file]').setInputFiles({ name: 'doi-duoi.png', mimeType: 'image/png', buffer: Buffer.from('không phải ảnh') });
    await row('canbo2').locator('.qms-error', { hasText: 'Nội dung tệp không phải ảnh PNG như tên gọi' }).waitFor();
    await row('canbo2').locator('input[type=file]').setInputFiles({ name: 'lon.png', mimeType: 'image/png', buffer: Buffer.alloc(2 * 1024 * 1024 + 1) });
    await row('canbo2').locator('.qms-error', { hasText: 'Ảnh quá lớn; tối đa 2 MB.' }).waitFor();
    expect((await getPhoto(server.url, canbo2())).bytes.equals(before.bytes)).toBe(true);
    expect(await loadedPhoto(tablet)).toMatchObject({ width: 80 });
  });

  it('"Xóa ảnh" removes it and the tablet falls back to the initials', async () => {
    await row('canbo2').getByRole('button', { name: 'Xóa ảnh' }).click();
    await row('canbo2').locator('.qms-notice', { hasText: 'Đã xóa ảnh.' }).waitFor();
    await row('canbo2').locator('.staff__photo--initials').waitFor();
    await tablet.locator('.officer__photo--initials', { hasText: 'TB' }).waitFor();
  });

  it('another manager\'s open staff list shows an upload and a removal without a reload', async () => {
    const other = await newPage(browser, { width: 1440, height: 1000 });
    await signInOnPage(other, `${server.url}/admin/#staff`, 'admin', 'admin');
    const there = other.locator('.staff__item[data-staff="canbo3"]');
    await there.locator('.staff__photo--initials').waitFor();

    await row('canbo3').locator('input[type=file]').setInputFiles({ name: 'canbo3.png', mimeType: 'image/png', buffer: testPng('#2da44e', 90) });
    await expect.poll(() => there.locator('img.staff__photo').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 20_000 }).toBe(90);
    await row('canbo3').getByRole('button', { name: 'Xóa ảnh' }).click();
    await there.locator('.staff__photo--initials').waitFor();
    await other.close();
  });
});
