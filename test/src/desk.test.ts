import { io, type Socket } from 'socket.io-client';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, FloorEvent, ServerToClientEvents, SocketAuth } from '@qms/protocol';
import { keepScreenshot, launchBrowser, newPage } from './support/browser';
import { client, kioskToken, startTestServer, type TestServer } from './support/server';

type FloorSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

function listen(url: string, auth: SocketAuth) {
  const socket: FloorSocket = io(url, { auth, transports: ['websocket'] });
  const events: FloorEvent[] = [];
  socket.on('event', (e) => events.push(e));
  return { socket, events, ready: new Promise<void>((r) => socket.once('snapshot', () => r())) };
}

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
    const display = listen(server.url, { role: 'display' });
    const rating = listen(server.url, { role: 'rating', counterId: 2, token: 'demo-rating-token-0002' });
    sockets.push(display.socket, rating.socket);
    await Promise.all([display.ready, rating.ready]);
    const kiosk = client(server.url, kioskToken);
    for (const body of [{ serviceId: 'ho-tich' }, { serviceId: 'ho-tich' }, { serviceId: 'nguoi-co-cong' }, { serviceId: 'ho-tich', priority: 'elderly' }, { serviceId: 'ho-tich' }]) {
      expect((await kiosk.post('/api/tickets', body)).status).toBe(201);
    }

    const page = await newPage(browser, { width: 1366, height: 768 });
    await page.goto(`${server.url}/desk/?counter=2`);
    await page.fill('input[name=username]', 'canbo2');
    await page.fill('input[name=password]', '123456');
    await page.click('button[type=submit]');
    await page.locator('.desk__row').first().waitFor();
    expect(await page.locator('.desk__list .desk__num').allInnerTexts()).toEqual(['1003', '1001', '1002', '1004', '6001']);

    // Call next by its key: the priority ticket first.
    await page.locator('[data-action=call-next]:not([disabled])').waitFor();
    expect(await page.locator('[data-action=call-next] kbd').innerText()).toBe('G');
    await page.keyboard.press('g');
    await page.locator('.desk__current', { hasText: '1003' }).waitFor();
    await page.click('[data-action=recall]');
    await page.locator('.desk__current', { hasText: 'Đã gọi 2 lần' }).waitFor();
    await page.click('[data-action=transfer]');
    await page.click('.desk-dialog [data-counter="3"]');
    await page.locator('.desk__current', { hasText: 'Chưa gọi số nào' }).waitFor();

    await page.click('[data-action=call-next]');
    await page.locator('.desk__current', { hasText: '1001' }).waitFor();
    // The floor event comes before the HTTP reply; a key pressed while the call is still in flight is dropped on purpose.
    await page.locator('[data-action=start]:not([disabled])').waitFor();
    await page.keyboard.press('b'); // start
    await page.locator('.desk__current', { hasText: 'Đang phục vụ' }).waitFor();
    await page.fill('input[name=dossierCode]', 'H23.22-260316-0007');
    await page.fill('input[name=procedure]', 'Đăng ký khai sinh');
    // The queue follows: 1003 went to counter 3, 1001 is being served.
    await expect.poll(() => page.locator('.desk__list .desk__num').allInnerTexts()).toEqual(['1002', '1004', '6001']);
    await keepScreenshot(page, 'desk-serving');
    await page.press('input[name=dossierCode]', 'Enter'); // a scanner ends the code with Enter: finish
    await page.locator('.desk__current', { hasText: 'Chưa gọi số nào' }).waitFor();
    await page.locator('.desk__day .desk__figure-value').first().filter({ hasText: '1' }).waitFor();

    const finished = server.db.prepare(`SELECT t.number, t.dossier_code AS code, e.payload FROM events e JOIN tickets t ON t.id = e.ticket_id WHERE e.type = 'ticket.finished'`).all();
    expect(finished).toEqual([{ number: '1001', code: 'H23.22-260316-0007', payload: expect.stringContaining('"procedure":"Đăng ký khai sinh"') }]);
    const transferred = server.db.prepare(`SELECT target_counter_id AS target, status FROM tickets WHERE number = '1003'`).get();
    expect(transferred).toEqual({ target: 3, status: 'waiting' });

    const calls = (events: FloorEvent[]) => events.flatMap((e) => (e.type === 'ticket.called' ? [`${e.call.ticket.number}${e.call.recall ? ' again' : ''} → ${e.call.counterNumber}`] : []));
    await expect.poll(() => calls(display.events)).toEqual(['1003 → 2', '1003 again → 2', '1001 → 2']);
    expect(calls(rating.events)).toEqual(['1003 → 2', '1003 again → 2', '1001 → 2']);
    const updates = (events: FloorEvent[]) => events.flatMap((e) => (e.type === 'ticket.updated' ? [`${e.ticket.number} ${e.change}`] : []));
    // The transferred ticket belongs to no counter any more; the tablet learns it left from the counter update.
    await expect.poll(() => updates(rating.events)).toEqual(['1001 started', '1001 finished']);
    const counter2 = rating.events.flatMap((e) => (e.type === 'counter.updated' && e.counter.id === 2 ? [e.counter.currentTicket?.number ?? null] : []));
    expect(counter2).toEqual(expect.arrayContaining(['1003', null, '1001']));
    expect(rating.events.find((e) => e.type === 'ticket.updated' && e.change === 'finished')).toMatchObject({ ticket: { dossierCode: 'H23.22-260316-0007' } });
    expect(display.events.some((e) => e.type === 'counter.updated' && e.counter.id === 2 && e.counter.currentTicket === null)).toBe(true);

    // Picking out of order is logged as such.
    await page.locator('.desk__list .desk__row', { hasText: '6001' }).getByRole('button').click();
    await page.locator('.desk__current', { hasText: '6001' }).waitFor();
    const picked = server.db.prepare(`SELECT payload FROM events e JOIN tickets t ON t.id = e.ticket_id WHERE e.type = 'ticket.called' AND t.number = '6001'`).get() as { payload: string };
    expect(JSON.parse(picked.payload)).toMatchObject({ reason: 'picked' });
  });

  it('issues a priority ticket for a citizen at the desk, shown as a number', async () => {
    const page = await newPage(browser, { width: 1366, height: 768 });
    await page.goto(`${server.url}/desk/?counter=2`);
    await page.fill('input[name=username]', 'canbo2');
    await page.fill('input[name=password]', '123456');
    await page.click('button[type=submit]');
    await page.locator('[data-action=issue]:not([disabled])').waitFor();
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
    await page.goto(`${server.url}/desk/?counter=5`);
    await page.fill('input[name=username]', 'canbo5');
    await page.fill('input[name=password]', '123456');
    await page.click('button[type=submit]');
    await page.locator('.desk__list .desk__num', { hasText: '5002' }).waitFor();
    await page.locator('[data-action=call-next]:not([disabled])').waitFor();
    // Two presses of the key in the same instant (a bouncing key, a heavy finger), then a double click.
    await page.evaluate(() => {
      for (let i = 0; i < 2; i++) window.dispatchEvent(new KeyboardEvent('keydown', { key: 'g' }));
    });
    await page.locator('.desk__current', { hasText: '5001' }).waitFor();
    await page.locator('[data-action=recall]:not([disabled])').waitFor();
    await page.click('[data-action=recall]', { clickCount: 2 });
    await expect.poll(() => page.locator('.desk__list .desk__num').allInnerTexts()).toEqual(['5002']);
    const calls = server.db.prepare(`SELECT count(*) AS n FROM events WHERE type = 'ticket.called' AND counter_id = 5`).get() as { n: number };
    expect(calls.n).toBe(1);
    await expect.poll(() => (server.db.prepare(`SELECT count(*) AS n FROM events WHERE type = 'ticket.recalled' AND counter_id = 5`).get() as { n: number }).n).toBe(1);
  });
});
