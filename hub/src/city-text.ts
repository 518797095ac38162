import type { Figures, SummaryReply } from '@qms/protocol';
import { fmtDate, fmtDuration, fmtInt, fmtPercent, type ReportLang } from '@qms/protocol/report-format';

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
  const r = f.ratings;
  const active = centers.filter((c) => c.issued > 0).length;
  const parts = [
    `Trong kỳ (từ ngày ${fmtDate(from)} đến ngày ${fmtDate(to)}), các Trung tâm trên địa bàn thành phố đã tiếp đón ${n(f.issued)} lượt công dân, tổ chức đến giao dịch (cấp ${n(f.issued)} số thứ tự tại ${n(active)} Trung tâm), trong đó đã phục vụ ${n(f.served)} lượt, ${n(f.noShow)} lượt vắng mặt khi được gọi, ${n(f.cancelled)} lượt hủy; ${n(f.transferred)} lượt được chuyển quầy.`,
  ];
  if (f.waitSeconds.mean !== null) {
    parts.push(
      `Thời gian chờ trung bình ${fmtDuration(f.waitSeconds.mean)} (trung vị ${fmtDuration(f.waitSeconds.median)}); ${p(f.waitWithinTarget.share)} lượt được gọi trong vòng ${n(targetWaitMinutes)} phút. Thời gian giải quyết trung bình tại quầy ${fmtDuration(f.serviceSeconds.mean)}.`,
    );
  }
  parts.push(
    `Tổng số lượt đánh giá: ${n(r.total)} lượt (${p(f.responseRate)} số lượt đã phục vụ), trong đó: rất hài lòng ${n(r.very_satisfied)}, hài lòng ${n(r.satisfied)}, bình thường ${n(r.neutral)}, không hài lòng ${n(r.dissatisfied)}, rất không hài lòng ${n(r.very_dissatisfied)}; tỷ lệ hài lòng đạt ${vs(f.satisfactionRate)}.`,
  );
  const paper = f.paperBallots;
  if (paper && paper.total > 0 && f.combined) {
    parts.push(
      `Qua khảo sát bằng phiếu giấy: ${n(paper.total)} phiếu, ${n(paper.very_satisfied + paper.satisfied)} phiếu hài lòng và rất hài lòng; tính chung cả đánh giá trên thiết bị và phiếu giấy (${n(f.combined.total)} lượt), tỷ lệ hài lòng đạt ${vs(f.combined.satisfactionRate)}.`,
    );
  }
  parts.push(`Tỷ lệ kiểu Quyết định 766/QĐ-TTg tại quầy (1 − số lượt không hài lòng ÷ số lượt đã phục vụ; chưa trừ hồ sơ quá hạn và phản ánh, kiến nghị): ${p(f.rate766)}.`);
  if (f.belowTarget === true || f.belowTarget === false) {
    parts.push(`So với chỉ tiêu ${p(f.satisfactionTarget ?? null)} của Thành phố, tỷ lệ hài lòng chung ${f.belowTarget ? 'chưa đạt' : 'đạt'}.`);
  }
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
  return parts.join(' ');
}

function english({ from, to, totals: f, centers, services }: CityTextInput): string {
  const n = (x: number) => fmtInt(x, 'en');
  const p = (x: number | null) => fmtPercent(x, 'en');
  const vs = (x: number | null, target = f.satisfactionTarget) => fmtPercent(x, 'en', target);
  const r = f.ratings;
  const active = centers.filter((c) => c.issued > 0).length;
  const parts = [
    `In the period (${fmtDate(from)} to ${fmtDate(to)}), the city's centers received ${n(f.issued)} visits (tickets issued at ${n(active)} centers): ${n(f.served)} served, ${n(f.noShow)} absent when called, ${n(f.cancelled)} cancelled; ${n(f.transferred)} transferred between counters.`,
  ];
  if (f.waitSeconds.mean !== null) {
    parts.push(
      `Mean wait ${fmtDuration(f.waitSeconds.mean, 'en')} (median ${fmtDuration(f.waitSeconds.median, 'en')}); ${p(f.waitWithinTarget.share)} called within ${n(targetWaitMinutes)} minutes. Mean service time ${fmtDuration(f.serviceSeconds.mean, 'en')}.`,
    );
  }
  parts.push(
    `Total ratings: ${n(r.total)} (${p(f.responseRate)} of those served): very satisfied ${n(r.very_satisfied)}, satisfied ${n(r.satisfied)}, neutral ${n(r.neutral)}, dissatisfied ${n(r.dissatisfied)}, very dissatisfied ${n(r.very_dissatisfied)}; satisfaction rate ${vs(f.satisfactionRate)}.`,
  );
  if (f.paperBallots && f.paperBallots.total > 0 && f.combined) parts.push(`Paper ballots: ${n(f.paperBallots.total)}; devices and paper together: ${vs(f.combined.satisfactionRate)}.`);
  parts.push(`766-style rate (1 − dissatisfied ÷ served): ${p(f.rate766)}.`);
  if (f.belowTarget === true || f.belowTarget === false) parts.push(`Against the city's ${p(f.satisfactionTarget ?? null)} target, overall satisfaction is ${f.belowTarget ? 'below target' : 'met'}.`);
  const rated = centers.filter((c) => c.belowTarget === true || c.belowTarget === false);
  const below = rated.filter((c) => c.belowTarget === true);
  if (below.length) parts.push(`${n(below.length)} of ${n(rated.length)} centers below target: ${below.map((c) => `${c.label} (${vs(rateOf(c), c.satisfactionTarget)})`).join('; ')}.`);
  else if (rated.length) parts.push(`All ${n(rated.length)} rated centers met the target.`);
  const fields = services.filter((s) => s.belowTarget === true);
  if (fields.length) parts.push(`Fields below target: ${fields.map((s) => `${s.label} (${vs(rateOf(s), s.satisfactionTarget)}, target ${p(s.satisfactionTarget ?? null)})`).join('; ')}.`);
  return parts.join(' ');
}
