import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);

/** Debian's Chromium, headless, with sound allowed without a gesture (as the hall display's kiosk flags do). */
export async function launchBrowser(): Promise<Browser> {
  if (!executablePath) throw new Error('Chromium is missing: `apt-get install chromium` (.ci/run does it).');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

export async function newPage(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN' });
  const page = await context.newPage();
  // Generous for 2 shared cores, yet below the test timeout, so a step that never happens fails with its own name.
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => {
    throw new Error(`page error on ${page.url()}: ${e.message}`);
  });
  // Whatever the Content-Security-Policy blocks is a screen that breaks in the field: every browser test fails on it.
  const violations: string[] = [];
  cspReports.set(page, violations);
  page.on('console', (m) => {
    if (!/Content.Security.Policy/i.test(m.text())) return;
    violations.push(m.text());
    throw new Error(`Content-Security-Policy violation on ${page.url()}: ${m.text()}`);
  });
  return page;
}

const cspReports = new WeakMap<Page, string[]>();
/** The Content-Security-Policy violations the page reported in its console so far. */
export const cspViolations = (page: Page): string[] => cspReports.get(page) ?? [];

const screenshotDir = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

/** Opens `address` and signs in with the page's own form (the demo officers' password unless given). */
export async function signInOnPage(page: Page, address: string, username: string, password = '123456') {
  await page.goto(address);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
}

/** The manager's page, signed in as the demo manager, on its live tab. */
export async function signInAsManager(page: Page, url: string) {
  await signInOnPage(page, `${url}/admin/`, 'quanly');
  await page.getByRole('tab', { name: 'Trực tiếp' }).waitFor();
}

/** Saves to docs/screenshots when UPDATE_SCREENSHOTS=1 (`npm run screenshots`); tests never depend on it. */
export async function keepScreenshot(page: Pick<Page, 'screenshot'>, name: string) {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: `${screenshotDir}${name}.png` });
}
