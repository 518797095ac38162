import type { Figures } from '../stats';
import { fmtDuration, fmtInt, fmtPercent, type ReportLang } from './report-format';

/**
 * The sentences a center's report paragraph and the city's say alike, from the period's totals: waits, ratings, paper
 * ballots, the 766-style rate and the overall target. Rates checked against the target get the decimals that keep them
 * apart from it (94,98% is not "95%").
 */
export function figureSentences(f: Figures, lang: ReportLang, targetWaitMinutes: number) {
  const n = (x: number) => fmtInt(x, lang);
  const p = (x: number | null) => fmtPercent(x, lang);
  const vs = (x: number | null) => fmtPercent(x, lang, f.satisfactionTarget);
  const r = f.ratings;
  const paper = f.paperBallots && f.paperBallots.total > 0 && f.combined ? { ...f.paperBallots, combined: f.combined } : null;
  const rated = f.belowTarget === true || f.belowTarget === false;
  if (lang === 'vi') {
    return {
      wait:
        f.waitSeconds.mean === null
          ? null
          : `Thời gian chờ trung bình ${fmtDuration(f.waitSeconds.mean)} (trung vị ${fmtDuration(f.waitSeconds.median)}); ${p(f.waitWithinTarget.share)} lượt được gọi trong vòng ${n(targetWaitMinutes)} phút. Thời gian giải quyết trung bình tại quầy ${fmtDuration(f.serviceSeconds.mean)}.`,
      ratings: `Tổng số lượt đánh giá: ${n(r.total)} lượt (${p(f.responseRate)} số lượt đã phục vụ), trong đó: rất hài lòng ${n(r.very_satisfied)}, hài lòng ${n(r.satisfied)}, bình thường ${n(r.neutral)}, không hài lòng ${n(r.dissatisfied)}, rất không hài lòng ${n(r.very_dissatisfied)}; tỷ lệ hài lòng đạt ${vs(f.satisfactionRate)}.`,
      paper: paper
        ? `Qua khảo sát bằng phiếu giấy: ${n(paper.total)} phiếu, ${n(paper.very_satisfied + paper.satisfied)} phiếu hài lòng và rất hài lòng; tính chung cả đánh giá trên thiết bị và phiếu giấy (${n(paper.combined.total)} lượt), tỷ lệ hài lòng đạt ${vs(paper.combined.satisfactionRate)}.`
        : null,
      rate766: `Tỷ lệ kiểu Quyết định 766/QĐ-TTg tại quầy (1 − số lượt không hài lòng ÷ số lượt đã phục vụ; chưa trừ hồ sơ quá hạn và phản ánh, kiến nghị): ${p(f.rate766)}.`,
      target: rated ? `So với chỉ tiêu ${p(f.satisfactionTarget ?? null)} của Thành phố, tỷ lệ hài lòng chung ${f.belowTarget ? 'chưa đạt' : 'đạt'}.` : null,
    };
  }
  return {
    wait:
      f.waitSeconds.mean === null
        ? null
        : `Mean wait ${fmtDuration(f.waitSeconds.mean, 'en')} (median ${fmtDuration(f.waitSeconds.median, 'en')}); ${p(f.waitWithinTarget.share)} called within ${n(targetWaitMinutes)} minutes. Mean service time ${fmtDuration(f.serviceSeconds.mean, 'en')}.`,
    ratings: `Total ratings: ${n(r.total)} (${p(f.responseRate)} of those served): very satisfied ${n(r.very_satisfied)}, satisfied ${n(r.satisfied)}, neutral ${n(r.neutral)}, dissatisfied ${n(r.dissatisfied)}, very dissatisfied ${n(r.very_dissatisfied)}; satisfaction rate ${vs(f.satisfactionRate)}.`,
    paper: paper ? `Paper ballots: ${n(paper.total)}; devices and paper together: ${vs(paper.combined.satisfactionRate)}.` : null,
    rate766: `766-style rate (1 − dissatisfied ÷ served): ${p(f.rate766)}.`,
    target: rated ? `Against the city's ${p(f.satisfactionTarget ?? null)} target, overall satisfaction is ${f.belowTarget ? 'below target' : 'met'}.` : null,
  };
}
