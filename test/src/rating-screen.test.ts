import type { Browser, Page } from 'playwright-core';
import { encode } from 'uqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepScreenshot, launchBrowser, newPage } from './support/browser';
import { keyFromIssue } from './support/rating-key';
import { client, demoConfig, kioskToken, officerAt, startTestServer, type TestServer } from './support/server';

describe('rating tablet and phone page in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let tablet: Page;
  let desk: Awaited<ReturnType<typeof officerAt>>;
  beforeAll(async () => {
    server = await startTestServer({ withScreens: true, config: demoConfig({ publicUrl: 'http://192.168.1.10:8080' }) });
    browser = await launchBrowser();
    desk = await officerAt(server.url, 2);
    tablet = await newPage(browser, { width: 1280, height: 800 });
    tablet.setDefaultTimeout(10_000);
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
    await tablet.locator('.rating__rest').waitFor({ timeout: 10_000 });
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
    expect(await phone.locator('.phone__status').innerText()).toBe('Còn 1 người đang chờ trước bạn');
    await keepScreenshot(phone, 'rating-phone-waiting');

    await desk.post('/api/counters/2/call-next'); // serves `ahead`
    expect((await desk.post('/api/counters/2/call-next')).body.ticket.id).toBe(t.id);
    await phone.locator('.phone__status', { hasText: 'Mời bạn đến quầy 2' }).waitFor({ timeout: 10_000 });
    await desk.post('/api/counters/2/finish');
    await phone.locator('.level--very_satisfied').waitFor({ timeout: 10_000 });
    await keepScreenshot(phone, 'rating-phone-ask');
    await phone.getByRole('button', { name: 'Rất hài lòng' }).click();
    await phone.locator('.phone__status--done', { hasText: 'Bạn đã đánh giá: Rất hài lòng' }).waitFor();
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
    expect(await phone.locator('.phone__status').innerText()).toBe('Bạn là người tiếp theo');
    expect((await desk.post('/api/counters/2/call-next')).body.ticket.id).toBe(t.id);
    await phone.locator('.phone__status', { hasText: 'Mời bạn đến quầy 2' }).waitFor({ timeout: 10_000 });
    await desk.post('/api/counters/2/finish');
    await phone.locator('.phone__status', { hasText: 'Để đánh giá, hãy quét mã QR trên phiếu của ông/bà.' }).waitFor({ timeout: 10_000 });
    expect(await phone.locator('.level').count()).toBe(0);
    expect(rating(t.id)).toBeUndefined();
    await tablet.getByRole('button', { name: 'Hài lòng', exact: true }).click();
    await tablet.locator('.rating__thanks').waitFor();
    await tablet.locator('.rating__rest').waitFor({ timeout: 10_000 });
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
    await phone.locator('.phone__status--done', { hasText: 'Bạn đã đánh giá: Bình thường' }).waitFor();
    expect(rating(id)).toMatchObject({ level: 'neutral', channel: 'phone', counter_id: 2 });
    await tablet.locator('.rating__thanks').waitFor();
  });
});
