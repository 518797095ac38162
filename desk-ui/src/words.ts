import { useCallback } from 'react';
import { useLang, type Lang } from '@qms/ui-kit';

/** The desk's own sentences, Vietnamese first; the shared ones (`desk.*`) live in the ui-kit tables. */
const words = {
  vi: {
    takeCounter: 'Nhận quầy {n}',
    takeHint: 'Bấm «Nhận quầy {n}» để bắt đầu làm việc tại quầy này.',
    takenBy: 'Quầy đang do {name} phụ trách. Bấm «Nhận quầy {n}» để nhận thay.',
    staleView: 'Màn hình vừa cập nhật; chưa gọi thêm số nào.',
    noCounterOpen: 'chưa có quầy mở',
    signOutTitle: 'Đăng xuất khỏi quầy {n}?',
    signOutOpen: 'Quầy {n} đang mở dưới tên ông/bà. Nếu chỉ đăng xuất, quầy vẫn mở và bàn phím gọi số vẫn gọi số cho ông/bà.',
    signOutBusy: 'Hãy hoàn thành, tạm giữ hoặc chuyển số {number} trước khi đóng quầy.',
    closeAndSignOut: 'Đóng quầy và đăng xuất',
    justSignOut: 'Chỉ đăng xuất',
    avgServiceMinutes: 'Thời gian TB (phút)',
    transferredToService: 'Đã chuyển số {number} sang lĩnh vực {service}.',
    transferredToCounter: 'Đã chuyển số {number} sang quầy {n}.',
    stoppedToday: 'Hôm nay đã ngừng cấp số: {reason}',
    tabQueue: 'Hàng chờ',
    tabBookings: 'Lịch hẹn hôm nay',
    bookingsSummary: '{n} lịch hẹn · {in} đã đến · {left} chưa đến',
    bookingsNone: 'Hôm nay không có lịch hẹn cho các lĩnh vực của quầy.',
    booking_booked: 'Chưa đến',
    booking_checked_in: 'Đã đến · số {number}',
    booking_cancelled: 'Đã hủy',
    booking_no_show: 'Không đến',
    bookingTag: 'Lịch hẹn {time}',
    bookingPhone: 'có SĐT',
    bookFor: 'Đặt lịch hộ',
    bookTitle: 'Đặt lịch hẹn cho công dân (qua điện thoại)',
    bookField: 'Lĩnh vực',
    bookDay: 'Ngày',
    bookSlot: 'Giờ hẹn',
    bookNoSlot: 'Ngày này không còn giờ hẹn trống.',
    bookSlotLeft: '{time} (còn {n} chỗ)',
    bookConsent: 'Đã đọc cho công dân nghe và công dân đồng ý: Trung tâm lưu số điện thoại chỉ để liên hệ về lịch hẹn này, không dùng vào việc khác, tự động xóa {days} ngày sau giờ hẹn.',
    bookPhone: 'Số điện thoại (không bắt buộc)',
    bookSubmit: 'Đặt lịch',
    bookDone: 'Đọc mã cho công dân: lịch hẹn {time} ngày {date}, lĩnh vực {service}. Khi đến, nhập mã tại máy lấy số, mục «Tôi đã đặt lịch».',
  },
  en: {
    takeCounter: 'Take counter {n}',
    takeHint: 'Press “Take counter {n}” to start working at this counter.',
    takenBy: '{name} is at this counter. Press “Take counter {n}” to take it over.',
    staleView: 'The screen has just caught up; no other number was called.',
    noCounterOpen: 'no counter open',
    signOutTitle: 'Sign out of counter {n}?',
    signOutOpen: 'Counter {n} is open under your name. If you only sign out, it stays open and its caller keypad still calls for you.',
    signOutBusy: 'Finish, hold or transfer number {number} before closing the counter.',
    closeAndSignOut: 'Close the counter and sign out',
    justSignOut: 'Just sign out',
    avgServiceMinutes: 'Avg. service (min)',
    transferredToService: 'Number {number} transferred to {service}.',
    transferredToCounter: 'Number {number} transferred to counter {n}.',
    stoppedToday: 'No more tickets today: {reason}',
    tabQueue: 'Queue',
    tabBookings: 'Today’s bookings',
    bookingsSummary: '{n} bookings · {in} arrived · {left} not yet',
    bookingsNone: 'No bookings today for this counter’s services.',
    booking_booked: 'Not arrived',
    booking_checked_in: 'Arrived · number {number}',
    booking_cancelled: 'Cancelled',
    booking_no_show: 'No-show',
    bookingTag: 'Booking {time}',
    bookingPhone: 'phone',
    bookFor: 'Book for a citizen',
    bookTitle: 'Book for a citizen (on the phone)',
    bookField: 'Service',
    bookDay: 'Day',
    bookSlot: 'Time',
    bookNoSlot: 'No free time left on this day.',
    bookSlotLeft: '{time} ({n} left)',
    bookConsent: 'Read to the citizen, who agrees: the center keeps the phone number only to contact them about this booking, uses it for nothing else, and erases it {days} days after the booked time.',
    bookPhone: 'Phone number (optional)',
    bookSubmit: 'Book',
    bookDone: 'Read the code to the citizen: booking at {time} on {date}, {service}. On arrival, type the code at the kiosk under “I have a booking”.',
  },
} satisfies Record<Lang, Record<string, string>>;

export type Word = keyof (typeof words)['vi'];

export function say(lang: Lang, key: Word, params: Record<string, string | number> = {}): string {
  return words[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** `say` in the screen's current language. */
export function useWords(): (key: Word, params?: Record<string, string | number>) => string {
  const { lang } = useLang();
  return useCallback((key, params) => say(lang, key, params), [lang]);
}
