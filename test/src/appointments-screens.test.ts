import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cspViolations, keepScreenshot, launchBrowser, newPage, signInOnPage } from './support/browser';
import { client, kioskToken, officerAt, startTestServer, testClock, type TestServer } from './support/server';

/** Monday 16/03/2026 in the demo center (slots every hour), 08:30 in Hà Nội. */
const at = (hhmm: string) => Date.parse(`2026-03-16T${hhmm}:00+07:00`);

describe('appointments in Chromium: book on the phone, check in by scanning at the kiosk, called at the booked time', () => {
  let server: TestServer;
  let browser: Browser;
  const clock = testClock(at('08:30'));
  const pages: Page[] = [];
  const open = async (viewport: { width: number; height: number }) => {
    const page = await newPage(browser, viewport);
    // The page's own "today" (the phone page offers days from it) is the server's.
    await page.clock.setFixedTime(clock.now());
    pages.push(page);
    return page;
  };
  beforeAll(async () => {
    server = await startTestServer({ withScreens: true, now: clock.now });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('books 09:00 for Đất đai at 360×640, checks in at 08:50 by scanner keystrokes alone, and is called at 09:00 before an earlier walk-in', async () => {
    // A walk-in for the same field takes a number at 08:31, before the booking is even made.
    clock.set(at('08:31'));
    const walkIn = await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'dat-dai' });
    expect(walkIn.status).toBe(201);

    // 1. The phone page: field, day, slot, the phone number only after the consent.
    const phone = await open({ width: 360, height: 640 });
    await phone.goto(`${server.url}/book/`);
    await phone.locator('.book-field', { hasText: 'Đất đai' }).click();
    await phone.locator('.book-slot[data-slot="09:00"]').waitFor();
    // The first day chip is the server's today; past hours are not offered.
    expect(await phone.locator('.book-day[aria-checked=true]').getAttribute('data-date')).toBe('2026-03-16');
    expect(await phone.locator('.book-slot[data-slot="08:00"]').count()).toBe(0);
    await keepScreenshot(phone, 'book-phone-slots');
    await phone.locator('.book-slot[data-slot="09:00"]').click();
    expect(await phone.locator('input[name=phone]').count()).toBe(0);
    await phone.getByText('Tôi đồng ý cung cấp số điện thoại này cho Trung tâm Phục vụ hành chính công chỉ để liên hệ về lịch hẹn này.', { exact: false }).click();
    await phone.fill('input[name=phone]', '0912 345 678');
    // The consent and the number field fit the 360-pixel screen: nothing cut at its right edge.
    for (const part of ['.book-phone', 'input[name=phone]', '.book-consent']) {
      const box = (await phone.locator(part).boundingBox())!;
      expect(box.x + box.width, part).toBeLessThanOrEqual(360);
    }
    await keepScreenshot(phone, 'book-phone-confirm');
    await phone.getByRole('button', { name: 'Đặt lịch', exact: true }).click();
    const codeText = phone.getByTestId('booking-code');
    await codeText.waitFor();
    const code = (await codeText.innerText()).trim();
    expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/);
    const page = await phone.locator('.book-booking').innerText();
    expect(page).toContain('Đất đai');
    expect(page).toContain('09:00 · Thứ Hai, 16/03/2026');
    expect(page).toContain('Nhận số tại máy lấy số từ 08:45 đến 09:10.');
    expect(page).not.toContain('0912'); // the number is never shown back
    expect(await phone.locator('svg.book-qr__code').isVisible()).toBe(true);
    // Nothing sticks out of a 360-pixel screen.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const link = new URL(phone.url());
    expect(link.pathname).toBe('/book/');
    expect(link.searchParams.get('code')).toBe(code);
    const ics = await phone.locator('a.book-ics').getAttribute('href');
    const calendar = await fetch(`${server.url}${ics}`);
    expect(calendar.headers.get('content-type')).toContain('text/calendar');
    expect(await calendar.text()).toContain(code);
    await keepScreenshot(phone, 'book-phone-booked');
    const stored = server.db.prepare(`SELECT p.phone, a.status, a.origin FROM appointments a LEFT JOIN appointment_phones p USING (code) WHERE a.code = ?`).get(code);
    expect(stored).toEqual({ phone: '0912345678', status: 'booked', origin: 'phone' });
    expect(cspViolations(phone)).toEqual([]);

    // 2. The kiosk at 08:50: the citizen holds the phone's QR code to the scanner. It types the booking link, fast,
    // then Enter; nobody touches the screen.
    clock.set(at('08:50'));
    const officer = await officerAt(server.url, 4);
    const kiosk = await open({ width: 1080, height: 1920 });
    await kiosk.goto(`${server.url}/kiosk/?token=${kioskToken}`);
    await kiosk.getByTestId('check-in-button').waitFor();
    await kiosk.locator('.kiosk-field', { hasText: 'Đất đai' }).waitFor();
    await keepScreenshot(kiosk, 'kiosk-check-in-home');
    await kiosk.keyboard.type(`${server.url}/book/?code=${code}&k=${link.searchParams.get('k')}`);
    await kiosk.keyboard.press('Enter');
    const card = kiosk.locator('.kiosk-card');
    await card.getByTestId('appointment-mark').waitFor();
    expect(await card.getByTestId('appointment-mark').innerText()).toBe('Lịch hẹn 09:00');
    const number = (await kiosk.getByTestId('ticket-number').innerText()).trim();
    expect(await card.innerText()).toContain('Mời đến quầy: 4');
    // Its paper comes out of the kiosk's printer, as for a walk-in.
    await card.getByText('Mời nhận phiếu ở khe máy in phía dưới.').waitFor();
    await keepScreenshot(kiosk, 'kiosk-check-in');
    const ticket = server.db.prepare(`SELECT channel, service_id AS serviceId FROM tickets WHERE number = ?`).get(number);
    expect(ticket).toEqual({ channel: 'appointment', serviceId: 'dat-dai' });
    await card.getByRole('button', { name: 'Xong' }).click();
    await card.waitFor({ state: 'detached' });

    // 3. The desk of counter 4 lists the booking as arrived; at 09:00 the booked ticket is called before the
    // walk-in who came at 08:31.
    clock.set(at('09:00'));
    const desk = await open({ width: 1366, height: 768 });
    await signInOnPage(desk, `${server.url}/desk/?counter=4`, 'canbo4');
    await desk.locator('[data-tab=bookings]').click();
    const row = desk.locator(`.desk__booking[data-booking="${code}"]`);
    await row.locator('.desk__state', { hasText: `Đã đến · số ${number}` }).waitFor();
    expect(await row.innerText()).toContain('09:00');
    const called = await officer.post('/api/counters/4/call-next', {});
    expect(called.status).toBe(200);
    expect(called.body.ticket.number).toBe(number);
    expect(walkIn.body.number).not.toBe(number);
    await desk.locator('.desk__current', { hasText: number }).waitFor();
    await keepScreenshot(desk, 'desk-bookings');
    for (const p of pages) expect(cspViolations(p)).toEqual([]);
  });

  it('the elderly keypad: early is told plainly when to come back; inside the window it gives the ticket; a bad scan asks again', async () => {
    clock.set(at('09:05'));
    const booked = await client(server.url).post('/api/appointments', { serviceId: 'xay-dung', slotStart: '2026-03-16T11:00:00+07:00' });
    expect(booked.status).toBe(201);
    const code = booked.body.code as string;

    clock.set(at('10:00'));
    const kiosk = await open({ width: 1080, height: 1920 });
    await kiosk.goto(`${server.url}/kiosk/?token=${kioskToken}`);
    // Something that is not a booking code: the keypad opens and says so, nothing is checked in.
    await kiosk.getByTestId('check-in-button').waitFor();
    await kiosk.keyboard.type('8934567890123');
    await kiosk.keyboard.press('Enter');
    await kiosk.getByText('Chưa đọc được mã lịch hẹn.', { exact: false }).waitFor();
    // Only the code's own characters are keys: no 0/O, 1/I/L, 2/Z, 5/S, 8/B.
    const keys = await kiosk.locator('.kiosk-key[data-key]').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')).join(''));
    expect(keys).toBe('34679ACDEFGHJKMNPQRTUVWXY');
    for (const ch of code.slice(0, 4)) await kiosk.locator(`.kiosk-key[data-key="${ch}"]`).click();
    await keepScreenshot(kiosk, 'kiosk-check-in-keypad');
    for (const ch of code.slice(4)) await kiosk.locator(`.kiosk-key[data-key="${ch}"]`).click();
    expect(await kiosk.getByTestId('typed-code').getAttribute('aria-label')).toBe(code);
    await kiosk.locator('[data-check-in]').click();
    const refused = kiosk.getByTestId('check-in-refused');
    await refused.waitFor();
    expect(await refused.innerText()).toContain('Ông/bà đến sớm: lịch hẹn lúc 11:00');
    expect(await refused.innerText()).toContain('từ 10:45');
    await keepScreenshot(kiosk, 'kiosk-check-in-early');
    expect(server.db.prepare(`SELECT status FROM appointments WHERE code = ?`).get(code)).toEqual({ status: 'booked' });

    // Back at 10:50 the same code, typed again, gives the ticket with the booking's mark.
    clock.set(at('10:50'));
    await refused.getByRole('button', { name: 'Nhập lại mã' }).click();
    for (const ch of code) await kiosk.locator(`.kiosk-key[data-key="${ch}"]`).click();
    await kiosk.locator('[data-check-in]').click();
    await kiosk.locator('.kiosk-card').getByTestId('appointment-mark').getByText('Lịch hẹn 11:00').waitFor();
    expect(server.db.prepare(`SELECT status FROM appointments WHERE code = ?`).get(code)).toEqual({ status: 'checked_in' });
    expect(cspViolations(kiosk)).toEqual([]);
  });

  it('admin: the day’s bookings per field, and rules that leave a booking outside are saved with a warning, never cancelling it', async () => {
    clock.set(at('11:00'));
    const booked = await client(server.url).post('/api/appointments', { serviceId: 'dat-dai', slotStart: '2026-03-16T14:00:00+07:00' });
    expect(booked.status).toBe(201);
    const code = booked.body.code as string;
    const admin = await open({ width: 1366, height: 768 });
    await signInOnPage(admin, `${server.url}/admin/#bookings`, 'admin', 'admin');
    const field = admin.locator('.admin-bookings__field[data-service="dat-dai"]');
    await field.locator(`tr[data-booking="${code}"]`).getByText('Chưa đến').waitFor();
    expect(await field.innerText()).toContain('Đã đến'); // the 09:00 booking checked in
    await keepScreenshot(admin, 'admin-bookings');

    await admin.goto(`${server.url}/admin/#setup/appointments`);
    const row = admin.locator('tr[data-service="dat-dai"]');
    await row.locator('input[type=checkbox]').uncheck();
    await admin.getByRole('button', { name: 'Lưu', exact: true }).click();
    const warning = admin.getByTestId('rules-affected');
    await warning.getByText(code).waitFor();
    expect(await warning.innerText()).toContain('vẫn được giữ nguyên, không bị hủy');
    await keepScreenshot(admin, 'admin-appointment-rules');
    expect(server.db.prepare(`SELECT status FROM appointments WHERE code = ?`).get(code)).toEqual({ status: 'booked' });
    expect(cspViolations(admin)).toEqual([]);
  });

  it('a check-in at the kiosk names the printer and the ticket link, as an issue does, so the kiosk waits for the paper', async () => {
    clock.set(at('11:50'));
    const booked = await client(server.url).post('/api/appointments', { serviceId: 'ho-tich', slotStart: '2026-03-16T12:00:00+07:00' });
    expect(booked.status).toBe(201);
    const res = await client(server.url, kioskToken).post(`/api/appointments/${booked.body.code}/check-in`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-qms-printer')).toMatch(/\S/);
    expect(res.headers.get('x-qms-printer')).not.toBe('none');
    expect(res.headers.get('x-qms-ticket-url')).toContain(`/t/${res.body.ticket.id}`);
  });

  it('desk: the officer books for a citizen on the phone, the number taken only with the consent read out', async () => {
    clock.set(at('12:00'));
    const desk = await open({ width: 1366, height: 768 });
    await signInOnPage(desk, `${server.url}/desk/?counter=4`, 'canbo4');
    await desk.locator('[data-tab=bookings]').click();
    await desk.locator('[data-book-for]').click();
    const dialog = desk.locator('.desk-dialog');
    await dialog.locator('select[name=serviceId]').selectOption('xay-dung');
    await dialog.locator('select[name=slot] option', { hasText: '15:00' }).waitFor({ state: 'attached' });
    await dialog.locator('select[name=slot]').selectOption({ label: '15:00 (còn 1 chỗ)' });
    expect(await dialog.locator('input[name=phone]').count()).toBe(0);
    await dialog.locator('input[name=consent]').check();
    await dialog.locator('input[name=phone]').fill('0987654321');
    await keepScreenshot(desk, 'desk-book-for-citizen');
    await dialog.getByRole('button', { name: 'Đặt lịch', exact: true }).click();
    const code = (await dialog.getByTestId('desk-booking-code').innerText()).trim();
    expect(await dialog.innerText()).toContain('lịch hẹn 15:00 ngày 16/03/2026, lĩnh vực Xây dựng');
    const stored = server.db.prepare(`SELECT p.phone, a.origin FROM appointments a LEFT JOIN appointment_phones p USING (code) WHERE a.code = ?`).get(code);
    expect(stored).toEqual({ phone: '0987654321', origin: 'desk' });
    await desk.keyboard.press('Escape');
    await desk.locator(`.desk__booking[data-booking="${code}"]`).getByText('Chưa đến').waitFor();
    expect(cspViolations(desk)).toEqual([]);
  });

  it('the booking’s own link (in English): change the time, then cancel; without its key it only shows the booking', async () => {
    clock.set(at('12:10'));
    const booked = await client(server.url).post('/api/appointments', { serviceId: 'bhxh', slotStart: '2026-03-16T16:00:00+07:00' });
    expect(booked.status).toBe(201);
    const { code, manageUrl } = booked.body as { code: string; manageUrl: string };
    const phone = await open({ width: 360, height: 640 });
    await phone.goto(`${server.url}${manageUrl}`);
    await phone.getByRole('button', { name: 'English' }).click();
    await phone.getByRole('button', { name: 'Change time' }).click();
    await phone.locator('.book-slot[data-slot="17:00"]').click();
    await phone.getByRole('button', { name: 'Change to this time' }).click();
    await phone.getByText('The booking is now at 17:00 · Monday, 16/03/2026.').waitFor();
    expect(server.db.prepare(`SELECT slot_start AS s FROM appointments WHERE code = ?`).get(code)).toEqual({ s: at('17:00') });
    await phone.getByRole('button', { name: 'Cancel booking' }).click();
    await phone.getByRole('alertdialog').getByRole('button', { name: 'Cancel booking' }).click();
    await phone.getByText('The booking is cancelled.').waitFor();
    expect(await phone.locator('.book-status').innerText()).toBe('Cancelled');
    expect(server.db.prepare(`SELECT status FROM appointments WHERE code = ?`).get(code)).toEqual({ status: 'cancelled' });

    // The code alone (someone who read it over a shoulder) shows the booking but offers no change.
    const open2 = await client(server.url).post('/api/appointments', { serviceId: 'bhxh', slotStart: '2026-03-16T18:00:00+07:00' });
    const other = await open({ width: 360, height: 640 });
    await other.goto(`${server.url}/book/?code=${open2.body.code}`);
    await other.locator('.book-status', { hasText: /Đã đặt lịch|Booked/ }).waitFor();
    expect(await other.locator('.book-booking').innerText()).toMatch(/không kèm đường dẫn riêng|without the booking’s own link/);
    expect(await other.getByRole('button', { name: /Hủy lịch hẹn|Cancel booking|Đổi giờ hẹn|Change time/ }).count()).toBe(0);
    expect(cspViolations(phone)).toEqual([]);
  });

  it('4. the bookings appear in the report: the 09:00 Đất đai booking as made and kept, its wait and punctuality', async () => {
    clock.set(at('12:30'));
    const page = await open({ width: 1366, height: 900 });
    await signInOnPage(page, `${server.url}/admin/#reports`, 'quanly');
    const block = page.locator('.reports__bookings');
    await block.getByRole('heading', { name: 'Lịch hẹn' }).waitFor();
    const cells = async (label: string) =>
      (await block.locator('tbody tr', { hasText: label }).first().locator('td').allInnerTexts()).map((t) => t.trim());
    // Made, kept, cancelled, no-show, still open, booked wait (median), walk-in wait (median), call − slot time (median).
    const land = await cells('Đất đai');
    expect(land.slice(1, 6)).toEqual(['2', '1', '0', '0', '1']);
    expect(land[6]).toBe('10 phút (10 phút)'); // checked in 08:50, called 09:00
    expect(land[8]).toBe('0 phút (0 phút)'); // called at its slot time
    // The day's bookings: 3 kept (Đất đai 09:00, Xây dựng 11:00, Hộ tịch 12:00), 1 cancelled, 3 still open.
    expect((await cells('Tổng cộng')).slice(1, 6)).toEqual(['7', '3', '1', '0', '3']);
    await keepScreenshot(block, 'admin-report-bookings');
    expect(cspViolations(page)).toEqual([]);
  });
});
