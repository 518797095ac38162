import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureColumns } from '../../server/src/stats/columns';
import { figuresCsv } from '../../server/src/stats/csv';
import { emptyCounts, figuresOf, withPaper } from '@qms/protocol/figures';
import { fmtPercent } from '../../server/src/stats/format';
import { reportParagraph } from '../../server/src/stats/report-text';
import { writeWorkbook } from '../../server/src/stats/xlsx';
import { assertContract } from './support/contract';
import { simulateMonth } from './support/stats-month';
import { client, login, startTestServer, testClock, type TestServer } from './support/server';

const from = '2026-03-02';
const to = '2026-03-06';
const days = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'];
const minutes = (s: number | null) => (s === null ? null : Math.round(s / 6) / 10);

/** RFC 4180 fields of one CSV line, with `sep` between them. */
function fields(line: string, sep: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === sep && !quoted) {
      out.push(cell);
      cell = '';
    } else cell += ch;
  }
  out.push(cell);
  return out;
}

/** A CSV file as header → value per row; `decimal` is the mark its numbers use. */
function parseCsv(bytes: Uint8Array, sep: string, decimal: string) {
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).trimEnd().split('\r\n');
  const header = fields(lines[0]!, sep);
  const rows = lines.slice(1).map((l) => fields(l, sep));
  const num = (row: string[], col: string) => {
    const text = row[header.indexOf(col)]!;
    // The other dialect's decimal mark must never appear in a number.
    expect(text, col).not.toContain(decimal === ',' ? '.' : ',');
    return text === '' ? null : Number(text.replace(decimal, '.'));
  };
  return { header, rows, num, row: (label: string) => rows.find((r) => r[0] === label)! };
}

/** Field "Hộ tịch" with 3799 satisfied of 4000 paper ballots against its 95 % target: 0.94975, below target. */
function nearTarget(satisfied: number, total: number) {
  const counts = { ...emptyCounts(), very_satisfied: satisfied, neutral: total - satisfied, total };
  return withPaper(figuresOf([]), counts, 0.95);
}

