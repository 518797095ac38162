import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { benchServer } from './child';

const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
const json = { 'content-type': 'application/json' };

/**
 * The hall display must run for weeks on a TV stick: its JS heap and DOM size after garbage collection, measured
 * after a warm-up and again after many more calls. Sound is off so the voice queue (bounded by time, not by
 * count) does not hide or fake a leak; every call still goes through the socket, the reducer and a repaint.
 */
export async function displayMemory({ warmup = 100, totals = [400, 700] } = {}) {
  if (!executablePath) throw new Error('Chromium is missing');
  const server = await benchServer();
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'] });
  try {
    const token = async (username: string, password: string) =>
      ((await (await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username, password }) })).json()) as { token: string }).token;
    const admin = { ...json, authorization: `Bearer ${await token('admin', 'admin')}` };
    const officer = { authorization: `Bearer ${await token('canbo1', '123456')}` };
    await fetch(`${server.base}/api/display/settings`, { method: 'PUT', headers: admin, body: JSON.stringify({ sound: false }) });
    await fetch(`${server.base}/api/counters/1/sign-in`, { method: 'POST', headers: officer });

    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await page.goto(`${server.base}/display/?token=demo-display-token-0001`);
    await page.locator('.display__counter').first().waitFor();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const measure = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
      return { heapKiB: Math.round(get('JSHeapUsedSize') / 1024), domNodes: get('Nodes'), listeners: get('JSEventListeners') };
    };

    let called = 0;
    const call = async (n: number) => {
      for (let i = 0; i < n; i++, called++) {
        // Chứng thực numbers go up to 999 a day; alternate with Hộ tịch to stay inside both ranges.
        await fetch(`${server.base}/api/tickets`, { method: 'POST', headers: admin, body: JSON.stringify({ serviceId: called % 2 ? 'chung-thuc' : 'ho-tich' }) });
        const res = await fetch(`${server.base}/api/counters/1/call-next`, { method: 'POST', headers: officer });
        const { ticket } = (await res.json()) as { ticket: { number: string } };
        await page.locator('.display__latest', { hasText: ticket.number }).waitFor();
      }
    };
    await call(warmup);
    const samples = [{ calls: called, ...(await measure()) }];
    for (const total of totals) {
      await call(total - called);
      samples.push({ calls: called, ...(await measure()) });
    }
    return samples;
  } finally {
    await browser.close();
    server.stop();
  }
}

export function displayMemorySection(samples: Awaited<ReturnType<typeof displayMemory>>, machine: string): string {
  const first = samples[0]!;
  const last = samples.at(-1)!;
  const rows = samples.map((s) => `| ${s.calls} | ${s.heapKiB.toLocaleString('en')} KiB | ${s.domNodes} | ${s.listeners} |`).join('\n');
  return `<!-- display-memory:begin -->
## Hall display memory over many calls (issue 4) — measured ${new Date().toISOString().slice(0, 10)}

Machine: ${machine}. Command: \`npm run bench\`. One display page in headless Debian Chromium; each call is issued and called
through the API and waited for on the page; sound off (the voice queue is bounded by time, so it is measured by the tests,
not here). JS heap, DOM nodes and event listeners read through the DevTools protocol after a forced garbage collection.

| Calls shown | JS heap used | DOM nodes | JS event listeners |
|---|---|---|---|
${rows}

From ${first.calls} to ${last.calls} calls the heap changed by ${(last.heapKiB - first.heapKiB).toLocaleString('en')} KiB and the DOM by ${last.domNodes - first.domNodes} nodes.
<!-- display-memory:end -->`;
}
