import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepScreenshot, launchBrowser, newPage, signInOnPage } from './support/browser';
import { client, kioskToken, login, startTestServer, type TestServer } from './support/server';

/**
 * Why a button cannot be used: outside the window even with its column (the only part the officer can scroll)
 * scrolled to it, or covered by something else at its middle or near its edges. Empty when it can be seen and clicked.
 * Scrolling a box with `overflow: hidden` from a script works, so nothing but the column may move.
 */
function unreachable(button: Locator, viewport: { width: number; height: number }): Promise<string[]> {
  return button.evaluate((el, vp) => {
    const name = el.textContent ?? '';
    window.scrollTo(0, 0);
    for (let p = el.parentElement; p; p = p.parentElement) p.scrollTop = 0;
    const column = el.closest('.desk__actions');
    if (column && /auto|scroll/.test(getComputedStyle(column).overflowY)) el.scrollIntoView({ block: 'nearest' });
    for (let p = el.parentElement; p; p = p.parentElement) if (p !== column && p.scrollTop !== 0) return [`${name}: only by scrolling ${p.className}`];
    if (window.scrollY !== 0) return [`${name}: only by scrolling the page`];
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return [`${name}: not drawn`];
    if (r.top < 0 || r.left < 0 || r.bottom > vp.height || r.right > vp.width) return [`${name}: outside the window (${Math.round(r.top)}–${Math.round(r.bottom)})`];
    const x = r.left + r.width / 2;
    return [r.top + 3, r.top + r.height / 2, r.bottom - 3].flatMap((y) => {
      const at = document.elementFromPoint(x, y);
      return at && el.contains(at) ? [] : [`${name}: covered at y=${Math.round(y)} by ${at?.className ?? 'nothing'}`];
    });
  }, viewport);
}

async function allUnreachable(page: Page, viewport: { width: number; height: number }): Promise<string[]> {
  const found: string[] = [];
  for (const button of await page.locator('.desk__actions button, [data-sign-out]').all()) found.push(...(await unreachable(button, viewport)));
  return found;
}

/**
 * Each priority ticket in the queue list with its group as read on screen, and what keeps that tag from being seen:
 * cut by a box around it (the field name's ellipsis used to take the tag with it), cut itself, or covered.
 * The list is scrolled to each row first, as the officer would.
 */
type TagSeen = { number: string; tag: string | null; problems: string[] };
function priorityTags(page: Page): Promise<TagSeen[]> {
  return page.locator('.desk__list').evaluate((list) =>
    [...list.querySelectorAll<HTMLElement>('[role=listitem]')].flatMap((row): TagSeen[] => {
      const number = row.querySelector('.desk__num')?.textContent ?? '?';
      const tag = row.querySelector<HTMLElement>('.desk__tag');
      if (!tag) return [{ number, tag: null, problems: [] }];
      row.scrollIntoView({ block: 'nearest' });
      const r = tag.getBoundingClientRect();
      const problems: string[] = [];
      if (r.width === 0 || r.height === 0) problems.push('not drawn');
      if (tag.scrollWidth > tag.clientWidth + 1) problems.push('text cut inside the tag');
      for (let p = tag.parentElement; p && p !== document.body; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const box = p.getBoundingClientRect();
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) {
          problems.push(`cut by ${p.className} (${Math.round(r.left)}–${Math.round(r.right)} in ${Math.round(box.left)}–${Math.round(box.right)})`);
        }
      }
      const y = r.top + r.height / 2;
      for (const x of [r.left + 2, r.left + r.width / 2, r.right - 2]) {
        const at = document.elementFromPoint(x, y);
        if (!at || !tag.contains(at)) problems.push(`covered at x=${Math.round(x)} by ${at?.className ?? 'nothing'}`);
      }
      return [{ number, tag: tag.textContent, problems }];
    }),
  );
}

