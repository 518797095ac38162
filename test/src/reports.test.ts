import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { startOfLocalDay } from '@qms/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepScreenshot, launchBrowser, newPage } from './support/browser';
import { simulateMonth } from './support/stats-month';
import { client, login, startTestServer, testClock, type TestServer } from './support/server';

const vn = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
const pct = (r: number) => `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(Math.round(r * 1000) / 10)}%`;

async function signIn(page: Page, url: string) {
  await page.goto(`${url}/admin/`);
  await page.fill('input[name=username]', 'quanly');
  await page.fill('input[name=password]', '123456');
  await page.click('button[type=submit]');
  await page.getByRole('tab', { name: 'Trực tiếp' }).waitFor();
}

describe('manager reports in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const clock = testClock(Date.parse('2026-04-15T03:00:00Z'));
  const downloads = mkdtempSync(join(tmpdir(), 'qms-downloads-'));

  beforeAll(async () => {
    server = await startTestServer({ now: clock.now, withScreens: true });
    await simulateMonth(server, clock, ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-16', '2026-03-17'], 3);
    await client(server.url, await login(server.url, 'quanly')).post('/api/stats/paper-ballots', {
      serviceId: 'dat-dai', from: '2026-03-01', to: '2026-03-31', very_satisfied: 12, satisfied: 20, neutral: 4, dissatisfied: 9, very_dissatisfied: 0,
    });
    // A Saturday-morning and an evening service: outside the usual 7–17h, still on the heatmap.
    const saturday = startOfLocalDay('2026-03-14', server.floor.timeZone);
    for (const [h, m] of [[6, 40], [19, 10], [19, 25]] as const) {
      clock.set(saturday + (h * 60 + m) * 60_000);
      server.floor.issue({ serviceId: 'ho-tich', channel: 'kiosk', staffId: null });
    }
    clock.set(Date.parse('2026-04-15T03:00:00Z'));
    browser = await launchBrowser();
    page = await newPage(browser, { width: 1440, height: 2300 });
    await signIn(page, server.url);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('pick last month, see the figures, download the Excel file', async () => {
    const api = client(server.url, await login(server.url, 'quanly'));
    const march = (await api.get('/api/stats/summary?from=2026-03-01&to=2026-03-31')).body.totals;
    expect(march.issued).toBeGreaterThan(150);

    const asked: string[] = [];
    page.on('request', (r) => void (/\/api\/stats\//.test(r.url()) && asked.push(new URL(r.url()).pathname + new URL(r.url()).search)));
    await page.getByRole('tab', { name: 'Báo cáo' }).click();
    await page.getByRole('button', { name: 'Tháng trước' }).click();
    await page.locator('.reports__period', { hasText: '01/03/2026 – 31/03/2026' }).waitFor();
    const kpi = (label: string) => page.locator('.kpi', { has: page.locator('.kpi__label', { hasText: label }) }).locator('.kpi__value');
    await kpi('Lượt lấy số').filter({ hasText: vn(march.issued) }).waitFor();
    // One request per range shown (this month on opening, then last month), each a single pass on the server.
    expect(asked.filter((u) => u.includes('2026-03-01'))).toEqual(['/api/stats/report?from=2026-03-01&to=2026-03-31&lang=vi']);
    expect(asked.every((u) => u.startsWith('/api/stats/report?'))).toBe(true);
    expect(await kpi('Lượt đánh giá').innerText()).toBe(vn(march.ratings.total));
    // The card shows the rate the target is checked against (devices and paper), and is coloured by that same rate.
    expect(march.combined.satisfactionRate).not.toBe(march.satisfactionRate);
    expect(await kpi('Tỷ lệ hài lòng').innerText()).toBe(pct(march.combined.satisfactionRate));
    const card = page.locator('.kpi', { has: page.locator('.kpi__label', { hasText: 'Tỷ lệ hài lòng' }) });
    expect(await card.locator('.kpi__sub').innerText()).toBe('Thiết bị + phiếu giấy · Chỉ tiêu: 95%');
    expect(await card.getAttribute('class')).toContain(march.combined.satisfactionRate < 0.95 ? 'kpi--below' : 'kpi--ok');
    expect(await page.locator('.kpi', { hasText: 'Lượt đánh giá' }).locator('.kpi__sub').innerText()).toContain(`Hài lòng (thiết bị): ${pct(march.satisfactionRate)}`);
    // Weekday × hour: from 6h to 19h because of Saturday's tickets, and they are counted there.
    const heatmap = page.locator('section', { has: page.locator('h2', { hasText: 'Lượt lấy số theo thứ và giờ' }) }).locator('svg');
    const heads = await heatmap.locator('text').allTextContents();
    expect(heads.filter((t) => /^\d+h$/.test(t))).toEqual(Array.from({ length: 14 }, (_, i) => `${i + 6}h`));
    expect(await heatmap.locator('rect title').allTextContents()).toEqual(expect.arrayContaining(['Thứ Bảy 6:00 — 1', 'Thứ Bảy 19:00 — 2']));
    expect(await page.locator('.reports__paragraph textarea').inputValue()).toContain(
      `Trong kỳ báo cáo (từ ngày 01/03/2026 đến ngày 31/03/2026), Trung tâm đã tiếp đón ${vn(march.issued)} lượt công dân`,
    );
    const landRow = page.locator('.reports__table tr', { hasText: 'Đất đai' }).first();
    expect(await landRow.innerText()).toContain('Chưa đạt');
    expect(await page.locator('svg.chart').count()).toBeGreaterThanOrEqual(5);
    await keepScreenshot(page, 'reports');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải Excel (.xlsx)' }).click()]);
    expect(download.suggestedFilename()).toBe('bao-cao-2026-03-01_2026-03-31.xlsx');
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const rows = wb.getWorksheet('Tổng hợp')!.getSheetValues() as unknown[][];
    const issuedRow = rows.find((r) => r?.[1] === 'Số lượt lấy số')!;
    expect(issuedRow[2]).toBe(march.issued);
    await page.locator('.reports__export-status', { hasText: 'Đã tải bao-cao-2026-03-01_2026-03-31.xlsx' }).waitFor();

    // Both CSVs are offered: for Excel under Vietnamese settings (";" and decimal commas) and the standard one.
    for (const [button, sep] of [['CSV (Excel tiếng Việt)', ';'], ['CSV (chuẩn)', ',']] as const) {
      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      const saved = join(downloads, `${sep === ';' ? 'vi' : 'std'}.csv`);
      await csv.saveAs(saved);
      const [head, ...rows] = readFileSync(saved, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      expect(head!.split(sep).slice(0, 2), button).toEqual(['Lĩnh vực', 'Số lượt lấy số']);
      const total = rows.at(-1)!.split(sep);
      expect(total[0]).toBe('Tổng cộng');
      expect(Number(total[1])).toBe(march.issued);
    }
  });

  it('Sao chép works over plain http: without the clipboard API it selects the paragraph and copies, or says to press Ctrl+C', async () => {
    const plain = await newPage(browser, { width: 1280, height: 900 });
    // What a LAN address over http gives: no navigator.clipboard. `__copyFails` makes execCommand refuse too.
    await plain.addInitScript(() => {
      delete (Navigator.prototype as { clipboard?: unknown }).clipboard;
      const real = Document.prototype.execCommand;
      Document.prototype.execCommand = function (this: Document, ...args: Parameters<Document['execCommand']>) {
        return (window as { __copyFails?: boolean }).__copyFails ? false : real.apply(this, args);
      };
    });
    await signIn(plain, server.url);
    expect(await plain.evaluate(() => 'clipboard' in navigator)).toBe(false);
    await plain.getByRole('tab', { name: 'Báo cáo' }).click();
    const area = plain.locator('.reports__paragraph textarea');
    await area.filter({ hasText: 'Trong kỳ báo cáo' }).waitFor();
    const selection = () => area.evaluate((el: HTMLTextAreaElement) => [document.activeElement === el, el.selectionStart, el.selectionEnd, el.value.length]);
    const length = (await area.inputValue()).length;

    await plain.getByRole('button', { name: 'Sao chép' }).click();
    await plain.getByRole('button', { name: 'Đã sao chép' }).waitFor();
    expect(await selection()).toEqual([true, 0, length, length]);

    await plain.evaluate(() => void ((window as { __copyFails?: boolean }).__copyFails = true));
    await plain.getByRole('button', { name: 'Tháng trước' }).click();
    await area.filter({ hasText: '01/03/2026' }).waitFor();
    await plain.getByRole('button', { name: 'Sao chép' }).click();
    await plain.getByRole('status').filter({ hasText: 'Đã chọn đoạn văn: bấm Ctrl+C để sao chép' }).waitFor();
    const all = (await area.inputValue()).length;
    expect(await selection()).toEqual([true, 0, all, all]);
    await plain.context().close();
  });

  it('says in one line how many paper batches straddle the range and are not counted', async () => {
    const shown = await newPage(browser, { width: 1280, height: 900 });
    // /api/stats/report as it answers once it carries `paperLeftOut`.
    await shown.route('**/api/stats/report?*', async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, json: { ...(await res.json()), paperLeftOut: { batches: 2, ballots: 90 } } });
    });
    await signIn(shown, server.url);
    await shown.getByRole('tab', { name: 'Báo cáo' }).click();
    const note = shown.locator('.reports__left-out');
    await note.waitFor();
    expect(await note.innerText()).toBe('2 đợt phiếu giấy (90 phiếu) nằm một phần ngoài kỳ báo cáo nên chưa được tính');
    await shown.unroute('**/api/stats/report?*');
    await shown.route('**/api/stats/report?*', async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, json: { ...(await res.json()), paperLeftOut: { batches: 0, ballots: 0 } } });
    });
    await shown.getByRole('button', { name: 'Tháng trước' }).click();
    await shown.locator('.reports__paragraph textarea').filter({ hasText: '01/03/2026' }).waitFor();
    expect(await note.count()).toBe(0);
    await shown.context().close();
  });

  it('a field at 3799/4000 against its 95% target shows 94,98% and "Chưa đạt", never 95%', async () => {
    await client(server.url, await login(server.url, 'quanly')).post('/api/stats/paper-ballots', {
      serviceId: 'ho-tich', from: '2026-02-02', to: '2026-02-27', very_satisfied: 3000, satisfied: 799, neutral: 201, dissatisfied: 0, very_dissatisfied: 0,
    });
    const feb = await newPage(browser, { width: 1440, height: 1600 });
    await signIn(feb, server.url);
    await feb.getByRole('tab', { name: 'Báo cáo' }).click();
    await feb.getByRole('button', { name: 'Tùy chọn' }).click();
    await feb.fill('input[name=from]', '2026-02-01');
    await feb.fill('input[name=to]', '2026-02-28');
    await feb.locator('.reports__period', { hasText: '01/02/2026 – 28/02/2026' }).waitFor();
    const row = feb.locator('.reports__table').first().locator('tr', { hasText: 'Hộ tịch' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/94,98%\s+95%\s+Chưa đạt/);
    expect(await feb.locator('svg.chart text', { hasText: '94,98%' }).count()).toBeGreaterThanOrEqual(1);
    const card = feb.locator('.kpi', { has: feb.locator('.kpi__label', { hasText: 'Tỷ lệ hài lòng' }) });
    expect(await card.locator('.kpi__value').innerText()).toBe('94,98%');
    expect(await card.getAttribute('class')).toContain('kpi--below');
    await feb.context().close();
  });

  it('a custom range and the paper-ballot form work from the screen', async () => {
    await page.getByRole('button', { name: 'Tùy chọn' }).click();
    await page.fill('input[name=from]', '2026-03-10');
    await page.fill('input[name=to]', '2026-03-12');
    await page.locator('.reports__period', { hasText: '10/03/2026 – 12/03/2026' }).waitFor();
    const api = client(server.url, await login(server.url, 'quanly'));
    const three = (await api.get('/api/stats/summary?from=2026-03-10&to=2026-03-12')).body.totals;
    await page.locator('.kpi__value', { hasText: vn(three.issued) }).first().waitFor();

    await page.getByRole('tab', { name: 'Phiếu khảo sát giấy' }).click();
    await page.selectOption('select[name=serviceId]', 'ho-tich');
    await page.fill('.paper__form input[name=very_satisfied]', '30');
    await page.fill('.paper__form input[name=satisfied]', '5');
    await page.fill('.paper__form input[name=note]', 'Khảo sát ngẫu nhiên tháng 3');
    await page.getByRole('button', { name: 'Lưu đợt khảo sát' }).click();
    await page.locator('.paper', { hasText: 'Khảo sát ngẫu nhiên tháng 3' }).waitFor();
    const march = (await api.get('/api/stats/summary?from=2026-03-01&to=2026-03-31')).body.totals;
    expect(march.paperBallots.total).toBe(45 + 35);
    await keepScreenshot(page, 'reports-paper');
  });
});