describe('a rate just under or over its target never looks equal to it', () => {
  it('3799/4000 is 94,98% beside "chưa đạt", in the paragraph and in both CSVs', () => {
    const f = nearTarget(3799, 4000);
    expect(f.belowTarget).toBe(true);
    expect(fmtPercent(f.combined!.satisfactionRate)).toBe('95%');
    expect(fmtPercent(f.combined!.satisfactionRate, 'vi', 0.95)).toBe('94,98%');
    expect(fmtPercent(3801 / 4000, 'vi', 0.95)).toBe('95,03%');
    expect(fmtPercent(0.95, 'vi', 0.95)).toBe('95%');
    expect(fmtPercent(0.9734, 'en', 0.95)).toBe('97.3%');
    const group = { key: 'ho-tich', label: 'Hộ tịch', ...f };
    const text = reportParagraph({ from: '2026-03-01', to: '2026-03-31', totals: f, services: [group], targetWaitMinutes: 15 });
    expect(text).toContain('Các lĩnh vực chưa đạt chỉ tiêu: Hộ tịch (94,98%, chỉ tiêu 95%).');
    expect(text).toContain('tỷ lệ hài lòng đạt 94,98%.');
    expect(text).not.toMatch(/\(95%, chỉ tiêu 95%\)/);
    expect(reportParagraph({ from: '2026-03-01', to: '2026-03-31', totals: f, services: [group], targetWaitMinutes: 15 }, 'en')).toContain('Hộ tịch (94.98%, target 95%)');

    // Four decimals already keep 0.94975 apart in a file; 0.999996 under a 1.0 target needs six.
    const close = withPaper(figuresOf([]), { ...emptyCounts(), very_satisfied: 249_999, neutral: 1, total: 250_000 }, 1);
    for (const [sep, decimal, dialect] of [[',', '.', 'standard'], [';', ',', 'excel-vi']] as const) {
      const csv = parseCsv(new TextEncoder().encode(figuresCsv('Lĩnh vực', [group, { key: 'x', label: 'Gần 100%', ...close }], f, dialect)), sep, decimal);
      const rate = 'Tỷ lệ hài lòng (thiết bị + phiếu giấy)';
      expect(csv.num(csv.row('Hộ tịch'), rate)).toBe(0.9498);
      expect(csv.num(csv.row('Gần 100%'), rate)).toBe(0.999996);
      expect(csv.row('Gần 100%').at(-1)).toBe('Chưa đạt');
    }
  });

  it('only the satisfaction rates checked against the target get the extra decimals, in the CSV and the workbook', async () => {
    expect(figureColumns.filter((c) => c.vsTarget).map((c) => c.header)).toEqual(['Tỷ lệ hài lòng (thiết bị)', 'Tỷ lệ hài lòng (thiết bị + phiếu giấy)']);
    // A wait share of 0.999996 is not compared with the satisfaction target of 1: it keeps 4 decimals (and 0.0%).
    const close = withPaper(figuresOf([]), { ...emptyCounts(), very_satisfied: 249_999, neutral: 1, total: 250_000 }, 1);
    const f = { ...close, waitWithinTarget: { ...close.waitWithinTarget, share: 0.999996 } };
    const group = { key: 'x', label: 'Gần 100%', ...f };
    const csv = parseCsv(new TextEncoder().encode(figuresCsv('Lĩnh vực', [group], f)), ',', '.');
    expect(csv.num(csv.row('Gần 100%'), 'Tỷ lệ được gọi trong thời gian chờ mục tiêu')).toBe(1);
    expect(csv.num(csv.row('Gần 100%'), 'Tỷ lệ hài lòng (thiết bị + phiếu giấy)')).toBe(0.999996);

    const pass = new PassThrough();
    const chunks: Buffer[] = [];
    pass.on('data', (b: Buffer) => chunks.push(b));
    const ended = new Promise((resolve) => pass.on('end', resolve));
    await writeWorkbook(pass, { centerName: 'Thử', from: '2026-03-01', to: '2026-03-31', totals: f, sheets: [{ name: 'Theo lĩnh vực', keyHeader: 'Lĩnh vực', groups: [group] }], ballots: [], serviceNames: new Map(), paragraph: '' });
    await ended;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Theo lĩnh vực')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const fmt = (name: string) => sheet.getRow(2).getCell(header.indexOf(name) + 1).numFmt;
    expect(fmt('Tỷ lệ được gọi trong thời gian chờ mục tiêu')).toBe('0.0%');
    expect(fmt('Tỷ lệ hài lòng (thiết bị + phiếu giấy)')).toBe('0.0000%');
    expect(fmt('Chỉ tiêu hài lòng')).toBe('0.0%');
  });
});

