type Params = Record<string, string | number>;
type Message = { status: 400 | 403 | 404 | 409 | 429; vi: (p: Params) => string; en: (p: Params) => string };

/** The words of the booking (đặt lịch hẹn) errors; spread into `messages`. */
export const appointmentMessages = {
  appointment_not_found: {
    status: 404,
    vi: (p) => `Không tìm thấy lịch hẹn có mã ${p.code}. Vui lòng kiểm tra lại mã trên điện thoại của ông/bà.`,
    en: (p) => `No booking has the code ${p.code}. Please check the code on your phone.`,
  },
  appointment_key_wrong: {
    status: 403,
    vi: () => 'Đường dẫn lịch hẹn không đúng: hãy mở lại đường dẫn (hoặc mã QR) nhận được khi đặt lịch.',
    en: () => 'The booking link is not right: open the link (or QR code) you got when you booked.',
  },
  appointment_closed: {
    status: 409,
    vi: (p) => `Lịch hẹn ${p.code} ${p.statusVi}, không thể thay đổi.`,
    en: (p) => `Booking ${p.code} ${p.statusEn} and cannot be changed.`,
  },
  appointment_not_today: {
    status: 409,
    vi: (p) => `Lịch hẹn ${p.code} là ngày ${p.date}, không phải hôm nay. Vui lòng quay lại đúng ngày hẹn, hoặc lấy số thường.`,
    en: (p) => `Booking ${p.code} is for ${p.date}, not today. Please come back on that day, or take a normal ticket.`,
  },
  check_in_too_early: {
    status: 409,
    vi: (p) => `Ông/bà đến sớm: lịch hẹn lúc ${p.slot}. Xin mời ngồi chờ, từ ${p.opens} quay lại đây quét mã để nhận số. Nếu không muốn chờ, ông/bà có thể lấy số thường.`,
    en: (p) => `You are early: your booking is at ${p.slot}. Please take a seat and scan your code again from ${p.opens} to get your number. If you do not want to wait, take a normal ticket.`,
  },
  bookings_off: {
    status: 409,
    vi: (p) => `Lĩnh vực ${p.service} chưa nhận đặt lịch hẹn. Ông/bà vui lòng đến trực tiếp và lấy số tại trung tâm.`,
    en: (p) => `${p.serviceEn ?? p.service} does not take bookings. Please come in and take a ticket at the center.`,
  },
  slot_unavailable: {
    status: 409,
    vi: (p) => `Không có khung giờ ${p.slot} cho lĩnh vực ${p.service} (đã qua, ngoài giờ làm việc hoặc ngày nghỉ). Vui lòng chọn khung giờ khác.`,
    en: (p) => `There is no slot at ${p.slot} for ${p.serviceEn ?? p.service} (past, outside working hours or a day off). Please choose another slot.`,
  },
  slot_full: {
    status: 409,
    vi: (p) => `Khung giờ ${p.slot} đã kín chỗ. Vui lòng chọn khung giờ khác.`,
    en: (p) => `The ${p.slot} slot is full. Please choose another slot.`,
  },
  booking_day_full: {
    status: 409,
    vi: (p) => `Lĩnh vực ${p.service} đã hết chỗ đặt lịch ngày ${p.date} (${p.limit} lịch hẹn; phần còn lại dành cho người đến trực tiếp). Vui lòng chọn ngày khác.`,
    en: (p) => `${p.serviceEn ?? p.service} has no bookings left on ${p.date} (${p.limit}; the rest is kept for walk-ins). Please choose another day.`,
  },
  booking_limit_phone: {
    status: 429,
    vi: (p) => `Số điện thoại này đã đặt ${p.limit} lịch hẹn cho ngày ${p.date}, là số tối đa.`,
    en: (p) => `This phone number already has ${p.limit} bookings on ${p.date}, the most allowed.`,
  },
  booking_limit_device: {
    status: 429,
    vi: (p) => `Thiết bị này đã đặt ${p.limit} lịch hẹn trong hôm nay, là số tối đa.`,
    en: (p) => `This device has already made ${p.limit} bookings today, the most allowed.`,
  },
  rate_limited: {
    status: 429,
    vi: (p) => `Quá nhiều yêu cầu từ thiết bị này. Vui lòng thử lại sau ${p.seconds} giây.`,
    en: (p) => `Too many requests from this device. Please try again in ${p.seconds} s.`,
  },
} satisfies Record<string, Message>;
