import type { Figures, PaperLeftOut } from '@qms/protocol';
import { figureSentences } from '@qms/protocol/report-sentences';
import { fmtDate, fmtInt, fmtPercent, type ReportLang } from './format';
import type { Group } from './summary';

export interface ReportTextInput {
  from: string;
  to: string;
  totals: Figures;
  /** Per-field figures with their targets (groupBy=service). */
  services: Group[];
  targetWaitMinutes: number;
  /** Paper batches left out because their survey period straddles the range (said in one sentence when any). */
  paperLeftOut?: PaperLeftOut | undefined;
}

/** The ready-to-paste paragraph of the monthly/quarterly report, with the period's figures. */
export function reportParagraph(input: ReportTextInput, lang: ReportLang = 'vi'): string {
  return lang === 'vi' ? vietnamese(input) : english(input);
}

function vietnamese({ from, to, totals: f, services, targetWaitMinutes, paperLeftOut }: ReportTextInput): string {
  const n = (x: number) => fmtInt(x);
  const said = figureSentences(f, 'vi', targetWaitMinutes);
  const parts = [
    `Trong kỳ báo cáo (từ ngày ${fmtDate(from)} đến ngày ${fmtDate(to)}), Trung tâm đã tiếp đón ${n(f.issued)} lượt công dân, tổ chức đến giao dịch (cấp ${n(f.issued)} số thứ tự), trong đó đã phục vụ ${n(f.served)} lượt, ${n(f.noShow)} lượt vắng mặt khi được gọi, ${n(f.cancelled)} lượt hủy; ${n(f.transferred)} lượt được chuyển quầy.`,
    said.wait,
    said.ratings,
    said.paper,
    paperLeftOut && paperLeftOut.batches > 0 ? `${n(paperLeftOut.batches)} đợt phiếu giấy (${n(paperLeftOut.ballots)} phiếu) nằm một phần ngoài kỳ báo cáo nên chưa được tính.` : null,
    said.rate766,
    said.target,
  ];
  const below = services.filter((s) => s.belowTarget === true);
  if (below.length) {
    parts.push(`Các lĩnh vực chưa đạt chỉ tiêu: ${below.map((s) => `${s.label} (${fmtPercent(s.combined?.satisfactionRate ?? null, 'vi', s.satisfactionTarget)}, chỉ tiêu ${fmtPercent(s.satisfactionTarget ?? null)})`).join('; ')}.`);
  } else if (services.some((s) => s.belowTarget === false)) parts.push('Tất cả các lĩnh vực có đánh giá đều đạt chỉ tiêu hài lòng.');
  return parts.filter(Boolean).join(' ');
}

function english({ from, to, totals: f, services, targetWaitMinutes, paperLeftOut }: ReportTextInput): string {
  const n = (x: number) => fmtInt(x, 'en');
  const said = figureSentences(f, 'en', targetWaitMinutes);
  const below = services.filter((s) => s.belowTarget === true);
  const one = paperLeftOut?.batches === 1;
  return [
    `In the reporting period (${fmtDate(from)} to ${fmtDate(to)}), the center received ${n(f.issued)} visits (tickets issued): ${n(f.served)} served, ${n(f.noShow)} absent when called, ${n(f.cancelled)} cancelled; ${n(f.transferred)} transferred between counters.`,
    said.wait,
    said.ratings,
    said.paper,
    paperLeftOut && paperLeftOut.batches > 0
      ? `${n(paperLeftOut.batches)} paper-ballot ${one ? 'batch' : 'batches'} (${n(paperLeftOut.ballots)} ballots) ${one ? 'lies' : 'lie'} partly outside the period and ${one ? 'is' : 'are'} not counted.`
      : null,
    said.rate766,
    below.length ? `Fields below target: ${below.map((s) => `${s.label} (${fmtPercent(s.combined?.satisfactionRate ?? null, 'en', s.satisfactionTarget)}, target ${fmtPercent(s.satisfactionTarget ?? null, 'en')})`).join('; ')}.` : null,
  ]
    .filter(Boolean)
    .join(' ');
}
