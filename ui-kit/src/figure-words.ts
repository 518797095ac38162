import { useLang } from './i18n';

/**
 * The report figures' names, Vietnamese first, shared by the center's and the city's report screens so one figure has
 * one name everywhere (the exports' names: "Tổng số lượt đánh giá"). Each screen spreads them into its own words.
 */
export const figureWords = {
  'fig.issued': ['Lượt lấy số', 'Tickets issued'],
  'fig.served': ['Đã phục vụ', 'Served'],
  'fig.noShow': ['Vắng mặt', 'No-show'],
  'fig.cancelled': ['Đã hủy', 'Cancelled'],
  'fig.transferred': ['Chuyển quầy', 'Transferred'],
  'fig.waitMean': ['Chờ trung bình', 'Mean wait'],
  'fig.waitMedian': ['Chờ trung vị', 'Median wait'],
  'fig.waitP90': ['Chờ P90', 'Wait p90'],
  'fig.withinTarget': ['Gọi trong {m} phút', 'Called within {m} min'],
  'fig.serviceMean': ['Giải quyết trung bình', 'Mean service'],
  'fig.ratings': ['Tổng số lượt đánh giá', 'Total ratings'],
  'fig.responseRate': ['Tỷ lệ phản hồi', 'Response rate'],
  'fig.satisfaction': ['Tỷ lệ hài lòng', 'Satisfaction rate'],
  'fig.satisfiedDevices': ['Hài lòng (thiết bị)', 'Satisfied (devices)'],
  'fig.rate766': ['Tỷ lệ kiểu 766', '766-style rate'],
  'fig.rate766.hint': ['1 − không hài lòng ÷ đã phục vụ', '1 − dissatisfied ÷ served'],
  'fig.paper': ['Phiếu giấy', 'Paper ballots'],
  'fig.combined': ['Hài lòng (thiết bị + giấy)', 'Satisfied (devices + paper)'],
  'fig.devicesAndPaper': ['Thiết bị + phiếu giấy', 'Devices + paper'],
  'fig.target': ['Chỉ tiêu', 'Target'],
  'fig.below': ['Chưa đạt', 'Below target'],
  'fig.met': ['Đạt', 'Met'],
  'fig.total': ['Tổng cộng', 'Total'],
} as const satisfies Record<string, readonly [string, string]>;
export type FigureWordKey = keyof typeof figureWords;

export function useFigureWords() {
  const { lang } = useLang();
  return { lang, fw: (key: FigureWordKey) => figureWords[key][lang === 'vi' ? 0 : 1] };
}
