import type { Lang } from '@qms/ui-kit';

/** This screen's own words, Vietnamese first; level labels and reasons come from the center's config. */
const words = {
  vi: {
    question: 'Ông/Bà có hài lòng với việc tiếp nhận, giải quyết hồ sơ tại quầy?',
    forTicket: 'Số thứ tự {n}',
    servedBy: 'Cán bộ: {name}',
    secondsLeft: 'Còn {s} giây',
    reasonsTitle: 'Ông/Bà chưa hài lòng vì điều gì? (không bắt buộc)',
    commentLabel: 'Góp ý thêm (không bắt buộc)',
    send: 'Gửi đánh giá',
    thanks: 'Cảm ơn Ông/Bà đã đánh giá!',
    thanksSub: 'Ý kiến của Ông/Bà giúp Trung tâm phục vụ tốt hơn.',
    officer: 'Cán bộ tiếp nhận',
    serving: 'Số đang phục vụ',
    restHint: 'Sau khi hoàn thành hồ sơ, xin mời Ông/Bà đánh giá mức độ hài lòng tại đây.',
    noOfficer: 'Quầy chưa có cán bộ',
    counter: 'Quầy {n}',
    phoneTitle: 'Số thứ tự của bạn',
    ahead: 'Còn {n} người đang chờ trước bạn',
    aheadNone: 'Bạn là người tiếp theo',
    called: 'Mời bạn đến quầy {n}',
    servingAt: 'Đang được phục vụ tại quầy {n}',
    noShow: 'Số này đã bị bỏ qua vì vắng mặt. Vui lòng liên hệ quầy hướng dẫn.',
    cancelled: 'Số này đã bị hủy.',
    onHold: 'Hồ sơ đang tạm giữ; cán bộ sẽ gọi lại bạn.',
    rated: 'Bạn đã đánh giá: {level}. Cảm ơn bạn!',
    windowClosed: 'Đã hết thời gian đánh giá cho số này.',
    liveHint: 'Trang tự cập nhật, không cần tải lại.',
    ticketMissing: 'Không tìm thấy số thứ tự. Hãy quét lại mã QR trên phiếu.',
    offline: 'Mất kết nối, đang thử lại…',
  },
  en: {
    question: 'Are you satisfied with how your dossier was received and handled at this counter?',
    forTicket: 'Ticket {n}',
    servedBy: 'Officer: {name}',
    secondsLeft: '{s} seconds left',
    reasonsTitle: 'What was not right? (optional)',
    commentLabel: 'Anything else? (optional)',
    send: 'Send',
    thanks: 'Thank you for your rating!',
    thanksSub: 'Your opinion helps the center serve better.',
    officer: 'Officer',
    serving: 'Now serving',
    restHint: 'When your dossier is done, please rate the service here.',
    noOfficer: 'No officer at this counter yet',
    counter: 'Counter {n}',
    phoneTitle: 'Your ticket number',
    ahead: '{n} people are waiting before you',
    aheadNone: 'You are next',
    called: 'Please go to counter {n}',
    servingAt: 'Being served at counter {n}',
    noShow: 'This number was skipped as absent. Please ask at the information desk.',
    cancelled: 'This number was cancelled.',
    onHold: 'Your dossier is on hold; the officer will call you again.',
    rated: 'You rated: {level}. Thank you!',
    windowClosed: 'The time to rate this ticket has passed.',
    liveHint: 'This page updates by itself.',
    ticketMissing: 'Ticket not found. Please scan the QR code on your ticket again.',
    offline: 'Connection lost, retrying…',
  },
} satisfies Record<Lang, Record<string, string>>;

export type Word = keyof (typeof words)['vi'];

export function say(lang: Lang, key: Word, params: Record<string, string | number> = {}): string {
  return words[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
