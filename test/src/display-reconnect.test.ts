import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { client, kioskToken, officerAt, startTestServer, type TestServer } from './support/server';

describe('hall display across a server restart and a reload', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'qms-display-restart-'));
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('comes back in sync without a reload and never replays an old announcement', async () => {
    server = await startTestServer({ withScreens: true, dataDir });
    const port = server.port;
    browser = await launchBrowser();
    const page = await newPage(browser, { width: 1920, height: 1080 });
    await page.goto(`${server.url}/display/?token=demo-display-token-0001`);
    await page.locator('.display__counter').first().waitFor();
    const heard = () => page.evaluate(() => ((window as any).__qmsAudio?.announcements ?? []).map((a: { ticketNumber: string }) => a.ticketNumber) as string[]);
    const marker = await page.evaluate(() => ((window as any).__pageId = Math.random()));

    const kiosk = client(server.url, kioskToken);
    await kiosk.post('/api/tickets', { serviceId: 'chung-thuc' });
    await kiosk.post('/api/tickets', { serviceId: 'chung-thuc' });
    await (await officerAt(server.url, 3)).post('/api/counters/3/call-next');
    await page.locator('.display__latest', { hasText: '2001' }).waitFor();
    await page.waitForFunction(() => (window as any).__qmsAudio?.announcements.length === 1);

    await server.stop();
    await page.locator('.qms-banner').waitFor();
    server = await startTestServer({ withScreens: true, dataDir, port });

    // Back: the banner goes, the last call is still on screen from the fresh snapshot, but it is not spoken again.
    await page.locator('.qms-banner').waitFor({ state: 'detached', timeout: 20_000 });
    expect(await page.locator('.display__latest').innerText()).toMatch(/2001/);
    await page.waitForTimeout(500);
    expect(await heard()).toEqual(['2001']);

    // Live again: a call after the restart is shown and announced once.
    await (await officerAt(server.url, 3)).post('/api/counters/3/call-next');
    await page.locator('.display__latest', { hasText: '2002' }).waitFor();
    await page.waitForFunction(() => (window as any).__qmsAudio?.announcements.length === 2);
    expect(await heard()).toEqual(['2001', '2002']);
    expect(await page.evaluate(() => (window as any).__pageId)).toBe(marker);

    await kiosk.post('/api/tickets', { serviceId: 'chung-thuc' });
    // A call made while the display is away: the server stops, runs on another port for a call the display cannot
    // hear, stops again and comes back where the display looks for it. The display says it once, from the snapshot.
    await kiosk.post('/api/tickets', { serviceId: 'chung-thuc' });
    await server.stop();
    await page.locator('.qms-banner').waitFor();
    const elsewhere = await startTestServer({ withScreens: true, dataDir });
    expect((await (await officerAt(elsewhere.url, 3)).post('/api/counters/3/call-next')).status).toBe(200);
    await elsewhere.stop();
    server = await startTestServer({ withScreens: true, dataDir, port });
    await page.locator('.qms-banner').waitFor({ state: 'detached', timeout: 20_000 });
    await page.locator('.display__latest', { hasText: '2003' }).waitFor();
    await page.waitForFunction(() => (window as any).__qmsAudio?.announcements.length === 3, null, { timeout: 20_000 });
    await page.waitForTimeout(1500);
    expect(await heard()).toEqual(['2001', '2002', '2003']);

    // A call made while the page is closed (a reload, the TV switched off and on) is said when it is back, and
    // none said before is said again: the display remembers what it said (2003 at counter 3 is still called).
    // Left once it has started saying 2003 (one still queued when the page closes was never heard, and is said when it is back).
    await page.waitForFunction(() => (window as any).__qmsAudio.announcements[2].state !== 'queued', null, { timeout: 60_000 });
    await page.goto('about:blank');
    await kiosk.post('/api/tickets', { serviceId: 'ho-tich' });
    expect((await (await officerAt(server.url, 2)).post('/api/counters/2/call-next')).status).toBe(200);
    await page.goto(`${server.url}/display/?token=demo-display-token-0001`);
    await page.locator('.display__latest', { hasText: '1001' }).waitFor();
    await page.waitForFunction(() => (window as any).__qmsAudio?.announcements.length >= 1, null, { timeout: 20_000 });
    await page.waitForTimeout(1500);
    expect(await heard()).toEqual(['1001']);
    await page.reload();
    await page.locator('.display__latest', { hasText: '1001' }).waitFor();
    await page.waitForFunction(() => (window as any).__qmsAudio !== undefined);
    await page.waitForTimeout(1500);
    expect(await heard()).toEqual([]);
    // And it still speaks: the next live call is said.
    await (await officerAt(server.url, 3)).post('/api/counters/3/call-next');
    await page.waitForFunction(() => (window as any).__qmsAudio?.announcements.length === 1, null, { timeout: 20_000 });
    expect(await heard()).toEqual(['2004']);
  }, 300_000); // four server starts and a reload: 14 s alone, over 120 s once in a full run on 2 busy cores
});
