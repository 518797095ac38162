import type { Figures } from '../stats';
import { minutes } from './report-format';

export type CellKind = 'int' | 'minutes' | 'percent';

/** One column of a figures table, shared by the Excel and CSV exports so both show the same numbers. */
export interface FigureColumn {
  header: string;
  kind: CellKind;
  /** A rate checked against the satisfaction target: it gets the decimals that keep it from looking equal to it. */
  vsTarget?: true;
  value: (f: Figures) => number | null;
}

const channel = (f: Figures, c: string) => f.issuedByChannel[c] ?? 0;

export const figureColumns: FigureColumn[] = [
  { header: 'Số lượt lấy số', kind: 'int', value: (f) => f.issued },
  { header: 'Lấy số tại kiosk', kind: 'int', value: (f) => channel(f, 'kiosk') },
  { header: 'Cán bộ cấp số', kind: 'int', value: (f) => channel(f, 'desk') },
  { header: 'Qua API', kind: 'int', value: (f) => channel(f, 'api') },
  { header: 'Đã phục vụ', kind: 'int', value: (f) => f.served },
  { header: 'Vắng mặt', kind: 'int', value: (f) => f.noShow },
  { header: 'Đã hủy', kind: 'int', value: (f) => f.cancelled },
  { header: 'Chuyển quầy', kind: 'int', value: (f) => f.transferred },
  { header: 'Chờ trung bình (phút)', kind: 'minutes', value: (f) => minutes(f.waitSeconds.mean) },
  { header: 'Chờ trung vị (phút)', kind: 'minutes', value: (f) => minutes(f.waitSeconds.median) },
  { header: 'Chờ P90 (phút)', kind: 'minutes', value: (f) => minutes(f.waitSeconds.p90) },
  { header: 'Chờ lâu nhất (phút)', kind: 'minutes', value: (f) => minutes(f.waitSeconds.max) },
  { header: 'Tỷ lệ được gọi trong thời gian chờ mục tiêu', kind: 'percent', value: (f) => f.waitWithinTarget.share },
  { header: 'Giải quyết trung bình (phút)', kind: 'minutes', value: (f) => minutes(f.serviceSeconds.mean) },
  { header: 'Giải quyết trung vị (phút)', kind: 'minutes', value: (f) => minutes(f.serviceSeconds.median) },
  { header: 'Giải quyết P90 (phút)', kind: 'minutes', value: (f) => minutes(f.serviceSeconds.p90) },
  { header: 'Giải quyết lâu nhất (phút)', kind: 'minutes', value: (f) => minutes(f.serviceSeconds.max) },
  { header: 'Rất hài lòng', kind: 'int', value: (f) => f.ratings.very_satisfied },
  { header: 'Hài lòng', kind: 'int', value: (f) => f.ratings.satisfied },
  { header: 'Bình thường', kind: 'int', value: (f) => f.ratings.neutral },
  { header: 'Không hài lòng', kind: 'int', value: (f) => f.ratings.dissatisfied },
  { header: 'Rất không hài lòng', kind: 'int', value: (f) => f.ratings.very_dissatisfied },
  { header: 'Tổng số lượt đánh giá', kind: 'int', value: (f) => f.ratings.total },
  { header: 'Tỷ lệ phản hồi (đánh giá ÷ đã phục vụ)', kind: 'percent', value: (f) => f.responseRate },
  { header: 'Tỷ lệ hài lòng (thiết bị)', kind: 'percent', vsTarget: true, value: (f) => f.satisfactionRate },
  { header: 'Tỷ lệ kiểu 766 (1 − không hài lòng ÷ đã phục vụ)', kind: 'percent', value: (f) => f.rate766 },
  { header: 'Phiếu giấy', kind: 'int', value: (f) => f.paperBallots?.total ?? null },
  { header: 'Tỷ lệ hài lòng (thiết bị + phiếu giấy)', kind: 'percent', vsTarget: true, value: (f) => f.combined?.satisfactionRate ?? null },
  { header: 'Chỉ tiêu hài lòng', kind: 'percent', value: (f) => f.satisfactionTarget ?? null },
  // Bookings (lịch hẹn): counts by slot day where bookings have a group (not per counter or officer, nor at the hub).
  { header: 'Lịch hẹn đã đặt', kind: 'int', value: (f) => f.bookings?.made ?? null },
  { header: 'Lịch hẹn đã đến (xác nhận tại kiosk)', kind: 'int', value: (f) => f.bookings?.kept ?? null },
  { header: 'Lịch hẹn đã hủy', kind: 'int', value: (f) => f.bookings?.cancelled ?? null },
  { header: 'Lịch hẹn vắng mặt', kind: 'int', value: (f) => f.bookings?.noShow ?? null },
  { header: 'Lấy số theo lịch hẹn', kind: 'int', value: (f) => channel(f, 'appointment') },
  { header: 'Chờ trung bình – khách đặt lịch (phút)', kind: 'minutes', value: (f) => minutes(f.bookedWaitSeconds.mean) },
  { header: 'Chờ trung vị – khách đặt lịch (phút)', kind: 'minutes', value: (f) => minutes(f.bookedWaitSeconds.median) },
  { header: 'Chờ trung bình – khách đến trực tiếp (phút)', kind: 'minutes', value: (f) => minutes(f.walkInWaitSeconds.mean) },
  { header: 'Chờ trung vị – khách đến trực tiếp (phút)', kind: 'minutes', value: (f) => minutes(f.walkInWaitSeconds.median) },
  { header: 'Đúng hẹn: gọi − giờ hẹn, trung bình (phút)', kind: 'minutes', value: (f) => minutes(f.punctualitySeconds.mean) },
  { header: 'Đúng hẹn: gọi − giờ hẹn, trung vị (phút)', kind: 'minutes', value: (f) => minutes(f.punctualitySeconds.median) },
];

/** "Chưa đạt" / "Đạt" / "" for the target check column. */
export const targetVerdict = (f: Figures) => (f.belowTarget === true ? 'Chưa đạt' : f.belowTarget === false ? 'Đạt' : '');
