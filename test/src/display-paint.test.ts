import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { client, kioskToken, officerAt, startTestServer, type TestServer } from './support/server';

interface Batch {
  frame: number;
  /** Something in the side column (recent calls, waiting per field) changed in this batch: the lists were rendered or fitted. */
  side: boolean;
  banner: string | null;
  tile: string | null;
  top: string | null;
  waiting: string | null;
  /** The numbers queued for the voice so far. */
  said: string[];
}

/**
 * Records what the page shows after every task that changed it (one MutationObserver batch per task), with the number
 * of animation frames run so far. Installed once per page; called again, it starts a new record.
 */
const record = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __frame: number; __batches: unknown[]; __qmsAudio?: { announcements: { ticketNumber: string }[] } };
    const installed = Array.isArray(w.__batches);
    w.__batches = [];
    if (installed) return;
    w.__frame = 0;
    const tick = () => {
      w.__frame++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const text = (selector: string) => document.querySelector(selector)?.textContent ?? null;
    new MutationObserver((records) => {
      w.__batches.push({
        frame: w.__frame,
        side: records.some((r) => (r.target instanceof Element ? r.target : r.target.parentElement)?.closest('.display__side') != null),
        banner: document.querySelector('.display__latest')?.getAttribute('data-ticket') ?? null,
        tile: text('.display__counter[data-counter="1"] .display__counter-number'),
        top: text('.display__calls li .display__calls-number'),
        waiting: document.querySelector('.display__waiting li[data-service="ho-tich"]')?.getAttribute('data-waiting') ?? null,
        said: (w.__qmsAudio?.announcements ?? []).map((a) => a.ticketNumber),
      });
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
const batches = (page: Page) => page.evaluate(() => (window as unknown as { __batches: Batch[] }).__batches);

describe('hall display: the called number is painted first, the rest of the screen after it', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startTestServer({ withScreens: true });
    browser = await launchBrowser();
    page = await newPage(browser, { width: 1920, height: 1080 });
    await page.goto(`${server.url}/display/?token=demo-display-token-0001`);
    await page.locator('.display__counter').first().waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a call shows its number and its counter at once; the recent calls, the waiting counts and the voice follow in a later task', async () => {
    const kiosk = client(server.url, kioskToken);
    for (let i = 0; i < 3; i++) expect((await kiosk.post('/api/tickets', { serviceId: 'ho-tich' })).status).toBe(201);
    const desk = await officerAt(server.url, 1);
    expect((await desk.post('/api/counters/1/call-next')).status).toBe(200);
    await page.locator('.display__waiting li[data-service="ho-tich"][data-waiting="2"]').waitFor();
    await record(page);

    expect((await desk.post('/api/counters/1/call-next')).status).toBe(200);
    await page.locator('.display__calls li .display__calls-number', { hasText: '1001' }).first().waitFor();
    await page.locator('.display__waiting li[data-service="ho-tich"][data-waiting="1"]').waitFor();

    const seen = await batches(page);
    const first = seen.findIndex((b) => b.banner === '1002');
    expect(first).toBeGreaterThanOrEqual(0);
    // The task that put the number up put it on its counter's tile too, and touched nothing of the lists nor the voice.
    expect(seen[first]).toMatchObject({ tile: '1002', top: null, waiting: '2', side: false });
    expect(seen[first]!.said).not.toContain('1002');
    // The lists caught up afterwards, in a task of their own, after a frame had run.
    const lists = seen.findIndex((b) => b.top === '1001' && b.waiting === '1');
    expect(lists).toBeGreaterThan(first);
    expect(seen[lists]!.frame).toBeGreaterThan(seen[first]!.frame);
    expect(seen[lists]).toMatchObject({ banner: '1002', tile: '1002', side: true });
    await page.waitForFunction(() => (window as unknown as { __qmsAudio?: { announcements: { ticketNumber: string }[] } }).__qmsAudio?.announcements.some((a) => a.ticketNumber === '1002'));
  });

  it('a burst of calls at three counters (three messages each) renders and fits the lists at most once per frame', async () => {
    const kiosk = client(server.url, kioskToken);
    for (let i = 0; i < 12; i++) expect((await kiosk.post('/api/tickets', { serviceId: i % 2 ? 'chung-thuc' : 'ho-tich' })).status).toBe(201);
    const desks = await Promise.all([1, 2, 3].map((n) => officerAt(server.url, n)));
    await record(page);
    for (let round = 0; round < 3; round++) {
      const replies = await Promise.all(desks.map((d, i) => d.post(`/api/counters/${i + 1}/call-next`)));
      for (const r of replies) expect(r.status).toBe(200);
    }
    // 11 calls today: the headline's and 10 in the list.
    await page.locator('.display__calls li').nth(9).waitFor({ state: 'attached' });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)))));

    const perFrame = new Map<number, number>();
    for (const b of (await batches(page)).filter((x) => x.side)) perFrame.set(b.frame, (perFrame.get(b.frame) ?? 0) + 1);
    expect(perFrame.size).toBeGreaterThan(0);
    expect([...perFrame.values()].filter((n) => n > 1)).toEqual([]);
  });

  it('the headline is fitted to its line in the task that puts it up, in either language, though the next call keeps its fit', async () => {
    // Narrow for the headline's size (it follows the height): the line must shrink, by a scale of its own per language.
    const narrow = await newPage(browser, { width: 1280, height: 1000 });
    await narrow.goto(`${server.url}/display/?token=demo-display-token-0001`);
    await narrow.locator('.display__latest[data-ticket]').waitFor();
    await narrow.evaluate(() => {
      const w = window as unknown as { __lines: unknown[] };
      w.__lines = [];
      let last = document.querySelector('.display__latest-line')?.textContent ?? '';
      new MutationObserver(() => {
        const box = document.querySelector<HTMLElement>('.display__latest');
        const line = document.querySelector<HTMLElement>('.display__latest-line');
        if (!box || !line || line.textContent === last) return;
        last = line.textContent ?? '';
        const range = document.createRange();
        range.selectNodeContents(line);
        const fit = Number(box.style.getPropertyValue('--fit') || 1);
        w.__lines.push({ text: last, fit, cut: line.scrollWidth > line.clientWidth + 1, used: range.getBoundingClientRect().width / line.clientWidth });
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await narrow.locator('.qms-lang__item[lang="en"]').click();
    await narrow.locator('.display__latest', { hasText: 'PLEASE GO TO COUNTER' }).waitFor();
    expect((await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' })).status).toBe(201);
    const called = await (await officerAt(server.url, 1)).post('/api/counters/1/call-next');
    expect(called.status).toBe(200);
    await narrow.locator('.display__latest', { hasText: called.body.ticket.number as string }).waitFor();
    await narrow.locator('.qms-lang__item[lang="vi"]').click();
    await narrow.locator('.display__latest', { hasText: 'ĐẾN QUẦY' }).waitFor();

    const lines = await narrow.evaluate(() => (window as unknown as { __lines: { text: string; fit: number; cut: boolean; used: number }[] }).__lines);
    expect(lines.map((l) => /PLEASE/.test(l.text))).toEqual([true, true, false]);
    for (const l of lines) {
      expect(l.cut, l.text).toBe(false);
      expect(l.fit, l.text).toBeLessThan(1);
      // Shrunk no more than it must: the line still fills its width.
      expect(l.used, l.text).toBeGreaterThan(0.95);
    }
    await narrow.context().close();
  });
});
