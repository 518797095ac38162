import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { Figures, PaperBallot } from '@qms/protocol';
import { decimalsAgainst } from '@qms/protocol/rounding';
import { figureColumns, targetVerdict, type CellKind, type FigureColumn } from './columns';
import { fmtDate } from './format';
import type { Group } from './summary';

export interface WorkbookContent {
  centerName: string;
  from: string;
  to: string;
  totals: Figures;
  /** Sheet name → its groups, in order. */
  sheets: { name: string; keyHeader: string; groups: Group[] }[];
  ballots: PaperBallot[];
  serviceNames: Map<string, string>;
  paragraph: string;
}

const numFmt: Record<CellKind, string> = { int: '#,##0', minutes: '#,##0.0', percent: '0.0%' };
/** A rate beside its target gets the decimals that keep it from showing as the target (94,98%, not 95,0%). */
const cellFmt = (col: FigureColumn, v: number | null, f: Figures) =>
  col.vsTarget && v !== null ? `0.${'0'.repeat(decimalsAgainst(v, f.satisfactionTarget, 1))}%` : numFmt[col.kind];
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };

/** Writes the report workbook row by row to `out` (streamed: a long range never sits whole in memory). */
export async function writeWorkbook(out: Writable, c: WorkbookContent): Promise<void> {
  // Loaded on the first export, not at start: exceljs costs the server about 28 MB of memory for a rarely used route.
  const { default: excel } = await import('exceljs');
  const wb = new excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = c.centerName;
  wb.created = new Date();
  summarySheet(wb, c);
  for (const s of c.sheets) groupSheet(wb, s.name, s.keyHeader, s.groups, c.totals);
  ballotSheet(wb, c);
  await wb.commit();
}

function summarySheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, c: WorkbookContent) {
  const ws = wb.addWorksheet('Tổng hợp', { views: [{ state: 'frozen', ySplit: 4 }] });
  ws.columns = [{ width: 52 }, { width: 18 }];
  ws.addRow([`BÁO CÁO TIẾP ĐÓN VÀ MỨC ĐỘ HÀI LÒNG — ${c.centerName}`]).font = { bold: true, size: 14 };
  ws.addRow([`Kỳ báo cáo: từ ngày ${fmtDate(c.from)} đến ngày ${fmtDate(c.to)}`]);
  ws.addRow([]);
  const head = ws.addRow(['Chỉ số', 'Giá trị']);
  head.font = { bold: true };
  head.eachCell((cell) => (cell.fill = headerFill));
  for (const col of figureColumns) {
    const row = ws.addRow([col.header, col.value(c.totals)]);
    row.getCell(2).numFmt = cellFmt(col, col.value(c.totals), c.totals);
  }
  ws.addRow(['Đánh giá so với chỉ tiêu', targetVerdict(c.totals)]);
  ws.addRow([]);
  ws.addRow(['Đoạn văn cho báo cáo']).font = { bold: true };
  const p = ws.addRow([c.paragraph]);
  p.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  p.height = 150;
  ws.mergeCells(p.number, 1, p.number, 2);
  ws.commit();
}

function groupSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, keyHeader: string, groups: Group[], totals: Figures) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  ws.columns = [{ width: 30 }, ...figureColumns.map(() => ({ width: 14 })), { width: 12 }];
  const head = ws.addRow([keyHeader, ...figureColumns.map((c) => c.header), 'Chỉ tiêu']);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle' };
  head.height = 60;
  head.eachCell((cell) => (cell.fill = headerFill));
  head.commit();
  const write = (label: string, f: Figures, bold = false) => {
    const row = ws.addRow([label, ...figureColumns.map((c) => c.value(f)), targetVerdict(f)]);
    figureColumns.forEach((c, i) => (row.getCell(i + 2).numFmt = cellFmt(c, c.value(f), f)));
    if (bold) row.font = { bold: true };
    if (f.belowTarget) row.getCell(figureColumns.length + 2).font = { bold: true, color: { argb: 'FFC00000' } };
    row.commit();
  };
  for (const g of groups) write(g.label, g);
  write('Tổng cộng', totals, true);
  ws.commit();
}

function ballotSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, c: WorkbookContent) {
  const ws = wb.addWorksheet('Phiếu giấy');
  ws.columns = [{ width: 26 }, { width: 12 }, { width: 12 }, ...Array.from({ length: 6 }, () => ({ width: 13 })), { width: 30 }];
  const head = ws.addRow(['Lĩnh vực', 'Từ ngày', 'Đến ngày', 'Rất hài lòng', 'Hài lòng', 'Bình thường', 'Không hài lòng', 'Rất không hài lòng', 'Tổng', 'Ghi chú']);
  head.font = { bold: true };
  head.eachCell((cell) => (cell.fill = headerFill));
  for (const b of c.ballots) {
    const k = b.counts;
    ws.addRow([c.serviceNames.get(b.serviceId) ?? b.serviceId, fmtDate(b.from), fmtDate(b.to), k.very_satisfied, k.satisfied, k.neutral, k.dissatisfied, k.very_dissatisfied, k.total, b.note ?? '']).commit();
  }
  ws.commit();
}
