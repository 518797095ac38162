import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepScreenshot } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

describe('hall display where the browser blocks sound', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer({ withScreens: true });
    // Deliberately without --autoplay-policy=no-user-gesture-required: a TV browser someone forgot to configure.
    browser = await chromium.launch({ executablePath: ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync)!, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows "Bấm để bật âm thanh" until someone clicks, then the voice is on', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'vi-VN' })).newPage();
    await page.goto(`${server.url}/display/?token=demo-display-token-0001`);
    const overlay = page.locator('.display__sound');
    await overlay.waitFor();
    expect(await overlay.innerText()).toContain('Bấm để bật âm thanh');
    expect(await page.evaluate(() => (window as any).__qmsAudio.unlocked)).toBe(false);
    await keepScreenshot(page, 'display-sound-blocked');
    await overlay.click();
    await overlay.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (window as any).__qmsAudio.unlocked)).toBe(true);
  });
});
