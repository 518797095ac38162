import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { startOfLocalDay } from '@qms/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepScreenshot, launchBrowser, newPage, signInAsManager } from './support/browser';
import { simulateMonth } from './support/stats-month';
import { client, login, startTestServer, testClock, type TestServer } from './support/server';

const vn = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
const pct = (r: number) => `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(Math.round(r * 1000) / 10)}%`;

/** The labels under a chart's bars or beside its rows, each label's lines joined by a space. */
const chartLabels = (page: Page, title: string) =>
  page
    .locator('section', { has: page.locator('h2', { hasText: title }) })
    .locator('svg text.chart__label')
    .evaluateAll((els) => els.map((el) => (el.children.length ? [...el.children].map((t) => t.textContent).join(' ') : el.textContent)));

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
    await signInAsManager(page, server.url);
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
    expect(await kpi('Tổng số lượt đánh giá').innerText()).toBe(vn(march.ratings.total));
    // The card shows the rate the target is checked against (devices and paper), and is coloured by that same rate.
    expect(march.combined.satisfactionRate).not.toBe(march.satisfactionRate);
    expect(await kpi('Tỷ lệ hài lòng').innerText()).toBe(pct(march.combined.satisfactionRate));
    const card = page.locator('.kpi', { has: page.locator('.kpi__label', { hasText: 'Tỷ lệ hài lòng' }) });
    expect(await card.locator('.kpi__sub').innerText()).toBe('Thiết bị + phiếu giấy · Chỉ tiêu: 95%');
    expect(await card.getAttribute('class')).toContain(march.combined.satisfactionRate < 0.95 ? 'kpi--below' : 'kpi--ok');
    expect(await page.locator('.kpi', { hasText: 'Tổng số lượt đánh giá' }).locator('.kpi__sub').innerText()).toContain(`Hài lòng (thiết bị): ${pct(march.satisfactionRate)}`);
    // Weekday × hour: from 6h to 19h because of Saturday's tickets, and they are counted there.
    const heatmap = page.locator('section', { has: page.locator('h2', { hasText: 'Lượt lấy số theo thứ và giờ' }) }).locator('svg');
    const heads = await heatmap.locator('text').allTextContents();
    expect(heads.filter((t) => /^\d+h$/.test(t))).toEqual(Array.from({ length: 14 }, (_, i) => `${i + 6}h`));
    expect(await heatmap.locator('rect title').allTextContents()).toEqual(expect.arrayContaining(['Thứ Bảy 6:00 — 1', 'Thứ Bảy 19:00 — 2']));
    expect(await page.locator('.reports__paragraph textarea').inputValue()).toContain(
      `Trong kỳ báo cáo (từ ngày 01/03/2026 đến ngày 31/03/2026), Trung tâm đã tiếp đón ${vn(march.issued)} lượt công dân`,
    );
    const landRow = page.locator('.figures__table tr', { hasText: 'Đất đai' }).first();
    expect(await landRow.innerText()).toContain('Chưa đạt');
    expect(await page.locator('svg.chart').count()).toBeGreaterThanOrEqual(5);
    // Ratings by level under their full names (wrapped), not "RHL/HL/BT/KHL/RKHL".
    expect(await chartLabels(page, 'Đánh giá theo mức')).toEqual(['Rất hài lòng', 'Hài lòng', 'Bình thường', 'Không hài lòng', 'Rất không hài lòng']);
    // Tickets nobody called: one row in each table, in the screen's language, and the same count in both (a ticket
    // transferred and not called again belongs to the counter and officer that last called it, in both tables).
    const notCalled = async (title: string) => {
      const row = page.locator('section', { has: page.locator('h2', { hasText: title }) }).locator('tbody tr').filter({ has: page.locator('td:first-child', { hasText: /^Chưa gọi$/ }) });
      expect(await row.count(), title).toBe(1);
      return (await row.locator('td').nth(1).innerText()).trim();
    };
    expect(await notCalled('Theo quầy')).toBe(await notCalled('Theo cán bộ'));
    expect(await page.locator('.figures__table', { hasText: 'Not called' }).count()).toBe(0);
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

    // Both CSVs are offered: for Excel under Vietnamese settings (";" and decimal commas) and the standard one,
    // under names that tell them apart in the downloads folder.
    const csvs = [
      ['CSV (Excel tiếng Việt)', ';', 'bao-cao-2026-03-01_2026-03-31-excel-vi.csv'],
      ['CSV (chuẩn)', ',', 'bao-cao-2026-03-01_2026-03-31.csv'],
    ] as const;
    for (const [button, sep, name] of csvs) {
      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      expect(csv.suggestedFilename(), button).toBe(name);
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
    await signInAsManager(plain, server.url);
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
    await signInAsManager(shown, server.url);
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
    await signInAsManager(feb, server.url);
    await feb.getByRole('tab', { name: 'Báo cáo' }).click();
    await feb.getByRole('button', { name: 'Tùy chọn' }).click();
    await feb.fill('input[name=from]', '2026-02-01');
    await feb.fill('input[name=to]', '2026-02-28');
    await feb.locator('.reports__period', { hasText: '01/02/2026 – 28/02/2026' }).waitFor();
    const row = feb.locator('.figures__table').first().locator('tr', { hasText: 'Hộ tịch' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/94,98%\s+95%\s+Chưa đạt/);
    expect(await feb.locator('svg.chart text', { hasText: '94,98%' }).count()).toBeGreaterThanOrEqual(1);
    const card = feb.locator('.kpi', { has: feb.locator('.kpi__label', { hasText: 'Tỷ lệ hài lòng' }) });
    expect(await card.locator('.kpi__value').innerText()).toBe('94,98%');
    expect(await card.getAttribute('class')).toContain('kpi--below');
    await feb.context().close();
  });

  it('in English, fields go by their English names, nobody-called rows say "Not called", levels their full names', async () => {
    const en = await newPage(browser, { width: 1440, height: 2300 });
    await signInAsManager(en, server.url);
    await en.getByRole('button', { name: 'English' }).click();
    await en.getByRole('tab', { name: 'Reports' }).click();
    await en.getByRole('button', { name: 'Last month' }).click();
    await en.locator('.reports__paragraph textarea').filter({ hasText: '01/03/2026' }).waitFor();
    const english = ['Civil status', 'Certification', 'Land', 'Construction', 'Social protection', 'People with meritorious service', 'Social insurance'];
    const byField = en.locator('section', { has: en.locator('h2', { hasText: 'By field' }) });
    expect(await byField.locator('tbody td:first-child').allInnerTexts()).toEqual([...english, 'Total']);
    expect(await chartLabels(en, 'Satisfaction per field against its target')).toEqual(english);
    expect(await chartLabels(en, 'Ratings by level')).toEqual(['Very satisfied', 'Satisfied', 'Neutral', 'Dissatisfied', 'Very dissatisfied']);
    for (const title of ['By counter', 'By officer']) {
      const first = en.locator('section', { has: en.locator('h2', { hasText: title }) }).locator('tbody tr td:first-child');
      expect(await first.allInnerTexts(), title).toContain('Not called');
      expect((await first.allInnerTexts()).some((t) => t.includes('Chưa gọi')), title).toBe(false);
    }
    const paragraph = await en.locator('.reports__paragraph textarea').inputValue();
    expect(paragraph).toContain('Fields below target: ');
    expect(paragraph).toContain('Land (');
    expect(paragraph).not.toMatch(/Đất đai|Hộ tịch|Chứng thực/);
    await keepScreenshot(en, 'reports-en');
    await en.context().close();
  });

  it('the paper-ballot form says plainly, before sending anything, when the period ends before it starts or the batch is empty', async () => {
    const paper = await newPage(browser, { width: 1366, height: 900 });
    await signInAsManager(paper, server.url);
    await paper.getByRole('tab', { name: 'Phiếu khảo sát giấy' }).click();
    const form = paper.locator('.paper__form');
    const rows = paper.locator('.paper table tbody tr');
    await form.waitFor();
    const before = await rows.count();
    const sent: string[] = [];
    paper.on('request', (r) => void (r.method() === 'POST' && sent.push(r.url())));
    await form.locator('input[name=from]').fill('2026-03-20');
    await form.locator('input[name=to]').fill('2026-03-10');
    await form.locator('input[name=satisfied]').fill('3');
    await paper.getByRole('button', { name: 'Lưu đợt khảo sát' }).click();
    expect(await paper.getByRole('alert').innerText()).toBe('Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.');
    await keepScreenshot(paper, 'reports-paper-reversed');
    await form.locator('input[name=to]').fill('2026-03-25');
    await form.locator('input[name=satisfied]').fill('0');
    await paper.getByRole('button', { name: 'Lưu đợt khảo sát' }).click();
    await paper.getByRole('alert').filter({ hasText: 'Đợt khảo sát chưa có phiếu nào: hãy nhập số phiếu của ít nhất một mức.' }).waitFor();
    await keepScreenshot(paper, 'reports-paper-empty');
    expect(sent).toEqual([]);
    expect(await rows.count()).toBe(before);
    await paper.context().close();
  });

  it('lists paper batches of last year and next year too (in January the form\'s default month is last December)', async () => {
    const api = client(server.url, await login(server.url, 'quanly'));
    const counts = { very_satisfied: 1, satisfied: 2, neutral: 0, dissatisfied: 0, very_dissatisfied: 0 };
    await api.post('/api/stats/paper-ballots', { serviceId: 'ho-tich', from: '2025-12-01', to: '2025-12-31', ...counts, note: 'tháng 12 năm trước' });
    await api.post('/api/stats/paper-ballots', { serviceId: 'ho-tich', from: '2027-01-04', to: '2027-01-08', ...counts, note: 'năm sau' });
    const paper = await newPage(browser, { width: 1366, height: 900 });
    await signInAsManager(paper, server.url);
    await paper.getByRole('tab', { name: 'Phiếu khảo sát giấy' }).click();
    await paper.locator('.paper table tbody tr', { hasText: 'tháng 12 năm trước' }).waitFor();
    await paper.locator('.paper table tbody tr', { hasText: 'năm sau' }).waitFor();
    await paper.context().close();
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