/** Each figure of "Hôm nay của tôi" whose value wraps, or whose value or label reaches out of its box. */
function figureOverflows(page: Page): Promise<string[]> {
  return page.locator('.desk__day').evaluate((day) => {
    const box = day.getBoundingClientRect();
    return [...day.querySelectorAll<HTMLElement>('.desk__figure')].flatMap((figure) => {
      const value = figure.querySelector<HTMLElement>('.desk__figure-value');
      const label = figure.querySelector<HTMLElement>('.desk__figure-label');
      if (!value || !label) return ['a figure without value or label'];
      const name = `${label.textContent}: ${value.textContent}`;
      const found: string[] = [];
      const lineHeight = parseFloat(getComputedStyle(value).fontSize) * 1.6;
      if (value.getBoundingClientRect().height > lineHeight) found.push(`${name}: the value wraps`);
      if (value.scrollWidth > value.clientWidth + 1) found.push(`${name}: the value is wider than its column`);
      const cell = figure.getBoundingClientRect();
      for (const [what, el] of [['value', value], ['label', label]] as const) {
        const r = el.getBoundingClientRect();
        if (r.bottom > box.bottom + 0.5 || r.top < box.top - 0.5) found.push(`${name}: the ${what} reaches out of the box (${Math.round(r.top)}–${Math.round(r.bottom)} in ${Math.round(box.top)}–${Math.round(box.bottom)})`);
        if (r.left < cell.left - 0.5 || r.right > cell.right + 0.5) found.push(`${name}: the ${what} reaches over the next figure`);
        if (r.bottom > window.innerHeight) found.push(`${name}: the ${what} is below the window`);
      }
      return found;
    });
  });
}

