import { io, type Socket } from 'socket.io-client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, FloorEvent, ServerToClientEvents, SocketAuth } from '@qms/protocol';
import { keepScreenshot, launchBrowser, newPage, signInOnPage } from './support/browser';
import { client, kioskToken, officerAt, startTestServer, type TestServer } from './support/server';

type FloorSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

function listen(url: string, auth: SocketAuth) {
  const socket: FloorSocket = io(url, { auth, transports: ['websocket'] });
  const events: FloorEvent[] = [];
  socket.on('event', (e) => events.push(e));
  return { socket, events, ready: new Promise<void>((r) => socket.once('snapshot', () => r())) };
}

/**
 * Signs in on the desk page and takes the counter with its button, as the officer does at the start of the day;
 * `again`: the counter is already theirs, the desk carries on without asking.
 */
async function openDesk(page: Page, url: string, counter: number, again = false) {
  await signInOnPage(page, `${url}/desk/?counter=${counter}`, `canbo${counter}`);
  if (!again) await page.click('[data-action=sign-in]');
  await page.locator('[data-action=call-next]:not([disabled])').waitFor();
}

const statusOf = (server: TestServer, number: string) => (server.db.prepare(`SELECT status FROM tickets WHERE number = ?`).get(number) as { status: string }).status;

