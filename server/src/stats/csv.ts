import type { Figures, SummaryReply } from '@qms/protocol';
import { figureColumns, targetVerdict, type FigureColumn } from './columns';
import { decimalsAgainst } from './format';

type Group = NonNullable<SummaryReply['groups']>[number];

/** Excel only reads a CSV as UTF-8 (and so shows Vietnamese letters) when it starts with this byte-order mark. */
export const BOM = '\uFEFF';

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const line = (cells: string[]) => cells.map(quote).join(',') + '\r\n';

/** A cell's text: rates to 4 decimals as fractions, more where 4 would make a rate look equal to its target. */
function cellText(v: number | null, kind: FigureColumn['kind'], f: Figures): string {
  if (v === null) return '';
  const d = kind === 'percent' ? decimalsAgainst(v, f.satisfactionTarget, 4, 1) : 4;
  return String(Math.round(v * 10 ** d) / 10 ** d);
}

/** The figures table as RFC 4180 CSV: one row per group, then the total; rates as fractions (0.973), durations in minutes. */
export function figuresCsv(keyHeader: string, groups: Group[], totals: Figures): string {
  const row = (label: string, f: Figures) => line([label, ...figureColumns.map((c) => cellText(c.value(f), c.kind, f)), targetVerdict(f)]);
  let out = BOM + line([keyHeader, ...figureColumns.map((c) => c.header), 'Chỉ tiêu']);
  for (const g of groups) out += row(g.label, g);
  out += row('Tổng cộng', totals);
  return out;
}
