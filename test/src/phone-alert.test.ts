import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepScreenshot, launchBrowser, newPage } from './support/browser';
import { keyFromIssue } from './support/rating-key';
import { client, kioskToken, officerAt, startTestServer, type TestServer } from './support/server';

describe('the citizen’s phone is called too: "Báo khi sắp đến lượt"', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer({ withScreens: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('after one tap the phone vibrates and chimes when 3 are ahead, again when called, with the counter in large type; nothing leaves the LAN', async () => {
    const kiosk = client(server.url, kioskToken);
    const issued = [];
    for (let i = 0; i < 5; i++) issued.push(await kiosk.post('/api/tickets', { serviceId: 'ho-tich' }));
    const mine = { ...(issued[4]!.body as { id: string; number: string }), key: keyFromIssue(issued[4]!) };

    const phone = await newPage(browser, { width: 360, height: 640 });
    // The vibration motor, observed: every navigator.vibrate() call is kept.
    await phone.addInitScript(() => {
      (window as any).__vibrations = [];
      Object.defineProperty(Navigator.prototype, 'vibrate', { configurable: true, value: (p: number[]) => ((window as any).__vibrations.push(p), true) });
    });
    const outside: string[] = [];
    phone.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) outside.push(r.url());
    });
    const vibrations = () => phone.evaluate(() => (window as any).__vibrations as number[][]);
    const alerts = () => phone.evaluate(() => ((window as any).__qmsPhoneAlerts ?? []) as { kind: string; vibrated: boolean; sound: boolean }[]);

    await phone.goto(`${server.url}/t/${mine.id}?k=${mine.key}`);
    await phone.locator('.phone__status', { hasText: 'Còn 4 người đang chờ trước ông/bà' }).waitFor();
    await phone.getByRole('button', { name: 'Báo khi sắp đến lượt' }).click();
    await phone.locator('.phone__alert', { hasText: 'Đã bật báo' }).waitFor();
    await keepScreenshot(phone, 'phone-alert-armed');
    expect(await vibrations()).toEqual([]); // 4 ahead: not yet

    const desk = await officerAt(server.url, 2);
    const next = async () => {
      expect((await desk.post('/api/counters/2/call-next')).status).toBe(200);
    };
    await next(); // 3 ahead now
    await phone.locator('.phone__alert--near', { hasText: 'Sắp đến lượt ông/bà!' }).waitFor({ timeout: 30_000 });
    expect(await vibrations()).toEqual([[300, 150, 300]]);
    expect(await alerts()).toEqual([{ kind: 'near', vibrated: true, sound: true }]);
    await keepScreenshot(phone, 'phone-alert-near');

    // Fewer ahead: no second "near" alert.
    for (let i = 0; i < 3; i++) {
      expect((await desk.post('/api/counters/2/finish')).status).toBe(200);
      await next();
    }
    await phone.locator('.phone__status', { hasText: 'Ông/Bà là người tiếp theo' }).waitFor({ timeout: 30_000 });
    expect(await vibrations()).toHaveLength(1);

    expect((await desk.post('/api/counters/2/finish')).status).toBe(200);
    expect((await desk.post('/api/counters/2/call-next')).body.ticket.id).toBe(mine.id);
    await phone.locator('.phone__counter-big', { hasText: '2' }).waitFor({ timeout: 30_000 });
    expect(await phone.locator('.phone__status').innerText()).toBe('Mời ông/bà đến quầy 2');
    expect(await vibrations()).toEqual([[300, 150, 300], [700, 200, 700, 200, 700]]);
    expect((await alerts()).map((a) => [a.kind, a.sound])).toEqual([['near', true], ['called', true]]);
    // The counter in large type: taller than the ticket number's line.
    const big = (await phone.locator('.phone__counter-big b').boundingBox())!;
    expect(big.height).toBeGreaterThanOrEqual(90);
    expect(big.y + big.height).toBeLessThanOrEqual(640);
    await keepScreenshot(phone, 'phone-alert-called');
    expect(outside).toEqual([]);
    await phone.close();
  }, 180_000);

  it('without the tap nothing vibrates', async () => {
    const res = await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
    const t = { ...(res.body as { id: string }), key: keyFromIssue(res) };
    const phone = await newPage(browser, { width: 360, height: 640 });
    await phone.addInitScript(() => {
      (window as any).__vibrations = [];
      Object.defineProperty(Navigator.prototype, 'vibrate', { configurable: true, value: (p: number[]) => ((window as any).__vibrations.push(p), true) });
    });
    await phone.goto(`${server.url}/t/${t.id}?k=${t.key}`);
    await phone.getByRole('button', { name: 'Báo khi sắp đến lượt' }).waitFor();
    await keepScreenshot(phone, 'phone-alert-offer');
    const desk = await officerAt(server.url, 2);
    await desk.post('/api/counters/2/finish');
    expect((await desk.post('/api/counters/2/call-next')).body.ticket.id).toBe(t.id);
    await phone.locator('.phone__counter-big', { hasText: '2' }).waitFor({ timeout: 30_000 });
    expect(await phone.evaluate(() => (window as any).__vibrations)).toEqual([]);
    await phone.close();
  }, 120_000);
});
