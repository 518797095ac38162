import type { Browser, Page } from 'playwright-core';
import { encode } from 'uqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepScreenshot, launchBrowser, newPage } from './support/browser';
import { putPhoto, testPng } from './support/photos';
import { keyFromIssue } from './support/rating-key';
import { client, demoConfig, kioskToken, login, officerAt, startTestServer, type TestServer } from './support/server';

/** Everything the phone page says addresses the citizen as "ông/bà", never "bạn". */
const saysOngBa = async (phone: Page) => {
  const text = await phone.locator('body').innerText();
  expect(text).not.toMatch(/bạn/i);
  return text;
};

/** Every answer button lies inside the screen as first shown (no scrolling), is a ≥ 48 px target, and nothing sits on it. */
async function answersFit(phone: Page, size: { width: number; height: number }, levels: number) {
  expect(await phone.evaluate(() => window.scrollY)).toBe(0);
  const buttons = phone.locator('.level');
  expect(await buttons.count()).toBe(levels);
  const demo = await phone.locator('.qms-demo').boundingBox();
  for (let i = 0; i < levels; i++) {
    const box = (await buttons.nth(i).boundingBox())!;
    expect(box.y, `answer ${i + 1} at ${size.width}×${size.height}`).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, `answer ${i + 1} at ${size.width}×${size.height}`).toBeLessThanOrEqual(size.height);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(size.width);
    expect(box.height).toBeGreaterThanOrEqual(48);
    expect(box.width).toBeGreaterThanOrEqual(48);
    if (demo) {
      const apart = demo.y >= box.y + box.height || demo.y + demo.height <= box.y || demo.x >= box.x + box.width || demo.x + demo.width <= box.x;
      expect(apart, `the DEMO badge covers answer ${i + 1}`).toBe(true);
    }
  }
}