describe('Excel and CSV exports carry the summary’s numbers', () => {
  let server: TestServer;
  let token: string;
  let summary: any;
  let byService: any;
  const clock = testClock();

  beforeAll(async () => {
    server = await startTestServer({ now: clock.now });
    await simulateMonth(server, clock, days, 11);
    token = await login(server.url, 'quanly');
    const api = client(server.url, token);
    await api.post('/api/stats/paper-ballots', { serviceId: 'chung-thuc', from: '2026-03-02', to: '2026-03-06', very_satisfied: 7, satisfied: 3, neutral: 1, dissatisfied: 0, very_dissatisfied: 0 });
    summary = (await api.get(`/api/stats/summary?from=${from}&to=${to}`)).body;
    byService = (await api.get(`/api/stats/summary?from=${from}&to=${to}&groupBy=service`)).body;
  }, 120_000);
  afterAll(async () => server?.stop());

  const download = (path: string) => fetch(server.url + path, { headers: { authorization: `Bearer ${token}` } });

  it('the workbook, read back with exceljs, has the same figures as /api/stats/summary', async () => {
    const res = await download(`/api/stats/export.xlsx?from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain(`bao-cao-${from}_${to}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo lĩnh vực', 'Theo quầy', 'Theo cán bộ', 'Theo ngày', 'Phiếu giấy']);

    const sheet = wb.getWorksheet('Tổng hợp')!;
    const value = (label: string) => {
      let found: unknown;
      sheet.eachRow((row) => {
        if (row.getCell(1).value === label) found = row.getCell(2).value;
      });
      return found;
    };
    const t = summary.totals;
    expect(sheet.getCell('A2').value).toBe('Kỳ báo cáo: từ ngày 02/03/2026 đến ngày 06/03/2026');
    expect(value('Số lượt lấy số')).toBe(t.issued);
    expect(value('Đã phục vụ')).toBe(t.served);
    expect(value('Vắng mặt')).toBe(t.noShow);
    expect(value('Chuyển quầy')).toBe(t.transferred);
    expect(value('Chờ trung bình (phút)')).toBe(minutes(t.waitSeconds.mean));
    expect(value('Giải quyết P90 (phút)')).toBe(minutes(t.serviceSeconds.p90));
    expect(value('Tổng số lượt đánh giá')).toBe(t.ratings.total);
    expect(value('Rất hài lòng')).toBe(t.ratings.very_satisfied);
    expect(value('Tỷ lệ hài lòng (thiết bị)')).toBe(t.satisfactionRate);
    expect(value('Tỷ lệ kiểu 766 (1 − không hài lòng ÷ đã phục vụ)')).toBe(t.rate766);
    expect(value('Phiếu giấy')).toBe(11);
    expect(value('Tỷ lệ hài lòng (thiết bị + phiếu giấy)')).toBe(t.combined.satisfactionRate);
    let paragraph = '';
    sheet.eachRow((row, n) => void (row.getCell(1).value === 'Đoạn văn cho báo cáo' && (paragraph = String(sheet.getRow(n + 1).getCell(1).value))));
    expect(paragraph).toMatch(/^Trong kỳ báo cáo \(từ ngày 02\/03\/2026 đến ngày 06\/03\/2026\), Trung tâm đã tiếp đón/);
    // The same paragraph as /api/stats/report-text (one helper builds both).
    expect(paragraph).toBe((await client(server.url, token).get(`/api/stats/report-text?from=${from}&to=${to}`)).body.text);

    const fields = wb.getWorksheet('Theo lĩnh vực')!;
    const header = (fields.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const rows = new Map<string, ExcelJS.Row>();
    fields.eachRow((row, n) => void (n > 1 && rows.set(String(row.getCell(1).value), row)));
    for (const g of byService.groups) {
      const row = rows.get(g.label)!;
      expect(row.getCell(col('Số lượt lấy số')).value, g.label).toBe(g.issued);
      expect(row.getCell(col('Tổng số lượt đánh giá')).value, g.label).toBe(g.ratings.total);
      expect(row.getCell(col('Tỷ lệ hài lòng (thiết bị)')).value ?? null, g.label).toBe(g.satisfactionRate);
      expect(row.getCell(col('Chỉ tiêu hài lòng')).value, g.label).toBe(g.satisfactionTarget);
      expect(row.getCell(col('Chỉ tiêu')).value ?? '', g.label).toBe(g.belowTarget === true ? 'Chưa đạt' : g.belowTarget === false ? 'Đạt' : '');
    }
    expect(rows.get('Tổng cộng')!.getCell(col('Đã phục vụ')).value).toBe(t.served);
    expect(fields.getRow(2).getCell(col('Tỷ lệ hài lòng (thiết bị)')).numFmt).toBe('0.0%');

    const daySheet = wb.getWorksheet('Theo ngày')!;
    expect(daySheet.rowCount).toBe(days.length + 2);
    expect(daySheet.getCell('A2').value).toBe('02/03/2026');
  });

  it('the CSV comes standard (comma, decimal point) and for Vietnamese Excel (semicolon, decimal comma), both UTF-8 with a BOM', async () => {
    const get = async (query: string, name: string) => {
      const res = await download(`/api/stats/export.csv?from=${from}&to=${to}${query}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      // Two files, two names: the one for Vietnamese Excel is not taken for the standard one in the downloads folder.
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`);
      return new Uint8Array(await res.arrayBuffer());
    };
    const standard = parseCsv(await get('', `bao-cao-${from}_${to}.csv`), ',', '.');
    const vi = parseCsv(await get('&excel=vi', `bao-cao-${from}_${to}-excel-vi.csv`), ';', ',');
    for (const csv of [standard, vi]) {
      expect(csv.header.slice(0, 3)).toEqual(['Lĩnh vực', 'Số lượt lấy số', 'Lấy số tại kiosk']);
      expect(csv.header.at(-1)).toBe('Chỉ tiêu');
      expect(csv.rows).toHaveLength(byService.groups.length + 1);
      expect(csv.rows.every((r) => r.length === csv.header.length)).toBe(true);
      const total = csv.row('Tổng cộng');
      expect(csv.num(total, 'Số lượt lấy số')).toBe(summary.totals.issued);
      expect(csv.num(total, 'Tổng số lượt đánh giá')).toBe(summary.totals.ratings.total);
      expect(csv.num(total, 'Chờ trung bình (phút)')).toBe(minutes(summary.totals.waitSeconds.mean));
      expect(csv.num(total, 'Tỷ lệ hài lòng (thiết bị)')).toBeCloseTo(summary.totals.satisfactionRate, 4);
      expect(csv.num(csv.row('Đất đai'), 'Đã phục vụ')).toBe(byService.groups.find((g: any) => g.key === 'dat-dai').served);
    }
    // The same cells, only the separators differ: "0.9123" in one is "0,9123" in the other.
    const rate = vi.row('Tổng cộng')[vi.header.indexOf('Tỷ lệ hài lòng (thiết bị)')]!;
    expect(rate).toMatch(/^0,\d+$/);
    expect(standard.row('Tổng cộng')[standard.header.indexOf('Tỷ lệ hài lòng (thiết bị)')]).toBe(rate.replace(',', '.'));
    expect((await download(`/api/stats/export.csv?from=${from}&to=${to}&excel=fr`)).status).toBe(400);
  });

  it('the report paragraph states the period’s figures in Vietnamese', async () => {
    const res = await client(server.url, token).get(`/api/stats/report-text?from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    const text: string = res.body.text;
    const vn = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
    const t = summary.totals;
    expect(text).toContain(`Trong kỳ báo cáo (từ ngày 02/03/2026 đến ngày 06/03/2026), Trung tâm đã tiếp đón ${vn.format(t.issued)} lượt công dân`);
    expect(text).toContain(`Tổng số lượt đánh giá: ${vn.format(t.ratings.total)} lượt`);
    expect(text).toContain(`tỷ lệ hài lòng đạt ${vn.format(Math.round(t.satisfactionRate * 1000) / 10)}%`);
    expect(text).toContain('Quyết định 766/QĐ-TTg');
    expect(text).toContain('Qua khảo sát bằng phiếu giấy: 11 phiếu');
    const en = await client(server.url, token).get(`/api/stats/report-text?from=${from}&to=${to}&lang=en`);
    expect(en.body.text).toContain('In the reporting period (02/03/2026 to 06/03/2026)');
    // Fields below target by their English names in English ("Civil status", as the English screens say).
    const below = (byService.groups as any[]).filter((g) => g.belowTarget === true);
    expect(below.length).toBeGreaterThan(0);
    const english = new Map(server.floor.services.map((s) => [s.id, s.nameEn]));
    for (const g of below) {
      expect(en.body.text).toContain(`${english.get(g.key)} (`);
      expect(en.body.text).not.toContain(`${g.label} (`);
      expect(text).toContain(`${g.label} (`);
    }
  });

  it('a ticket transferred and not called again counts for the counter and the officer that last called it; "Chưa gọi" only for tickets never called', async () => {
    const api = client(server.url, token);
    const groups = async (by: string) => (await api.get(`/api/stats/summary?from=${from}&to=${to}&groupBy=${by}`)).body.groups as any[];
    const [byCounter, byStaff] = [await groups('counter'), await groups('staff')];
    const q = server.db.prepare<[string, string], { n: number }>(
      `SELECT count(*) AS n FROM tickets WHERE service_day BETWEEN ? AND ? AND counter_id IS NULL AND first_called_at IS NOT NULL`,
    );
    expect(q.get(from, to)!.n).toBeGreaterThanOrEqual(days.length); // the generator's closing-time transfers
    const never = server.db.prepare<[string, string], { n: number }>(`SELECT count(*) AS n FROM tickets WHERE service_day BETWEEN ? AND ? AND first_called_at IS NULL`).get(from, to)!.n;
    const none = (gs: any[]) => gs.find((g) => g.key === 'none');
    expect(never).toBeGreaterThan(0);
    for (const gs of [byCounter, byStaff]) {
      expect(none(gs)).toMatchObject({ issued: never, transferred: 0, label: 'Chưa gọi' });
      expect(gs.reduce((n, g) => n + g.issued, 0)).toBe(summary.totals.issued);
    }
    // Each officer sits at one counter here, so the two tables must agree row for row.
    const seat = new Map(server.db.prepare<[], { id: number; counter_id: number }>(`SELECT id, counter_id FROM users WHERE counter_id IS NOT NULL`).all().map((u) => [u.id, u.counter_id]));
    for (const g of byStaff.filter((x) => x.key !== 'none')) {
      expect(byCounter.find((c) => c.key === seat.get(g.key)), `officer ${g.label}`).toMatchObject({ issued: g.issued, transferred: g.transferred, served: g.served });
    }
  });

  it('bad input gets a 4xx in plain Vietnamese (English on request), never a 500', async () => {
    const api = client(server.url, token);
    const reversed = await api.get('/api/stats/summary?from=2026-03-06&to=2026-03-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.message).toMatch(/^Dữ liệu gửi lên không hợp lệ/);
    expect((await api.get('/api/stats/export.xlsx?from=2026-02-30&to=2026-03-01')).status).toBe(400);
    expect((await api.get('/api/stats/export.csv?from=2026-03-01&to=2026-03-02&groupBy=planet')).status).toBe(400);
    const long = await api.get('/api/stats/report-text?from=2000-01-01&to=2026-03-01', { 'accept-language': 'en' });
    expect(long.status).toBe(400);
    expect(long.body.error).toEqual({ code: 'range_too_long', message: 'The date range is too long (at most 3700 days).' });
    const negative = await api.post('/api/stats/paper-ballots', { serviceId: 'dat-dai', from, to, very_satisfied: -1, satisfied: 0, neutral: 0, dissatisfied: 0, very_dissatisfied: 0 });
    expect(negative.status).toBe(400);
    // A period that ends before it starts, and a batch of nothing, are refused in plain words; nothing is stored.
    const before = (await api.get(`/api/stats/paper-ballots?from=2026-01-01&to=2026-12-31`)).body.length;
    const ballot = { serviceId: 'dat-dai', very_satisfied: 3, satisfied: 0, neutral: 0, dissatisfied: 0, very_dissatisfied: 0 };
    const backwards = await api.post('/api/stats/paper-ballots', { ...ballot, from: '2026-03-20', to: '2026-03-10' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error).toEqual({ code: 'paper_period_reversed', message: 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.' });
    assertContract(server, 'post', '/api/stats/paper-ballots', backwards);
    const backwardsEn = await api.post('/api/stats/paper-ballots', { ...ballot, from: '2026-03-20', to: '2026-03-10' }, { 'accept-language': 'en' });
    expect(backwardsEn.body.error.message).toBe('The end date must be on or after the start date.');
    const empty = await api.post('/api/stats/paper-ballots', { ...ballot, very_satisfied: 0, from, to });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toEqual({ code: 'paper_batch_empty', message: 'Đợt khảo sát chưa có phiếu nào: hãy nhập số phiếu của ít nhất một mức.' });
    assertContract(server, 'post', '/api/stats/paper-ballots', empty);
    const emptyEn = await api.post('/api/stats/paper-ballots', { ...ballot, very_satisfied: 0, from, to }, { 'accept-language': 'en' });
    expect(emptyEn.body.error).toEqual({ code: 'paper_batch_empty', message: 'The batch has no ballots: enter the count for at least one level.' });
    expect((await api.get(`/api/stats/paper-ballots?from=2026-01-01&to=2026-12-31`)).body).toHaveLength(before);
    const unknown = await api.post('/api/stats/paper-ballots', { serviceId: 'mars', from, to, very_satisfied: 1, satisfied: 0, neutral: 0, dissatisfied: 0, very_dissatisfied: 0 });
    expect(unknown.status).toBe(404);
    expect((await api.post('/api/stats/paper-ballots/abc/void')).status).toBe(404);
    expect((await api.post('/api/stats/paper-ballots/999/void')).body.error.message).toContain('Không có đợt phiếu giấy số 999');
    const officer = client(server.url, await login(server.url, 'canbo1'));
    expect((await officer.get(`/api/stats/export.xlsx?from=${from}&to=${to}`)).status).toBe(403);
    expect((await client(server.url).get(`/api/stats/export.csv?from=${from}&to=${to}`)).status).toBe(401);
  });

  it('a voided paper batch leaves the figures but stays listed', async () => {
    const api = client(server.url, token);
    const made = await api.post('/api/stats/paper-ballots', { serviceId: 'bhxh', from, to, very_satisfied: 0, satisfied: 0, neutral: 0, dissatisfied: 9, very_dissatisfied: 0, note: 'Nhập nhầm' });
    expect((await api.get(`/api/stats/summary?from=${from}&to=${to}`)).body.totals.paperBallots.total).toBe(20);
    expect((await api.post(`/api/stats/paper-ballots/${made.body.id}/void`)).status).toBe(200);
    expect((await api.get(`/api/stats/summary?from=${from}&to=${to}`)).body.totals.paperBallots.total).toBe(11);
    const list = await api.get(`/api/stats/paper-ballots?from=${from}&to=${to}`);
    expect(list.body.map((b: any) => [b.serviceId, b.voided, b.enteredBy])).toEqual([
      ['chung-thuc', false, expect.any(String)],
      ['bhxh', true, expect.any(String)],
    ]);
  });

  it('paper batches that straddle the range are left out, and the paragraph says how many', async () => {
    const api = client(server.url, token);
    const batch = (serviceId: string, bFrom: string, bTo: string, satisfied: number, neutral: number) =>
      api.post('/api/stats/paper-ballots', { serviceId, from: bFrom, to: bTo, very_satisfied: 0, satisfied, neutral, dissatisfied: 0, very_dissatisfied: 0 });
    await batch('dat-dai', '2026-02-25', '2026-03-03', 30, 10);
    await batch('ho-tich', '2026-03-05', '2026-03-10', 45, 5);
    await batch('bhxh', '2026-02-01', '2026-02-28', 70, 0); // wholly outside: not "left out" of this range
    const voided = await batch('bhxh', '2026-03-01', '2026-03-04', 8, 0);
    await api.post(`/api/stats/paper-ballots/${voided.body.id}/void`);
    expect((await api.get(`/api/stats/summary?from=${from}&to=${to}`)).body.totals.paperBallots.total).toBe(11);

    const res = await download(`/api/stats/export.xlsx?from=${from}&to=${to}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Tổng hợp')!;
    let paragraph = '';
    sheet.eachRow((row, n) => void (row.getCell(1).value === 'Đoạn văn cho báo cáo' && (paragraph = String(sheet.getRow(n + 1).getCell(1).value))));
    expect(paragraph).toContain('Qua khảo sát bằng phiếu giấy: 11 phiếu');
    expect(paragraph).toContain('2 đợt phiếu giấy (90 phiếu) nằm một phần ngoài kỳ báo cáo nên chưa được tính.');
    const page = await api.get(`/api/stats/report?from=${from}&to=${to}`);
    expect(page.body.paperLeftOut).toEqual({ batches: 2, ballots: 90 });
    expect(page.body.text).toContain('2 đợt phiếu giấy (90 phiếu) nằm một phần ngoài kỳ báo cáo nên chưa được tính.');
    expect((await api.get(`/api/stats/report-text?from=${from}&to=${to}`)).body.text).toBe(page.body.text);
    const en = reportParagraph({ from, to, totals: summary.totals, services: [], targetWaitMinutes: 15, paperLeftOut: { batches: 1, ballots: 40 } }, 'en');
    expect(en).toContain('1 paper-ballot batch (40 ballots) lies partly outside the period and is not counted.');
    expect(reportParagraph({ from, to, totals: summary.totals, services: [], targetWaitMinutes: 15, paperLeftOut: { batches: 0, ballots: 0 } })).not.toContain('ngoài kỳ báo cáo');
  });
});
