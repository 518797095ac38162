import type { Figures } from '@qms/protocol';
import { decimalsAgainst } from '@qms/protocol/rounding';
import { figureColumns, targetVerdict, type FigureColumn } from './columns';
import type { Group } from './summary';

/** Excel only reads a CSV as UTF-8 (and so shows Vietnamese letters) when it starts with this byte-order mark. */
export const BOM = '\uFEFF';

/**
 * `standard`: RFC 4180, comma between fields, decimal point. `excel-vi`: what Excel expects under Vietnamese regional
 * settings (list separator `;`, decimal comma); a comma CSV opens there as one column.
 */
export type CsvDialect = 'standard' | 'excel-vi';

const separators: Record<CsvDialect, { field: string; decimal: string }> = {
  standard: { field: ',', decimal: '.' },
  'excel-vi': { field: ';', decimal: ',' },
};

/** A cell's text: rates to 4 decimals as fractions, more where 4 would make a rate look equal to its target. */
function cellText(v: number | null, col: FigureColumn, f: Figures, decimal: string): string {
  if (v === null) return '';
  const d = col.vsTarget ? decimalsAgainst(v, f.satisfactionTarget, 4, 1) : 4;
  const s = String(Math.round(v * 10 ** d) / 10 ** d);
  return decimal === '.' ? s : s.replace('.', decimal);
}

/** The figures table as CSV: one row per group, then the total; rates as fractions (0.973), durations in minutes. */
export function figuresCsv(keyHeader: string, groups: Group[], totals: Figures, dialect: CsvDialect = 'standard'): string {
  const { field, decimal } = separators[dialect];
  const quote = (s: string) => (s.includes(field) || /["\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const line = (cells: string[]) => cells.map(quote).join(field) + '\r\n';
  const row = (label: string, f: Figures) => line([label, ...figureColumns.map((c) => cellText(c.value(f), c, f, decimal)), targetVerdict(f)]);
  let out = BOM + line([keyHeader, ...figureColumns.map((c) => c.header), 'Chỉ tiêu']);
  for (const g of groups) out += row(g.label, g);
  out += row('Tổng cộng', totals);
  return out;
}