describe('desk console in a maximised browser on a 1366×768 screen', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer({ withScreens: true });
    browser = await launchBrowser();
    const kiosk = client(server.url, kioskToken);
    for (let i = 0; i < 12; i++) expect((await kiosk.post('/api/tickets', { serviceId: i % 2 ? 'ho-tich' : 'nguoi-co-cong' })).status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const viewport of [{ width: 1366, height: 650 }, { width: 1366, height: 625 }]) {
    it(`every action can be seen and pressed at ${viewport.width}×${viewport.height}, with an error shown too`, async () => {
      const page = await newPage(browser, viewport);
      await signInOnPage(page, `${server.url}/desk/?counter=2`, 'canbo2');
      // Before taking the counter (closed, or open from the run before): every button, "Nhận quầy 2" when shown.
      await page.locator('[data-action=issue]').waitFor();
      expect(await allUnreachable(page, viewport)).toEqual([]);
      if (await page.locator('[data-action=sign-in]').count()) await page.click('[data-action=sign-in]');
      await page.locator('[data-action=call-next]:not([disabled])').waitFor();
      expect(await page.locator('.desk__actions button').count()).toBe(10);
      expect(await allUnreachable(page, viewport)).toEqual([]);

      // Serving, with the finish form open and a long error under the layout.
      if ((await page.locator('.desk__current .qms-bignum__value').innerText()) === '—') await page.click('[data-action=call-next]');
      await page.locator('[data-action=start]:not([disabled])').waitFor();
      await page.route('**/recall', (route) =>
        route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ error: { code: 'x', message: 'Một câu báo lỗi khá dài của máy chủ, để xem nó có che nút nào của cán bộ trên màn hình thấp không.' } }) }),
      );
      await page.click('[data-action=recall]');
      await page.locator('.desk__notice [role=alert]').waitFor();
      expect(await allUnreachable(page, viewport)).toEqual([]);
      expect(await unreachable(page.locator('input[name=dossierCode]'), viewport)).toEqual([]);
      await page.context().close();
    });
  }

  it('a maximised browser (1366×657): screenshot', async () => {
    const page = await newPage(browser, { width: 1366, height: 657 });
    await signInOnPage(page, `${server.url}/desk/?counter=2`, 'canbo2');
    await page.locator('[data-action=start]:not([disabled])').waitFor();
    await page.locator('.desk__list .desk__row').first().waitFor();
    expect(await allUnreachable(page, { width: 1366, height: 657 })).toEqual([]);
    await keepScreenshot(page, 'desk-maximised');
  });

  it('at 1366×657 every priority ticket in the list shows its group, however long the field name and the wait', async () => {
    const kiosk = client(server.url, kioskToken);
    const asked = [
      { serviceId: 'chung-thuc', priority: 'pregnant' },
      { serviceId: 'ho-tich', priority: 'disability' },
      { serviceId: 'chung-thuc' },
      { serviceId: 'chung-thuc', priority: 'elderly' },
      { serviceId: 'ho-tich', priority: 'pregnant' },
    ];
    for (const body of asked) expect((await kiosk.post('/api/tickets', body)).status).toBe(201);
    // Counter 1 (the priority counter) as the server lists it: which numbers are priority, and of which group.
    const officer = client(server.url, await login(server.url, 'canbo1'));
    const queue = (await officer.get('/api/counters/1/queue')).body as { waiting: { number: string; priority: string | null }[] };
    const labels: Record<string, string> = { elderly: 'Người cao tuổi', pregnant: 'Phụ nữ mang thai', disability: 'Người khuyết tật' };
    const expected = queue.waiting.map((w) => ({ number: w.number, tag: w.priority ? labels[w.priority] : null, problems: [] }));
    expect(expected.filter((w) => w.tag).length).toBe(4);

    const page = await newPage(browser, { width: 1366, height: 657 });
    // Twelve minutes later on the officer's screen: "12 phút 0x giây" is the widest wait text of the day.
    await page.clock.setFixedTime(Date.now() + 12 * 60_000);
    await signInOnPage(page, `${server.url}/desk/?counter=1`, 'canbo1');
    await expect.poll(() => page.locator('.desk__list .desk__num').allInnerTexts(), { timeout: 20_000 }).toEqual(expected.map((w) => w.number));
    expect(await page.locator('.desk__list .desk__muted').first().innerText()).toMatch(/^12 phút \d\d giây$/);
    expect(await priorityTags(page)).toEqual(expected);

    // The English words are as long or longer ("People with meritorious service" is not in this queue, "Certification" is).
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('.desk__list .desk__tag', { hasText: 'Pregnant' }).first().waitFor();
    // The groups' English names from the setup (the three known ones as a bare-code config gets them).
    const english: Record<string, string> = { elderly: 'Elderly person', pregnant: 'Pregnant woman', disability: 'Person with a disability' };
    expect(await priorityTags(page)).toEqual(queue.waiting.map((w) => ({ number: w.number, tag: w.priority ? english[w.priority] : null, problems: [] })));
    await page.context().close();
  });

  it('at 1366×657 no figure of "Hôm nay của tôi" wraps or leaves its box, a mean of over a minute included', async () => {
    const page = await newPage(browser, { width: 1366, height: 657 });
    let day = { serviceDay: '2026-03-16', served: 128, noShow: 17, transferred: 3, averageServiceSeconds: 66, ratings: { very_satisfied: 60, satisfied: 30, neutral: 10, dissatisfied: 3, very_dissatisfied: 1, total: 104 }, satisfactionRate: 0.87 };
    await page.route('**/api/me/day', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(day) }));
    await signInOnPage(page, `${server.url}/desk/?counter=2`, 'canbo2');
    await page.locator('.desk__figure-value', { hasText: '128' }).waitFor();
    expect(await figureOverflows(page)).toEqual([]);
    // "1 phút 06 giây" took three lines: minutes:seconds, the unit in the label, the words on hover.
    const avg = page.locator('.desk__figure', { hasText: 'Thời gian TB' });
    expect(await avg.locator('.desk__figure-value').innerText()).toBe('1:06');
    expect(await avg.locator('.desk__figure-label').innerText()).toMatch(/Thời gian TB\s+\(phút\)/);
    expect(await avg.getAttribute('title')).toBe('Thời gian TB: 1 phút 06 giây');
    await keepScreenshot(page, 'desk-my-day-657');

    // A long day: over ten minutes a ticket, four-figure counts, in English too.
    day = { ...day, served: 1234, noShow: 1017, averageServiceSeconds: 754, ratings: { ...day.ratings, total: 1104 }, satisfactionRate: 1 };
    await page.getByRole('button', { name: 'English' }).click();
    // The desk asks for its day again after a change on the floor: a ticket from the kiosk.
    expect((await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' })).status).toBe(201);
    const avgEn = page.locator('.desk__figure', { hasText: 'Avg. service' });
    await avgEn.locator('.desk__figure-value', { hasText: '12:34' }).waitFor();
    expect(await avgEn.locator('.desk__figure-label').innerText()).toMatch(/Avg\. service\s+\(min\)/);
    expect(await figureOverflows(page)).toEqual([]);
    await page.context().close();
  });
});
