import ExcelJS from 'exceljs';
import type { Figures, SummaryReply } from '@qms/protocol';
import { figureColumns, targetVerdict, type CellKind, type FigureColumn } from '@qms/protocol/figure-columns';
import type { HubReportReply } from '@qms/protocol/hub';
import { fmtDate } from '@qms/protocol/report-format';
import { decimalsAgainst } from '@qms/protocol/rounding';

type Group = NonNullable<SummaryReply['groups']>[number];

/** Sheet names of the city workbook (the tests read them back). */
export const citySheets = { summary: 'Tổng hợp', centers: 'Theo trung tâm', services: 'Theo lĩnh vực', districts: 'Theo khu vực', ranking: 'Xếp hạng' } as const;

const numFmt: Record<CellKind, string> = { int: '#,##0', minutes: '#,##0.0', percent: '0.0%' };
const cellFmt = (col: FigureColumn, v: number | null, f: Figures) =>
  col.vsTarget && v !== null ? `0.${'0'.repeat(decimalsAgainst(v, f.satisfactionTarget, 1))}%` : numFmt[col.kind];
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };

/**
 * The city report as an Excel workbook, with the same columns as a center's export (protocol's figure columns) so a
 * center's file and the city's line for it compare cell by cell.
 */
export async function cityWorkbook(r: HubReportReply): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Máy chủ thành phố';
  wb.created = new Date();
  summarySheet(wb, r);
  groupSheet(wb, citySheets.centers, 'Trung tâm', r.groups.center, r.totals, 'Mã trung tâm');
  groupSheet(wb, citySheets.services, 'Lĩnh vực', r.groups.service, r.totals);
  if (r.groups.district.length) groupSheet(wb, citySheets.districts, 'Khu vực', r.groups.district, r.totals);
  rankingSheet(wb, r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function summarySheet(wb: ExcelJS.Workbook, r: HubReportReply) {
  const ws = wb.addWorksheet(citySheets.summary, { views: [{ state: 'frozen', ySplit: 4 }] });
  ws.columns = [{ width: 52 }, { width: 18 }];
  ws.addRow(['BÁO CÁO TIẾP ĐÓN VÀ MỨC ĐỘ HÀI LÒNG — CÁC TRUNG TÂM TRÊN ĐỊA BÀN THÀNH PHỐ']).font = { bold: true, size: 14 };
  ws.addRow([`Kỳ báo cáo: từ ngày ${fmtDate(r.from)} đến ngày ${fmtDate(r.to)}`]);
  ws.addRow([]);
  const head = ws.addRow(['Chỉ số', 'Giá trị']);
  head.font = { bold: true };
  head.eachCell((cell) => (cell.fill = headerFill));
  ws.addRow(['Số Trung tâm có lượt lấy số', r.groups.center.filter((c) => c.issued > 0).length]);
  for (const col of figureColumns) {
    const row = ws.addRow([col.header, col.value(r.totals)]);
    row.getCell(2).numFmt = cellFmt(col, col.value(r.totals), r.totals);
  }
  ws.addRow(['Đánh giá so với chỉ tiêu', targetVerdict(r.totals)]);
  ws.addRow([]);
  ws.addRow(['Đoạn văn cho báo cáo']).font = { bold: true };
  const p = ws.addRow([r.text]);
  p.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  p.height = 180;
  ws.mergeCells(p.number, 1, p.number, 2);
}

function groupSheet(wb: ExcelJS.Workbook, name: string, labelHeader: string, groups: Group[], totals: Figures, keyHeader?: string) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: keyHeader ? 2 : 1, ySplit: 1 }] });
  const lead = keyHeader ? [{ width: 16 }, { width: 30 }] : [{ width: 30 }];
  ws.columns = [...lead, ...figureColumns.map(() => ({ width: 14 })), { width: 12 }];
  const head = ws.addRow([...(keyHeader ? [keyHeader] : []), labelHeader, ...figureColumns.map((c) => c.header), 'Chỉ tiêu']);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle' };
  head.height = 60;
  head.eachCell((cell) => (cell.fill = headerFill));
  const first = keyHeader ? 3 : 2;
  const write = (key: string, label: string, f: Figures, bold = false) => {
    const row = ws.addRow([...(keyHeader ? [key] : []), label, ...figureColumns.map((c) => c.value(f)), targetVerdict(f)]);
    figureColumns.forEach((c, i) => (row.getCell(i + first).numFmt = cellFmt(c, c.value(f), f)));
    if (bold) row.font = { bold: true };
    if (f.belowTarget) row.getCell(figureColumns.length + first).font = { bold: true, color: { argb: 'FFC00000' } };
  };
  for (const g of groups) write(String(g.key), g.label, g);
  write('', 'Tổng cộng', totals, true);
}

function rankingSheet(wb: ExcelJS.Workbook, r: HubReportReply) {
  const ws = wb.addWorksheet(citySheets.ranking, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [{ width: 8 }, { width: 16 }, { width: 34 }, { width: 18 }, { width: 16 }, { width: 14 }, { width: 12 }];
  const head = ws.addRow(['Hạng', 'Mã trung tâm', 'Trung tâm', 'Tỷ lệ hài lòng (thiết bị + phiếu giấy)', 'Tổng số lượt đánh giá', 'Số lượt lấy số', 'Chỉ tiêu']);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle' };
  head.eachCell((cell) => (cell.fill = headerFill));
  for (const line of r.ranking) {
    const row = ws.addRow([line.rank ?? '—', line.key, line.label, line.rate, line.ratings, line.issued, line.belowTarget === true ? 'Chưa đạt' : line.belowTarget === false ? 'Đạt' : '']);
    row.getCell(4).numFmt = line.rate === null ? numFmt.percent : `0.${'0'.repeat(decimalsAgainst(line.rate, r.totals.satisfactionTarget, 1))}%`;
    row.getCell(5).numFmt = numFmt.int;
    row.getCell(6).numFmt = numFmt.int;
  }
}
