import type { Figures, SummaryReply } from '@qms/protocol';
import { figureColumns, targetVerdict } from './columns';

type Group = NonNullable<SummaryReply['groups']>[number];

/** Excel only reads a CSV as UTF-8 (and so shows Vietnamese letters) when it starts with this byte-order mark. */
export const BOM = '\uFEFF';

const quote = (v: string | number | null) => {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(Math.round(v * 10000) / 10000) : v;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
const line = (cells: (string | number | null)[]) => cells.map(quote).join(',') + '\r\n';

/** The figures table as RFC 4180 CSV: one row per group, then the total; rates as fractions (0.973), durations in minutes. */
export function figuresCsv(keyHeader: string, groups: Group[], totals: Figures): string {
  let out = BOM + line([keyHeader, ...figureColumns.map((c) => c.header), 'Chỉ tiêu']);
  for (const g of groups) out += line([g.label, ...figureColumns.map((c) => c.value(g)), targetVerdict(g)]);
  out += line(['Tổng cộng', ...figureColumns.map((c) => c.value(totals)), targetVerdict(totals)]);
  return out;
}