describe('rating tablet and phone page in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let tablet: Page;
  let desk: Awaited<ReturnType<typeof officerAt>>;
  const photoRequests: string[] = [];
  beforeAll(async () => {
    server = await startTestServer({ withScreens: true, config: demoConfig({ publicUrl: 'http://192.168.1.10:8080' }) });
    browser = await launchBrowser();
    desk = await officerAt(server.url, 2);
    tablet = await newPage(browser, { width: 1280, height: 800 });
    tablet.setDefaultTimeout(20_000);
    tablet.on('request', (r) => {
      if (r.url().includes('/photo')) photoRequests.push(r.url());
    });
    await tablet.goto(`${server.url}/rating/?token=demo-rating-token-0002&counter=2`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const issue = async () => {
    const res = await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
    return { ...(res.body as { id: string; number: string }), key: keyFromIssue(res) };
  };
  const rating = (ticketId: string) => server.db.prepare(`SELECT * FROM ratings WHERE ticket_id = ?`).get(ticketId) as Record<string, unknown> | undefined;
  const canbo2 = () => server.db.prepare(`SELECT id FROM users WHERE username = 'canbo2'`).pluck().get();

  it('at rest shows the counter, the officer with title, and the ticket being served', async () => {
    const t = await issue();
    await desk.post('/api/counters/2/call-next');
    await tablet.locator('.officer__name', { hasText: 'Lê Thị Bình' }).waitFor();
    await tablet.locator('.qms-bignum__value', { hasText: t.number }).waitFor();
    expect(await tablet.locator('.officer__title').innerText()).toBe('Công chức Tư pháp – Hộ tịch');
    expect(await tablet.locator('.rating__counter').innerText()).toBe('Quầy 2');
    // canbo2 has no photo (photoVersion null): initials, and the photo address is never asked for (no 404).
    expect(await tablet.locator('.officer__photo--initials').innerText()).toBe('TB');
    expect(await tablet.locator('img.officer__photo').count()).toBe(0);
    expect(photoRequests).toEqual([]);
    await keepScreenshot(tablet, 'rating-rest');

    await desk.post('/api/counters/2/finish', { dossierCode: 'HT-260316-0001' });
    await tablet.locator('.level--satisfied').waitFor();
    expect(await tablet.locator('.level__label').allInnerTexts()).toEqual(['Rất hài lòng', 'Hài lòng', 'Bình thường', 'Không hài lòng']);
    expect(await tablet.locator('.rating__ask-head').innerText()).toContain(t.number);
    await keepScreenshot(tablet, 'rating-ask');

    await tablet.getByRole('button', { name: 'Hài lòng', exact: true }).click();
    await tablet.locator('.rating__thanks').waitFor();
    expect(rating(t.id)).toMatchObject({ level: 'satisfied', channel: 'tablet', counter_id: 2, staff_id: canbo2(), service_id: 'ho-tich', dossier_code: 'HT-260316-0001' });
    await keepScreenshot(tablet, 'rating-thanks');
    await tablet.locator('.rating__rest').waitFor({ timeout: 20_000 });
  });

  it('a low rating asks for reasons and a comment, then stores them', async () => {
    const t = await issue();
    await desk.post('/api/counters/2/call-next');
    await desk.post('/api/counters/2/finish');
    await tablet.getByRole('button', { name: 'Không hài lòng', exact: true }).click();
    await tablet.getByRole('button', { name: 'Thời gian chờ lâu' }).click();
    await tablet.getByRole('button', { name: 'Phải đi lại nhiều lần' }).click();
    await tablet.locator('textarea').fill('Nên thêm ghế chờ');
    await keepScreenshot(tablet, 'rating-reasons');
    await tablet.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await tablet.locator('.rating__thanks').waitFor();
    expect(rating(t.id)).toMatchObject({ level: 'dissatisfied', reasons: '["waiting_time","came_back_several_times"]', comment: 'Nên thêm ghế chờ', channel: 'tablet' });
  });

  it('the ticket QR opens the phone page: place in the queue while waiting, then the same rating, once', async () => {
    const ahead = await issue();
    const t = await issue();
    const phone = await newPage(browser, { width: 390, height: 844 });
    await phone.goto(`${server.url}/t/${t.id}?k=${t.key}`);
    await phone.locator('.phone__number', { hasText: t.number }).waitFor();
    expect(await phone.locator('.phone__status').innerText()).toBe('Còn 1 người đang chờ trước ông/bà');
    expect(await phone.locator('.phone__head').innerText()).toContain('Số thứ tự của ông/bà');
    expect(await phone.locator('.phone__service').innerText()).toBe('Hộ tịch');
    await saysOngBa(phone);
    await keepScreenshot(phone, 'rating-phone-waiting');

    await desk.post('/api/counters/2/call-next'); // serves `ahead`
    expect((await desk.post('/api/counters/2/call-next')).body.ticket.id).toBe(t.id);
    await phone.locator('.phone__status', { hasText: 'Mời ông/bà đến quầy 2' }).waitFor({ timeout: 20_000 });
    await saysOngBa(phone);
    await desk.post('/api/counters/2/finish');
    await phone.locator('.level--very_satisfied').waitFor({ timeout: 20_000 });
    expect(await phone.locator('.rating__question').innerText()).toBe('Ông/Bà có hài lòng với việc tiếp nhận, giải quyết hồ sơ tại quầy?');
    await saysOngBa(phone);
    await phone.getByRole('button', { name: 'Rất hài lòng' }).click();
    await phone.locator('.phone__status--done', { hasText: 'Ông/Bà đã đánh giá: Rất hài lòng. Cảm ơn ông/bà!' }).waitFor();
    await saysOngBa(phone);
    expect(rating(t.id)).toMatchObject({ level: 'very_satisfied', channel: 'phone', counter_id: 2, staff_id: canbo2() });
    expect(rating(ahead.id)).toBeUndefined();
    // The tablet that was asking about the same ticket stops: it was rated on the phone.
    await tablet.locator('.rating__thanks').waitFor();
  });
  it('without the key the phone page still follows the queue but asks to scan the QR, and shows no rating buttons', async () => {
    const t = await issue();
    const phone = await newPage(browser, { width: 390, height: 844 });
    await phone.goto(`${server.url}/t/${t.id}`);
    await phone.locator('.phone__number', { hasText: t.number }).waitFor();
    expect(await phone.locator('.phone__status').innerText()).toBe('Ông/Bà là người tiếp theo');
    expect((await desk.post('/api/counters/2/call-next')).body.ticket.id).toBe(t.id);
    await phone.locator('.phone__status', { hasText: 'Mời ông/bà đến quầy 2' }).waitFor({ timeout: 20_000 });
    await desk.post('/api/counters/2/finish');
    await phone.locator('.phone__status', { hasText: 'Để đánh giá, hãy quét mã QR trên phiếu của ông/bà.' }).waitFor({ timeout: 20_000 });
    expect(await phone.locator('.level').count()).toBe(0);
    expect(rating(t.id)).toBeUndefined();
    await tablet.getByRole('button', { name: 'Hài lòng', exact: true }).click();
    await tablet.locator('.rating__thanks').waitFor();
    await tablet.locator('.rating__rest').waitFor({ timeout: 20_000 });
  });

  it('the kiosk’s QR carries the key: the link it encodes opens a phone page that can rate', async () => {
    const kiosk = await newPage(browser, { width: 1080, height: 1920 });
    const issued = kiosk.waitForResponse((r) => r.url().endsWith('/api/tickets') && r.request().method() === 'POST');
    await kiosk.goto(`${server.url}/kiosk/?token=${kioskToken}`);
    await kiosk.locator('.kiosk-field', { hasText: 'Hộ tịch' }).click();
    const res = await issued;
    const link = res.headers()['x-qms-ticket-url']!;
    const { id } = (await res.json()) as { id: string };
    expect(link).toBe(`http://192.168.1.10:8080/t/${id}?k=${server.floor.ratings.keyOf(id)}`);
    // The squares on the screen are the QR of exactly that link (same encoder and settings as kiosk-ui/src/Qr.tsx).
    const qr = encode(link, { ecc: 'M', border: 2 });
    let squares = '';
    qr.data.forEach((row, y) => row.forEach((on, x) => on && (squares += `M${x} ${y}h1v1h-1z`)));
    expect(await kiosk.locator('svg.kiosk-qr path').getAttribute('d')).toBe(squares);
    await kiosk.close();

    await desk.post('/api/counters/2/call-next');
    await desk.post('/api/counters/2/finish');
    const phone = await newPage(browser, { width: 390, height: 844 });
    const url = new URL(link);
    await phone.goto(`${server.url}${url.pathname}${url.search}`);
    await phone.getByRole('button', { name: 'Bình thường' }).click();
    await phone.locator('.phone__status--done', { hasText: 'Ông/Bà đã đánh giá: Bình thường' }).waitFor();
    expect(rating(id)).toMatchObject({ level: 'neutral', channel: 'phone', counter_id: 2 });
    await tablet.locator('.rating__thanks').waitFor();
  });
  it('every answer shows without scrolling on small phones (360 × 640, 320 × 568), in both languages', async () => {
    const t = await issue();
    const phones: Page[] = [];
    for (const [size, lang] of [
      [{ width: 360, height: 640 }, 'vi'],
      [{ width: 320, height: 568 }, 'vi'],
      [{ width: 360, height: 640 }, 'en'],
      [{ width: 320, height: 568 }, 'en'],
    ] as const) {
      const phone = await newPage(browser, size);
      phones.push(phone);
      await phone.goto(`${server.url}/t/${t.id}?k=${t.key}`);
      await phone.locator('.phone__number', { hasText: t.number }).waitFor();
      if (lang === 'en') {
        await phone.getByRole('button', { name: 'English' }).click();
        // The field in English, as the kiosk names it, not the Vietnamese name the ticket carries.
        await phone.locator('.phone__service', { hasText: 'Civil status' }).waitFor();
        expect(await phone.locator('.phone__head').innerText()).toContain('Your ticket number');
        if (size.width === 360) await keepScreenshot(phone, 'rating-phone-waiting-en');
      } else {
        expect(await phone.locator('.phone__service').innerText()).toBe('Hộ tịch');
      }
    }
    expect((await desk.post('/api/counters/2/call-next')).body.ticket.id).toBe(t.id);
    await desk.post('/api/counters/2/finish');
    for (const [i, phone] of phones.entries()) {
      await phone.locator('.level--dissatisfied').waitFor({ timeout: 20_000 });
      const size = phone.viewportSize()!;
      await answersFit(phone, size, 4);
      if (i < 2) await saysOngBa(phone);
      if (i === 0) await keepScreenshot(phone, 'rating-phone-ask');
      if (i === 1) await keepScreenshot(phone, 'rating-phone-ask-320');
    }
    expect(await phones[3]!.locator('.level__label').allInnerTexts()).toEqual(['Very satisfied', 'Satisfied', 'Neutral', 'Dissatisfied']);
    expect(await phones[3]!.locator('.phone__service').innerText()).toBe('Civil status');
    await phones[1]!.getByRole('button', { name: 'Bình thường' }).click();
    await phones[1]!.locator('.phone__status--done', { hasText: 'Ông/Bà đã đánh giá: Bình thường. Cảm ơn ông/bà!' }).waitFor();
    await keepScreenshot(phones[1]!, 'rating-phone-rated');
    await tablet.locator('.rating__thanks').waitFor();
    expect(await tablet.locator('.rating__thanks h1').innerText()).toBe('Cảm ơn ông/bà đã đánh giá!');
    for (const phone of phones) await phone.close();
    await tablet.locator('.rating__rest').waitFor({ timeout: 20_000 });
  });

  it('the phone says "ông/bà" on hold, after a no-show and for an unknown ticket too', async () => {
    const held = await issue();
    const phone = await newPage(browser, { width: 360, height: 640 });
    await phone.goto(`${server.url}/t/${held.id}?k=${held.key}`);
    await phone.locator('.phone__number', { hasText: held.number }).waitFor();
    expect((await desk.post('/api/counters/2/call-next')).body.ticket.id).toBe(held.id);
    expect((await desk.post('/api/counters/2/hold')).status).toBe(200);
    await phone.locator('.phone__status', { hasText: 'Hồ sơ đang tạm giữ; cán bộ sẽ gọi lại ông/bà.' }).waitFor({ timeout: 20_000 });
    await saysOngBa(phone);

    const absent = await issue();
    await phone.goto(`${server.url}/t/${absent.id}?k=${absent.key}`);
    expect((await desk.post('/api/counters/2/call-next')).body.ticket.id).toBe(absent.id);
    expect((await desk.post('/api/counters/2/no-show')).status).toBe(200);
    await phone.locator('.phone__status', { hasText: 'Số này đã bị bỏ qua vì vắng mặt. Xin ông/bà liên hệ quầy hướng dẫn.' }).waitFor({ timeout: 20_000 });
    await saysOngBa(phone);

    await phone.goto(`${server.url}/rating/phone/?ticket=khong-co-so-nay`);
    await phone.locator('.qms-error', { hasText: 'Không tìm thấy số thứ tự. Xin ông/bà quét lại mã QR trên phiếu.' }).waitFor();
    await saysOngBa(phone);
    await phone.close();
  });

  it('an upright tablet (800 × 1280) shows the answers two a row, each ≥ 200 px tall and inside the screen; landscape keeps one row', async () => {
    const size = { width: 800, height: 1280 };
    const upright = await newPage(browser, size);
    await upright.goto(`${server.url}/rating/?token=demo-rating-token-0002&counter=2`);
    await upright.locator('.rating__rest').waitFor();
    await issue();
    await desk.post('/api/counters/2/call-next');
    await desk.post('/api/counters/2/finish');
    await upright.locator('.level--satisfied').waitFor();
    await tablet.locator('.level--satisfied').waitFor();
    expect(await upright.evaluate(() => window.scrollY)).toBe(0);
    const boxes = await Promise.all([0, 1, 2, 3].map(async (i) => (await upright.locator('.level').nth(i).boundingBox())!));
    for (const [i, box] of boxes.entries()) {
      expect(box.height, `answer ${i + 1}`).toBeGreaterThanOrEqual(200);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(size.height);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(size.width);
    }
    // Two rows of two.
    expect(boxes[0]!.y).toBe(boxes[1]!.y);
    expect(boxes[2]!.y).toBe(boxes[3]!.y);
    expect(boxes[2]!.y).toBeGreaterThan(boxes[0]!.y + boxes[0]!.height);
    // Each label on at most two lines.
    for (const label of await upright.locator('.level__label').all()) {
      const lines = await label.evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
      expect(lines).toBeLessThanOrEqual(2);
    }
    await keepScreenshot(upright, 'rating-ask-portrait');
    // The landscape tablet (1280 × 800) still shows the four answers in one row.
    const row = await Promise.all([0, 1, 2, 3].map(async (i) => (await tablet.locator('.level').nth(i).boundingBox())!.y));
    expect(new Set(row).size).toBe(1);
    await upright.getByRole('button', { name: 'Rất hài lòng', exact: true }).click();
    await upright.locator('.rating__thanks').waitFor();
    await upright.close();
  });

  it('a tablet whose token belongs to another counter says so instead of loading forever', async () => {
    const page = await newPage(browser, { width: 1280, height: 800 });
    await page.goto(`${server.url}/rating/?token=demo-rating-token-0001&counter=3`);
    await page.locator('.rating__setup h1', { hasText: 'Mã thiết bị này thuộc quầy khác: kiểm tra ?counter= trong địa chỉ.' }).waitFor();
    expect(await page.locator('.qms-loading').count()).toBe(0);
    expect(await page.locator('.qms-banner').count()).toBe(0);
    await keepScreenshot(page, 'rating-token-other-counter');
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('.rating__setup h1', { hasText: 'This device token belongs to another counter: check ?counter= in the address.' }).waitFor();
    await page.close();
  });

  it('a tablet opened without ?counter= says how to fix its address instead of loading forever', async () => {
    const page = await newPage(browser, { width: 1280, height: 800 });
    await page.goto(`${server.url}/rating/?token=demo-rating-token-0002`);
    await page.locator('.rating__setup h1', { hasText: 'Thiếu số quầy' }).waitFor();
    expect(await page.locator('.rating__setup-how').innerText()).toBe('Mở trang với ?counter=<số quầy>, ví dụ: /rating/?counter=1');
    expect(await page.locator('.qms-loading').count()).toBe(0);
    expect(await page.locator('.qms-banner').count()).toBe(0);
    await keepScreenshot(page, 'rating-no-counter');
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('.rating__setup h1', { hasText: 'Counter number missing' }).waitFor();
    expect(await page.locator('.rating__setup-how').innerText()).toBe('Open the page with ?counter=<counter number>, e.g. /rating/?counter=1');

    await page.goto(`${server.url}/rating/?counter=abc`);
    await page.locator('.rating__setup h1', { hasText: 'Counter number “abc” is not valid' }).waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.locator('.rating__setup h1', { hasText: 'Số quầy “abc” không hợp lệ' }).waitFor();

    // The token given with the first address was remembered: adding the counter is all the fix needs.
    await page.goto(`${server.url}/rating/?counter=2`);
    await page.locator('.officer__name', { hasText: 'Lê Thị Bình' }).waitFor();
    expect(await page.locator('.qms-banner').count()).toBe(0);
    await page.close();
  });

  it('once the manager sets a photo, the tablet asks for it by its version', async () => {
    const manager = await login(server.url, 'quanly');
    const up = await putPhoto(server.url, canbo2() as number, testPng('#1f6feb', 100), { token: manager, type: 'image/png' });
    expect(up.status).toBe(200);
    await expect
      .poll(() => tablet.locator('img.officer__photo').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth).catch(() => 0), { timeout: 10_000 })
      .toBe(100);
    expect(photoRequests).toEqual([`${server.url}/api/staff/${canbo2()}/photo?v=${up.body.photoVersion}`]);
  });
});
