import type { Figures, SummaryReply } from '@qms/protocol';
import { fmtDate, fmtInt, fmtPercent, type ReportLang } from '@qms/protocol/report-format';
import { figureSentences } from '@qms/protocol/report-sentences';

type Group = NonNullable<SummaryReply['groups']>[number];

export interface CityTextInput {
  from: string;
  to: string;
  totals: Figures;
  /** The summary's lines per center and per field (groupBy=center, groupBy=service). */
  centers: Group[];
  services: Group[];
}

/** Minutes of the wait target the figures use (docs/figures.md). */
const targetWaitMinutes = 15;

/** The city report's ready-to-paste paragraph, in the words of the city's own reports (seed 001). */
export function cityParagraph(input: CityTextInput, lang: ReportLang = 'vi'): string {
  return lang === 'vi' ? vietnamese(input) : english(input);
}

const rateOf = (g: Figures) => g.combined?.satisfactionRate ?? g.satisfactionRate;

function vietnamese({ from, to, totals: f, centers, services }: CityTextInput): string {
  const n = (x: number) => fmtInt(x);
  const p = (x: number | null) => fmtPercent(x);
  const vs = (x: number | null, target = f.satisfactionTarget) => fmtPercent(x, 'vi', target);
  const said = figureSentences(f, 'vi', targetWaitMinutes);
  const active = centers.filter((c) => c.issued > 0).length;
  const parts = [
    `Trong kỳ (từ ngày ${fmtDate(from)} đến ngày ${fmtDate(to)}), các Trung tâm trên địa bàn thành phố đã tiếp đón ${n(f.issued)} lượt công dân, tổ chức đến giao dịch (cấp ${n(f.issued)} số thứ tự tại ${n(active)} Trung tâm), trong đó đã phục vụ ${n(f.served)} lượt, ${n(f.noShow)} lượt vắng mặt khi được gọi, ${n(f.cancelled)} lượt hủy; ${n(f.transferred)} lượt được chuyển quầy.`,
    said.wait,
    said.ratings,
    said.paper,
    said.rate766,
    said.target,
  ];
  const rated = centers.filter((c) => c.belowTarget === true || c.belowTarget === false);
  const belowCenters = rated.filter((c) => c.belowTarget === true);
  if (belowCenters.length) {
    parts.push(
      `Có ${n(belowCenters.length)}/${n(rated.length)} Trung tâm chưa đạt chỉ tiêu hài lòng: ${belowCenters.map((c) => `${c.label} (${vs(rateOf(c), c.satisfactionTarget)})`).join('; ')}.`,
    );
  } else if (rated.length) {
    parts.push(`Tất cả ${n(rated.length)} Trung tâm có đánh giá đều đạt chỉ tiêu hài lòng.`);
  }
  const belowFields = services.filter((s) => s.belowTarget === true);
  if (belowFields.length) {
    parts.push(`Các lĩnh vực chưa đạt chỉ tiêu: ${belowFields.map((s) => `${s.label} (${vs(rateOf(s), s.satisfactionTarget)}, chỉ tiêu ${p(s.satisfactionTarget ?? null)})`).join('; ')}.`);
  }
  return parts.filter(Boolean).join(' ');
}

function english({ from, to, totals: f, centers, services }: CityTextInput): string {
  const n = (x: number) => fmtInt(x, 'en');
  const p = (x: number | null) => fmtPercent(x, 'en');
  const vs = (x: number | null, target = f.satisfactionTarget) => fmtPercent(x, 'en', target);
  const said = figureSentences(f, 'en', targetWaitMinutes);
  const active = centers.filter((c) => c.issued > 0).length;
  const parts = [
    `In the period (${fmtDate(from)} to ${fmtDate(to)}), the city's centers received ${n(f.issued)} visits (tickets issued at ${n(active)} centers): ${n(f.served)} served, ${n(f.noShow)} absent when called, ${n(f.cancelled)} cancelled; ${n(f.transferred)} transferred between counters.`,
    said.wait,
    said.ratings,
    said.paper,
    said.rate766,
    said.target,
  ];
  const rated = centers.filter((c) => c.belowTarget === true || c.belowTarget === false);
  const below = rated.filter((c) => c.belowTarget === true);
  if (below.length) parts.push(`${n(below.length)} of ${n(rated.length)} centers below target: ${below.map((c) => `${c.label} (${vs(rateOf(c), c.satisfactionTarget)})`).join('; ')}.`);
  else if (rated.length) parts.push(`All ${n(rated.length)} rated centers met the target.`);
  const fields = services.filter((s) => s.belowTarget === true);
  if (fields.length) parts.push(`Fields below target: ${fields.map((s) => `${s.label} (${vs(rateOf(s), s.satisfactionTarget)}, target ${p(s.satisfactionTarget ?? null)})`).join('; ')}.`);
  return parts.filter(Boolean).join(' ');
}
