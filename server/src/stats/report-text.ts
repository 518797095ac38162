import type { Figures, PaperLeftOut } from '@qms/protocol';
import { fmtDate, fmtDuration, fmtInt, fmtPercent, type ReportLang } from './format';
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
  const p = (x: number | null) => fmtPercent(x);
  // Rates checked against the target get the decimals that keep them apart from it (94,98% is not "95%").
  const vs = (x: number | null) => fmtPercent(x, 'vi', f.satisfactionTarget);
  const r = f.ratings;
  const parts = [
    `Trong kỳ báo cáo (từ ngày ${fmtDate(from)} đến ngày ${fmtDate(to)}), Trung tâm đã tiếp đón ${n(f.issued)} lượt công dân, tổ chức đến giao dịch (cấp ${n(f.issued)} số thứ tự), trong đó đã phục vụ ${n(f.served)} lượt, ${n(f.noShow)} lượt vắng mặt khi được gọi, ${n(f.cancelled)} lượt hủy; ${n(f.transferred)} lượt được chuyển quầy.`,
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
  if (paper && paper.total > 0) {
    parts.push(
      `Qua khảo sát bằng phiếu giấy: ${n(paper.total)} phiếu, ${n(paper.very_satisfied + paper.satisfied)} phiếu hài lòng và rất hài lòng; tính chung cả đánh giá trên thiết bị và phiếu giấy (${n(f.combined!.total)} lượt), tỷ lệ hài lòng đạt ${vs(f.combined!.satisfactionRate)}.`,
    );
  }
  if (paperLeftOut && paperLeftOut.batches > 0) {
    parts.push(`${n(paperLeftOut.batches)} đợt phiếu giấy (${n(paperLeftOut.ballots)} phiếu) nằm một phần ngoài kỳ báo cáo nên chưa được tính.`);
  }
  parts.push(
    `Tỷ lệ kiểu Quyết định 766/QĐ-TTg tại quầy (1 − số lượt không hài lòng ÷ số lượt đã phục vụ; chưa trừ hồ sơ quá hạn và phản ánh, kiến nghị): ${p(f.rate766)}.`,
  );
  parts.push(targetSentenceVi(f, services));
  return parts.join(' ');
}

function targetSentenceVi(f: Figures, services: Group[]): string {
  const below = services.filter((s) => s.belowTarget === true);
  const overall =
    f.belowTarget === null || f.belowTarget === undefined
      ? ''
      : `So với chỉ tiêu ${fmtPercent(f.satisfactionTarget ?? null)} của Thành phố, tỷ lệ hài lòng chung ${f.belowTarget ? 'chưa đạt' : 'đạt'}.`;
  const fields = below.length
    ? `Các lĩnh vực chưa đạt chỉ tiêu: ${below.map((s) => `${s.label} (${fmtPercent(s.combined?.satisfactionRate ?? null, 'vi', s.satisfactionTarget)}, chỉ tiêu ${fmtPercent(s.satisfactionTarget ?? null)})`).join('; ')}.`
    : services.some((s) => s.belowTarget === false)
      ? 'Tất cả các lĩnh vực có đánh giá đều đạt chỉ tiêu hài lòng.'
      : '';
  return [overall, fields].filter(Boolean).join(' ');
}

function english({ from, to, totals: f, services, targetWaitMinutes, paperLeftOut }: ReportTextInput): string {
  const n = (x: number) => fmtInt(x, 'en');
  const p = (x: number | null) => fmtPercent(x, 'en');
  const vs = (x: number | null) => fmtPercent(x, 'en', f.satisfactionTarget);
  const r = f.ratings;
  const below = services.filter((s) => s.belowTarget === true);
  const parts = [
    `In the reporting period (${fmtDate(from)} to ${fmtDate(to)}), the center received ${n(f.issued)} visits (tickets issued): ${n(f.served)} served, ${n(f.noShow)} absent when called, ${n(f.cancelled)} cancelled; ${n(f.transferred)} transferred between counters.`,
  ];
  if (f.waitSeconds.mean !== null) {
    parts.push(
      `Mean wait ${fmtDuration(f.waitSeconds.mean, 'en')} (median ${fmtDuration(f.waitSeconds.median, 'en')}); ${p(f.waitWithinTarget.share)} called within ${n(targetWaitMinutes)} minutes. Mean service time ${fmtDuration(f.serviceSeconds.mean, 'en')}.`,
    );
  }
  parts.push(
    `Total ratings: ${n(r.total)} (${p(f.responseRate)} of those served): very satisfied ${n(r.very_satisfied)}, satisfied ${n(r.satisfied)}, neutral ${n(r.neutral)}, dissatisfied ${n(r.dissatisfied)}, very dissatisfied ${n(r.very_dissatisfied)}; satisfaction rate ${vs(f.satisfactionRate)}.`,
  );
  if (f.paperBallots && f.paperBallots.total > 0) parts.push(`Paper ballots: ${n(f.paperBallots.total)}; devices and paper together: ${vs(f.combined!.satisfactionRate)}.`);
  if (paperLeftOut && paperLeftOut.batches > 0) {
    const one = paperLeftOut.batches === 1;
    parts.push(`${n(paperLeftOut.batches)} paper-ballot ${one ? 'batch' : 'batches'} (${n(paperLeftOut.ballots)} ballots) ${one ? 'lies' : 'lie'} partly outside the period and ${one ? 'is' : 'are'} not counted.`);
  }
  parts.push(`766-style rate (1 − dissatisfied ÷ served): ${p(f.rate766)}.`);
  if (below.length) parts.push(`Fields below target: ${below.map((s) => `${s.label} (${fmtPercent(s.combined?.satisfactionRate ?? null, 'en', s.satisfactionTarget)}, target ${p(s.satisfactionTarget ?? null)})`).join('; ')}.`);
  return parts.join(' ');
}
