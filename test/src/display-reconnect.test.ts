import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { client, kioskToken, officerAt, startTestServer, type TestServer } from './support/server';

describe('hall display across a server restart', () => {
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
  });
});
