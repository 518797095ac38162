import { existsSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { benchServer } from './child';
import { percentile } from './stats';

const kiosk = { 'content-type': 'application/json', authorization: 'Bearer demo-kiosk-token-0001' };
const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);

// Runs in each page: `__painted(n)` resolves with the wall-clock time of the animation frame in which
// ticket `n` first appears as the latest call.
const watchPaints = () => {
  const paints = new Map<string, number>();
  const waiting = new Map<string, (t: number) => void>();
  new MutationObserver(() => {
    const n = document.querySelector('.display__latest')?.getAttribute('data-ticket');
    if (!n || paints.has(n)) return;
    paints.set(n, -1);
    requestAnimationFrame(() => {
      const t = performance.timeOrigin + performance.now();
      paints.set(n, t);
      waiting.get(n)?.(t);
    });
  }).observe(document.body, { subtree: true, childList: true, attributes: true });
  (window as unknown as { __painted: (n: string) => Promise<number> }).__painted = (n) => {
    const t = paints.get(n);
    return t !== undefined && t > 0 ? Promise.resolve(t) : new Promise((resolve) => waiting.set(n, resolve));
  };
};

/** Milliseconds from sending POST call-next to the number painted on every connected hall display page. */
export async function displayLatency({ pages = 1, calls = 60, sound = true, sockets = 0 }: { pages?: number; calls?: number; sound?: boolean; sockets?: number } = {}) {
  if (!executablePath) throw new Error('Chromium is missing');
  const server = await benchServer();
  // `sockets` more hall displays as real socket.io clients (not Chromium tabs: 20 renderers would measure the 2 cores).
  const others: Socket[] = [];
  for (let i = 0; i < sockets; i++) {
    // As the display page connects: a command's events in one message (`batch`).
    const s = io(server.base, { auth: { role: 'display', token: 'demo-display-token-0001', batch: true }, transports: ['websocket'], forceNew: true });
    await new Promise<void>((r) => s.once('snapshot', () => r()));
    others.push(s);
  }
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const displays: Page[] = [];
    for (let i = 0; i < pages; i++) {
      const page = await context.newPage();
      await page.goto(`${server.base}/display/?token=demo-display-token-0001`);
      await page.locator('.display__counter').first().waitFor();
      await page.evaluate(watchPaints);
      displays.push(page);
    }
    for (let i = 0; i < calls; i++) {
      await fetch(`${server.base}/api/tickets`, { method: 'POST', headers: kiosk, body: JSON.stringify({ serviceId: i % 2 ? 'chung-thuc' : 'ho-tich' }) });
    }
    const login = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'canbo1', password: '123456' }) });
    const { token } = (await login.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };
    await fetch(`${server.base}/api/counters/1/sign-in`, { method: 'POST', headers: auth });
    if (!sound) {
      const admin = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'admin' }) });
      const adminAuth = { 'content-type': 'application/json', authorization: `Bearer ${((await admin.json()) as { token: string }).token}` };
      await fetch(`${server.base}/api/display/settings`, { method: 'PUT', headers: adminAuth, body: JSON.stringify({ sound: false }) });
    }

    const samples: number[] = [];
    const slowest: number[] = [];
    for (let i = 0; i < calls; i++) {
      // Each page is asked before the call, so no polling runs while the number travels.
      const number = `${i % 2 ? 2 : 1}${String(Math.floor(i / 2) + 1).padStart(3, '0')}`;
      const waits = displays.map((page) => page.evaluate((n) => (window as unknown as { __painted: (n: string) => Promise<number> }).__painted(n), number));
      const start = performance.timeOrigin + performance.now();
      const res = await fetch(`${server.base}/api/counters/1/call-next`, { method: 'POST', headers: auth });
      const { ticket } = (await res.json()) as { ticket: { number: string } };
      if (ticket.number !== number) throw new Error(`expected ${number} to be called, got ${ticket.number}`);
      const painted = await Promise.all(waits);
      const latencies = painted.map((t) => t - start);
      samples.push(...latencies);
      slowest.push(Math.max(...latencies));
    }
    const r = (x: number) => Math.round(x * 10) / 10;
    return { pages, sockets, calls, sound, p50: r(percentile(samples, 50)), p99: r(percentile(samples, 99)), slowestPageP50: r(percentile(slowest, 50)), slowestPageP99: r(percentile(slowest, 99)) };
  } finally {
    for (const s of others) s.close();
    await browser.close();
    server.stop();
  }
}
