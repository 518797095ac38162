import { useCallback } from 'react';
import { useLang, type Lang } from '@qms/ui-kit';

/** The booking page's sentences: plain, polite Vietnamese first (ông/bà), English second. */
const vi = {
  title: 'Đặt lịch hẹn',
  intro: 'Đặt trước giờ đến làm thủ tục, không phải xếp hàng chờ từ sớm. Không cần họ tên hay số CCCD.',
  step1: 'Chọn lĩnh vực',
  step2: 'Chọn ngày và giờ',
  step3: 'Xác nhận',
  loading: 'Đang tải…',
  noFields: 'Hiện chưa có lĩnh vực nào nhận đặt lịch hẹn. Ông/bà vui lòng đến trực tiếp và lấy số tại trung tâm.',
  pickDay: 'Ngày',
  pickSlot: 'Giờ hẹn',
  seatsLeft: 'còn {n} chỗ',
  full: 'hết chỗ',
  noSlots: 'Ngày này không có giờ hẹn còn trống. Vui lòng chọn ngày khác.',
  closed_holiday: 'Ngày nghỉ lễ: trung tâm không làm việc.',
  closed_not_working_day: 'Ngày nghỉ: trung tâm không làm việc.',
  closed_bookings_off: 'Lĩnh vực này không nhận đặt lịch ngày này.',
  closed_other: 'Ngày này không nhận đặt lịch.',
  dayFull: 'Ngày này đã hết chỗ đặt lịch (phần còn lại dành cho người đến trực tiếp).',
  back: 'Quay lại',
  change: 'Đổi',
  field: 'Lĩnh vực',
  when: 'Thời gian',
  phoneTitle: 'Số điện thoại (không bắt buộc)',
  phoneWhy: 'Chỉ cần nếu ông/bà muốn trung tâm gọi báo khi lịch hẹn có thay đổi.',
  consent:
    'Tôi đồng ý cung cấp số điện thoại này cho Trung tâm Phục vụ hành chính công chỉ để liên hệ về lịch hẹn này. Số điện thoại không được dùng vào việc khác, không chia sẻ cho bên khác và được tự động xóa sau {days} ngày kể từ giờ hẹn (hoặc ngay khi tôi hủy lịch). Tôi có thể đặt lịch mà không cần cung cấp số điện thoại.',
  phoneLabel: 'Số điện thoại',
  book: 'Đặt lịch',
  booking: 'Đang đặt lịch…',
  yourCode: 'Mã lịch hẹn của ông/bà',
  codeHint: 'Khi đến trung tâm, quét mã QR này (hoặc nhập mã) tại máy lấy số, mục «Tôi đã đặt lịch».',
  checkInWindow: 'Nhận số tại máy lấy số từ {from} đến {until}.',
  qr: 'Mã QR của lịch hẹn: quét tại máy lấy số',
  ics: 'Thêm vào lịch điện thoại (.ics)',
  keepLink: 'Hãy lưu trang này (hoặc chụp màn hình) để xem, hủy hoặc đổi lịch hẹn.',
  status_booked: 'Đã đặt lịch',
  status_checked_in: 'Đã nhận số {number}',
  status_cancelled: 'Đã hủy',
  status_no_show: 'Đã quá giờ hẹn, lịch hẹn không còn hiệu lực',
  cancel: 'Hủy lịch hẹn',
  cancelConfirm: 'Hủy lịch hẹn {code}? Khung giờ sẽ được nhường cho người khác.',
  cancelled: 'Đã hủy lịch hẹn.',
  move: 'Đổi giờ hẹn',
  moveTitle: 'Chọn giờ hẹn mới',
  moveSave: 'Đổi sang giờ này',
  moved: 'Đã đổi lịch hẹn sang {when}.',
  noKey: 'Trang này mở không kèm đường dẫn riêng của lịch hẹn, nên không hủy hay đổi được. Hãy mở đường dẫn (hoặc mã QR) nhận được khi đặt lịch.',
  newBooking: 'Đặt lịch hẹn khác',
  notFound: 'Không tìm thấy lịch hẹn này. Vui lòng kiểm tra lại đường dẫn.',
};

export type Word = keyof typeof vi;

const en: Record<Word, string> = {
  title: 'Book an appointment',
  intro: 'Book a time to come in, instead of queueing early. No name or ID number needed.',
  step1: 'Choose a service',
  step2: 'Choose day and time',
  step3: 'Confirm',
  loading: 'Loading…',
  noFields: 'No service takes bookings at the moment. Please come in and take a ticket at the center.',
  pickDay: 'Day',
  pickSlot: 'Time',
  seatsLeft: '{n} left',
  full: 'full',
  noSlots: 'No free time on this day. Please choose another day.',
  closed_holiday: 'Public holiday: the center is closed.',
  closed_not_working_day: 'Day off: the center is closed.',
  closed_bookings_off: 'This service takes no bookings on this day.',
  closed_other: 'No bookings on this day.',
  dayFull: 'No bookings left on this day (the rest is kept for walk-ins).',
  back: 'Back',
  change: 'Change',
  field: 'Service',
  when: 'Time',
  phoneTitle: 'Phone number (optional)',
  phoneWhy: 'Only if you want the center to call you when your booking changes.',
  consent:
    'I agree to give this phone number to the public administrative service center only to contact me about this booking. It is not used for anything else or shared with anyone, and it is erased automatically {days} days after the appointment time (or at once if I cancel). I can book without giving a phone number.',
  phoneLabel: 'Phone number',
  book: 'Book',
  booking: 'Booking…',
  yourCode: 'Your booking code',
  codeHint: 'At the center, scan this QR code (or type the code) at the ticket kiosk under “I have a booking”.',
  checkInWindow: 'Get your number at the kiosk from {from} to {until}.',
  qr: 'QR code of the booking: scan it at the ticket kiosk',
  ics: 'Add to your phone’s calendar (.ics)',
  keepLink: 'Keep this page (or take a screenshot) to see, cancel or change your booking.',
  status_booked: 'Booked',
  status_checked_in: 'Checked in: number {number}',
  status_cancelled: 'Cancelled',
  status_no_show: 'The booked time has passed; the booking is no longer valid',
  cancel: 'Cancel booking',
  cancelConfirm: 'Cancel booking {code}? The time will be free for someone else.',
  cancelled: 'The booking is cancelled.',
  move: 'Change time',
  moveTitle: 'Choose the new time',
  moveSave: 'Change to this time',
  moved: 'The booking is now at {when}.',
  noKey: 'This page was opened without the booking’s own link, so it cannot cancel or change it. Open the link (or QR code) you got when you booked.',
  newBooking: 'Make another booking',
  notFound: 'This booking was not found. Please check the link.',
};

export function say(lang: Lang, key: Word, params: Record<string, string | number> = {}): string {
  return (lang === 'en' ? en : vi)[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** `say` in the page's current language. */
export function useWords() {
  const { lang } = useLang();
  const w = useCallback((key: Word, params?: Record<string, string | number>) => say(lang, key, params), [lang]);
  return { w, lang };
}
