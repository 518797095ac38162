import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { demoConfig, kioskToken, startTestServer, type TestServer } from './support/server';

/** A kiosk whose timers run only when the test says so (the 8 s issue deadline, the error screen's countdown). */
async function openKiosk(browser: Browser, server: TestServer): Promise<Page> {
  const page = await newPage(browser, { width: 1080, height: 1920 });
  await page.clock.install();
  await page.goto(`${server.url}/kiosk/?token=${kioskToken}`);
  await page.locator('.kiosk-field', { hasText: 'Chứng thực' }).waitFor();
  return page;
}

const issuing = 'Đang lấy số, xin chờ trong giây lát…';
const noAnswer = 'Hệ thống chưa trả lời. Xin ông/bà chạm lại vào lĩnh vực cần giải quyết; nếu vẫn chưa được, xin liên hệ cán bộ hướng dẫn.';

describe('kiosk when the server takes the tap but never answers', () => {
  let browser: Browser;
  let server: TestServer;
  const held: Route[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startTestServer({ withScreens: true, config: demoConfig() });
  });
  afterEach(async () => {
    await Promise.all(held.splice(0).map((r) => r.abort().catch(() => undefined)));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const count = (serviceId: string) => (server.db.prepare(`SELECT COUNT(*) AS n FROM tickets WHERE service_id = ?`).get(serviceId) as { n: number }).n;

  it('gives up after 8 s with plain Vietnamese, then goes back to the start with the choices kept', async () => {
    const page = await openKiosk(browser, server);
    await page.route('**/api/tickets', (route) => void held.push(route));
    await page.getByRole('button', { name: 'Người cao tuổi' }).click();
    await page.locator('.kiosk-field', { hasText: 'Hộ tịch' }).click();
    await page.getByText(issuing).waitFor();
    await expect.poll(() => held.length).toBe(1);

    await page.clock.runFor(7_000);
    expect(await page.getByText(issuing).isVisible()).toBe(true);
    await page.clock.runFor(1_500);
    const card = page.locator('.kiosk-card--error');
    await card.getByText('Chưa lấy được số').waitFor();
    expect(await card.getByRole('alert').innerText()).toBe(noAnswer);

    await page.clock.runFor(11_000);
    await card.waitFor({ state: 'detached' });
    // 19.5 s of page time went by in a moment: the socket's heartbeat may have given up and be reconnecting (its
    // timers are the page's too), which greys the tiles until it is back. Let page time run until it is.
    await expect
      .poll(async () => {
        await page.clock.runFor(1_000);
        return page.locator('.kiosk-field', { hasText: 'Hộ tịch' }).isEnabled();
      }, { timeout: 20_000 })
      .toBe(true);
    // The same citizen tries again: their priority choice is still there.
    expect(await page.getByRole('button', { name: 'Người cao tuổi' }).getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });

  it('a retry of a request the server did carry out shows that ticket, not a second one', async () => {
    const page = await openKiosk(browser, server);
    const keys: string[] = [];
    let lost: Promise<unknown> | null = null;
    await page.route('**/api/tickets', async (route) => {
      keys.push((await route.request().headerValue('idempotency-key')) ?? '');
      // The first request reaches the server, which issues the ticket; its answer never comes back.
      if (keys.length === 1) {
        held.push(route);
        lost = route.fetch();
        return;
      }
      await route.continue();
    });
    const before = count('chung-thuc');
    const field = page.locator('.kiosk-field', { hasText: 'Chứng thực' });
    await field.click();
    await expect.poll(() => lost).not.toBeNull();
    await lost;
    expect(count('chung-thuc')).toBe(before + 1);
    await page.clock.runFor(8_500);
    await page.getByText(noAnswer).waitFor();
    await page.getByRole('button', { name: 'Xong' }).click();

    await field.click();
    const number = await page.getByTestId('ticket-number').innerText();
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(count('chung-thuc')).toBe(before + 1);
    const last = server.db.prepare(`SELECT number FROM tickets WHERE service_id = 'chung-thuc' ORDER BY seq DESC LIMIT 1`).get();
    expect(last).toEqual({ number });

    // The next tap is a new citizen: a new key and a new number.
    await page.getByRole('button', { name: 'Xong' }).click();
    await page.locator('.kiosk-card').waitFor({ state: 'detached' });
    await field.click();
    expect(await page.getByTestId('ticket-number').innerText()).not.toBe(number);
    expect(keys).toHaveLength(3);
    expect(keys[2]).not.toBe(keys[0]);
    expect(count('chung-thuc')).toBe(before + 2);
    await page.close();
  });
});