describe('desk console in Chromium at 1366×768', () => {
  let server: TestServer;
  let browser: Browser;
  const sockets: FloorSocket[] = [];
  beforeAll(async () => {
    server = await startTestServer({ withScreens: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await browser?.close();
    await server?.stop();
  });

  it('sign in, call next, recall, transfer, finish with a dossier code; the display and the rating tablet hear it', async () => {
    const display = listen(server.url, { role: 'display', token: 'demo-display-token-0001' });
    const rating = listen(server.url, { role: 'rating', counterId: 2, token: 'demo-rating-token-0002' });
    sockets.push(display.socket, rating.socket);
    await Promise.all([display.ready, rating.ready]);
    const kiosk = client(server.url, kioskToken);
    for (const body of [{ serviceId: 'ho-tich' }, { serviceId: 'ho-tich' }, { serviceId: 'nguoi-co-cong' }, { serviceId: 'ho-tich', priority: 'elderly' }, { serviceId: 'ho-tich' }]) {
      expect((await kiosk.post('/api/tickets', body)).status).toBe(201);
    }

    const page = await newPage(browser, { width: 1366, height: 768 });
    await openDesk(page, server.url, 2);
    await page.locator('.desk__row').first().waitFor();
    expect(await page.locator('.desk__list .desk__num').allInnerTexts()).toEqual(['1003', '1001', '1002', '1004', '6001']);

    // Call next by its key: the priority ticket first.
    await page.locator('[data-action=call-next]:not([disabled])').waitFor();
    expect(await page.locator('[data-action=call-next] kbd').innerText()).toBe('G');
    await page.keyboard.press('g');
    await page.locator('.desk__current', { hasText: '1003' }).waitFor();
    await page.click('[data-action=recall]');
    await page.locator('.desk__current', { hasText: 'Đã gọi 2 lần' }).waitFor();
    await officerAt(server.url, 3); // a ticket goes only to an open counter
    await page.click('[data-action=transfer]');
    // Counter 3 is open, the land counter 4 is not: the dialog says which fields nobody serves now.
    expect(await page.locator('.desk-dialog [data-service="chung-thuc"]').innerText()).toBe('Chứng thực');
    expect(await page.locator('.desk-dialog [data-service="dat-dai"]').innerText()).toBe('Đất đai · chưa có quầy mở');
    await page.click('.desk-dialog [data-counter="3"]');
    await page.locator('.desk__current', { hasText: 'Chưa gọi số nào' }).waitFor();
    expect(await page.locator('.desk__notice [role=status]').innerText()).toBe('Đã chuyển số 1003 sang quầy 3.');

    await page.click('[data-action=call-next]');
    await page.locator('.desk__current', { hasText: '1001' }).waitFor();
    // The floor event comes before the HTTP reply; a key pressed while the call is still in flight is dropped on purpose.
    await page.locator('[data-action=start]:not([disabled])').waitFor();
    await page.keyboard.press('b'); // start
    await page.locator('.desk__current', { hasText: 'Đang phục vụ' }).waitFor();
    await page.fill('input[name=dossierCode]', 'H23.22-260316-0007');
    await page.fill('input[name=procedure]', 'Đăng ký khai sinh');
    // The queue follows: 1003 went to counter 3, 1001 is being served.
    await expect.poll(() => page.locator('.desk__list .desk__num').allInnerTexts(), { timeout: 20_000 }).toEqual(['1002', '1004', '6001']);
    await keepScreenshot(page, 'desk-serving');
    await page.press('input[name=dossierCode]', 'Enter'); // a scanner ends the code with Enter: finish
    await page.locator('.desk__current', { hasText: 'Chưa gọi số nào' }).waitFor();
    await page.locator('.desk__day .desk__figure-value').first().filter({ hasText: '1' }).waitFor();

    const finished = server.db.prepare(`SELECT t.number, t.dossier_code AS code, e.payload FROM events e JOIN tickets t ON t.id = e.ticket_id WHERE e.type = 'ticket.finished'`).all();
    expect(finished).toEqual([{ number: '1001', code: 'H23.22-260316-0007', payload: expect.stringContaining('"procedure":"Đăng ký khai sinh"') }]);
    const transferred = server.db.prepare(`SELECT target_counter_id AS target, status FROM tickets WHERE number = '1003'`).get();
    expect(transferred).toEqual({ target: 3, status: 'waiting' });

    const calls = (events: FloorEvent[]) => events.flatMap((e) => (e.type === 'ticket.called' ? [`${e.call.ticket.number}${e.call.recall ? ' again' : ''} → ${e.call.counterNumber}`] : []));
    await expect.poll(() => calls(display.events), { timeout: 20_000 }).toEqual(['1003 → 2', '1003 again → 2', '1001 → 2']);
    expect(calls(rating.events)).toEqual(['1003 → 2', '1003 again → 2', '1001 → 2']);
    const updates = (events: FloorEvent[]) => events.flatMap((e) => (e.type === 'ticket.updated' ? [`${e.ticket.number} ${e.change}`] : []));
    // The transferred ticket belongs to no counter any more; the tablet learns it left from the counter update.
    await expect.poll(() => updates(rating.events), { timeout: 20_000 }).toEqual(['1001 started', '1001 finished']);
    const counter2 = rating.events.flatMap((e) => (e.type === 'counter.updated' && e.counter.id === 2 ? [e.counter.currentTicket?.number ?? null] : []));
    expect(counter2).toEqual(expect.arrayContaining(['1003', null, '1001']));
    expect(rating.events.find((e) => e.type === 'ticket.updated' && e.change === 'finished')).toMatchObject({ ticket: { dossierCode: null } }); // the dossier code is for staff only
    expect(display.events.some((e) => e.type === 'counter.updated' && e.counter.id === 2 && e.counter.currentTicket === null)).toBe(true);

    // Picking out of order is logged as such.
    await page.locator('.desk__list .desk__row', { hasText: '6001' }).getByRole('button').click();
    await page.locator('.desk__current', { hasText: '6001' }).waitFor();
    const picked = server.db.prepare(`SELECT payload FROM events e JOIN tickets t ON t.id = e.ticket_id WHERE e.type = 'ticket.called' AND t.number = '6001'`).get() as { payload: string };
    expect(JSON.parse(picked.payload)).toMatchObject({ reason: 'picked' });
  });

  it('issues a priority ticket for a citizen at the desk, shown as a number', async () => {
    const page = await newPage(browser, { width: 1366, height: 768 });
    await signInOnPage(page, `${server.url}/desk/?counter=2`, 'canbo2');
    await page.locator('[data-action=issue]:not([disabled])').waitFor();
    await page.locator('.desk__count', { hasText: /\d/ }).waitFor(); // the queue is drawn (for the screenshots)
    await page.keyboard.press('s');
    await page.locator('.desk-dialog').waitFor();
    await page.getByLabel('Người cao tuổi').check();
    await page.getByLabel('In phiếu ở máy lấy số').uncheck();
    await page.click('.desk-dialog [data-service="chung-thuc"]');
    await page.locator('.desk-dialog__number').waitFor();
    const number = await page.locator('.desk-dialog__number').innerText();
    await keepScreenshot(page, 'desk-issued');
    const row = server.db.prepare(`SELECT channel, priority, service_id AS serviceId FROM tickets WHERE number = ?`).get(number);
    expect(row).toEqual({ channel: 'desk', priority: 'elderly', serviceId: 'chung-thuc' });
    await page.keyboard.press('Escape');
    await page.locator('.desk-dialog').waitFor({ state: 'detached' });

    // A break (after finishing the ticket in hand): the same key pauses and resumes; in English the words change, the keys do not.
    await page.keyboard.press('h');
    await page.locator('[data-action=pause]:not([disabled])').waitFor();
    await page.keyboard.press('n');
    await page.locator('[data-action=resume]:not([disabled])').waitFor();
    expect(await page.locator('.desk__counter').innerText()).toContain('Tạm dừng');
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('[data-action=resume]', { hasText: 'Resume' }).waitFor();
    expect(await page.locator('[data-action=call-next]').innerText()).toMatch(/Call next\s+G/);
    await keepScreenshot(page, 'desk-paused-en');
    await page.keyboard.press('n');
    await page.locator('[data-action=pause]:not([disabled])').waitFor();
  });

  it('a double press or double click calls one ticket, not two', async () => {
    const kiosk = client(server.url, kioskToken);
    for (let i = 0; i < 2; i++) expect((await kiosk.post('/api/tickets', { serviceId: 'bao-tro-xa-hoi' })).status).toBe(201);
    const page = await newPage(browser, { width: 1366, height: 768 });
    await openDesk(page, server.url, 5);
    await page.locator('.desk__list .desk__num', { hasText: '5002' }).waitFor();
    await page.locator('[data-action=call-next]:not([disabled])').waitFor();
    // Two presses of the key in the same instant (a bouncing key, a heavy finger), then a double click.
    await page.evaluate(() => {
      for (let i = 0; i < 2; i++) window.dispatchEvent(new KeyboardEvent('keydown', { key: 'g' }));
    });
    await page.locator('.desk__current', { hasText: '5001' }).waitFor();
    await page.locator('[data-action=recall]:not([disabled])').waitFor();
    await page.click('[data-action=recall]', { clickCount: 2 });
    await expect.poll(() => page.locator('.desk__list .desk__num').allInnerTexts(), { timeout: 20_000 }).toEqual(['5002']);
    const calls = server.db.prepare(`SELECT count(*) AS n FROM events WHERE type = 'ticket.called' AND counter_id = 5`).get() as { n: number };
    expect(calls.n).toBe(1);
    await expect.poll(() => (server.db.prepare(`SELECT count(*) AS n FROM events WHERE type = 'ticket.recalled' AND counter_id = 5`).get() as { n: number }).n, { timeout: 20_000 }).toBe(1);
  });

  it('two clicks 150 ms apart, or G pressed twice, call one ticket and leave it called, not served', async () => {
    const kiosk = client(server.url, kioskToken);
    for (let i = 0; i < 4; i++) expect((await kiosk.post('/api/tickets', { serviceId: 'dat-dai' })).status).toBe(201);
    const page = await newPage(browser, { width: 1366, height: 768 });
    await openDesk(page, server.url, 4);
    await page.locator('.desk__list .desk__num', { hasText: '3004' }).waitFor();
    const calledHere = () => (server.db.prepare(`SELECT count(*) AS n FROM events WHERE type = 'ticket.called' AND counter_id = 4`).get() as { n: number }).n;

    // Raw mouse clicks at the button's place: the second lands whatever the button looks like by then.
    const box = await page.locator('[data-action=call-next]').boundingBox();
    if (!box) throw new Error('no call-next button');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(150);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(calledHere, { timeout: 20_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(1000); // room for a wrong second call to land
    expect(calledHere()).toBe(1);
    expect([statusOf(server, '3001'), statusOf(server, '3002')]).toEqual(['called', 'waiting']);
    await page.locator('.desk__current', { hasText: '3001' }).waitFor();

    await page.keyboard.press('h');
    await page.locator('.desk__current', { hasText: 'Chưa gọi số nào' }).waitFor();
    await page.keyboard.press('g');
    await page.waitForTimeout(150);
    await page.keyboard.press('g');
    await expect.poll(calledHere, { timeout: 20_000 }).toBeGreaterThan(1);
    await page.waitForTimeout(1000);
    expect(calledHere()).toBe(2);
    expect([statusOf(server, '3001'), statusOf(server, '3002'), statusOf(server, '3003')]).toEqual(['done', 'called', 'waiting']);
    await page.locator('.desk__current', { hasText: '3002' }).waitFor();
    // Nothing alarming: at most a neutral line saying that the screen caught up.
    expect(await page.locator('.desk__notice [role=alert]').count()).toBe(0);

    // A second call well after the number appeared is a real one: it finishes 3002 and calls 3003.
    await page.waitForTimeout(300);
    await page.keyboard.press('g');
    await page.locator('.desk__current', { hasText: '3003' }).waitFor();
    expect(statusOf(server, '3002')).toBe('done');
  });

  it('call-next and pick send the ticket drawn as current; a stale_view answer shows a short neutral line only', async () => {
    const kiosk = client(server.url, kioskToken);
    for (let i = 0; i < 2; i++) expect((await kiosk.post('/api/tickets', { serviceId: 'xay-dung' })).status).toBe(201);
    const page = await newPage(browser, { width: 1366, height: 768 });
    await openDesk(page, server.url, 4, true);
    await page.locator('.desk__list .desk__num', { hasText: '4002' }).waitFor();
    await page.locator('.desk__current', { hasText: '3003' }).waitFor();
    const current = (server.db.prepare(`SELECT id FROM tickets WHERE number = '3003'`).get() as { id: string }).id;
    // What the server answers when the counter moved on since the screen was drawn (its keypad called, say).
    const sent: unknown[] = [];
    await page.route('**/call-next', (route) => {
      sent.push(route.request().postDataJSON());
      return route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ error: { code: 'stale_view', message: 'Quầy 4 vừa gọi số 3004' } }) });
    });
    await page.waitForTimeout(1000); // past the double-click guard
    await page.keyboard.press('g');
    const line = page.locator('.desk__notice [role=status]');
    await line.waitFor();
    expect(await line.innerText()).toBe('Màn hình vừa cập nhật; chưa gọi thêm số nào.');
    expect(await page.locator('.desk__notice [role=alert]').count()).toBe(0);
    await page.locator('.desk__list .desk__row', { hasText: '4001' }).getByRole('button').click();
    await expect.poll(() => sent.length, { timeout: 20_000 }).toBe(2);
    const picked = (server.db.prepare(`SELECT id FROM tickets WHERE number = '4001'`).get() as { id: string }).id;
    expect(sent).toEqual([{ currentTicketId: current }, { ticketId: picked, currentTicketId: current }]);
    // It goes away by itself.
    await line.waitFor({ state: 'detached', timeout: 20_000 });
    expect(statusOf(server, '3003')).toBe('called');
  });

  it('K brings back the first held ticket; its button shows the key', async () => {
    const kiosk = client(server.url, kioskToken);
    for (let i = 0; i < 2; i++) expect((await kiosk.post('/api/tickets', { serviceId: 'bhxh' })).status).toBe(201);
    const page = await newPage(browser, { width: 1366, height: 768 });
    await openDesk(page, server.url, 6);
    await page.keyboard.press('g');
    await page.locator('.desk__current', { hasText: '7001' }).waitFor();
    await page.locator('[data-action=hold]:not([disabled])').waitFor();
    await page.keyboard.press('t');
    const held = page.locator('.desk__held [data-unhold="7001"]');
    await held.waitFor();
    expect(await held.locator('kbd').innerText()).toBe('K');
    expect(await held.getAttribute('aria-keyshortcuts')).toBe('K');
    // No other action uses K.
    expect(await page.locator('.desk__actions kbd', { hasText: /^K$/ }).count()).toBe(0);
    await page.locator('.desk__held [data-unhold="7001"]:not([disabled])').waitFor();
    await page.keyboard.press('k');
    await page.locator('.desk__current', { hasText: '7001' }).waitFor();
    await held.waitFor({ state: 'detached' });
    expect(statusOf(server, '7001')).toBe('called');
  });

  it('a transfer says where the ticket went, at 1366×657, in a line that goes away by itself', async () => {
    const kiosk = client(server.url, kioskToken);
    for (let i = 0; i < 2; i++) expect((await kiosk.post('/api/tickets', { serviceId: 'chung-thuc' })).status).toBe(201);
    const page = await newPage(browser, { width: 1366, height: 657 });
    await openDesk(page, server.url, 1);
    await page.locator('.desk__list .desk__row').first().waitFor();
    const current = page.locator('.desk__current .qms-bignum__value');
    const line = page.locator('.desk__notice [role=status]');

    // To another field: the number leaves the screen, the line says where it went.
    await page.keyboard.press('g');
    await page.locator('[data-action=transfer]:not([disabled])').waitFor();
    const first = await current.innerText();
    await page.click('[data-action=transfer]');
    await page.click('.desk-dialog [data-service="dat-dai"]');
    await line.waitFor();
    expect(await line.innerText()).toBe(`Đã chuyển số ${first} sang lĩnh vực Đất đai.`);
    expect(server.db.prepare(`SELECT service_id AS service, status FROM tickets WHERE number = ?`).get(first)).toEqual({ service: 'dat-dai', status: 'waiting' });
    expect(await page.locator('.desk__notice [role=alert]').count()).toBe(0);
    await keepScreenshot(page, 'desk-transferred-657');
    await line.waitFor({ state: 'detached', timeout: 20_000 });

    // To another counter, in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.keyboard.press('g');
    await page.locator('[data-action=transfer]:not([disabled])').waitFor();
    const second = await current.innerText();
    await page.click('[data-action=transfer]');
    await page.click('.desk-dialog [data-counter="3"]');
    await line.waitFor();
    expect(await line.innerText()).toBe(`Number ${second} transferred to counter 3.`);
    expect(server.db.prepare(`SELECT target_counter_id AS target FROM tickets WHERE number = ?`).get(second)).toEqual({ target: 3 });
    await line.waitFor({ state: 'detached', timeout: 20_000 });

    // A refused transfer confirms nothing: the error stays instead.
    await page.keyboard.press('g');
    await page.locator('[data-action=transfer]:not([disabled])').waitFor();
    await page.route('**/transfer', (route) => route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ error: { code: 'x', message: 'Quầy 3 vừa đóng' } }) }));
    await page.click('[data-action=transfer]');
    await page.click('.desk-dialog [data-counter="3"]');
    await page.locator('.desk__notice [role=alert]').waitFor();
    expect(await line.count()).toBe(0);
  });
});
