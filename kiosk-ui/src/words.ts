import { priorityCategoryOf, type PriorityCategory, type Snapshot } from '@qms/protocol';
import type { Lang } from '@qms/ui-kit';

// The kiosk's own sentences: short, plain, polite Vietnamese for citizens who may never have used a touch screen.
const vi = {
  title: 'Máy lấy số thứ tự tự động',
  prompt: 'Mời chạm vào lĩnh vực cần giải quyết',
  priorityAsk: 'Thuộc đối tượng ưu tiên? Chạm một lần để chọn:',
  priorityOn: 'Đã chọn ưu tiên: {name}',
  waiting: 'Đang chờ: {n} người',
  waitNone: 'Không phải chờ',
  noCounterOpen: 'Quầy chưa mở; vẫn lấy số được',
  wait: 'Chờ khoảng {n} phút',
  closed_outside_hours: 'Ngoài giờ lấy số',
  closed_not_working_day: 'Hôm nay không lấy số',
  closed_daily_cap_reached: 'Đã hết số hôm nay',
  closed_numbers_exhausted: 'Đã hết số hôm nay',
  closed_other: 'Tạm ngừng lấy số',
  closed_holiday: 'Nghỉ lễ',
  closed_stopped_today: 'Hôm nay đã ngừng cấp số',
  holidayTitle: 'Hôm nay nghỉ lễ {name}',
  holidayHint: 'Trung tâm không cấp số thứ tự hôm nay. Mời ông/bà quay lại vào ngày làm việc tiếp theo.',
  allClosed: 'Hiện đã ngoài giờ lấy số. Mời ông/bà quay lại trong giờ làm việc.',
  allCapped: 'Các lĩnh vực đã hết số trong ngày hôm nay. Mời ông/bà quay lại vào ngày làm việc tiếp theo.',
  issuing: 'Đang lấy số, xin chờ trong giây lát…',
  yourNumber: 'Số thứ tự của ông/bà',
  priorityTag: 'Ưu tiên: {name}',
  counters: 'Mời đến quầy: {list}',
  countersNotOpen: 'Quầy {list} chưa mở; xin chờ gọi số trên màn hình.',
  ahead: 'Số người chờ trước: {n}',
  estimate: 'Thời gian chờ dự kiến: khoảng {n} phút',
  estimateNone: 'Sắp đến lượt',
  qr: 'Quét mã để theo dõi lượt gọi trên điện thoại',
  printing: 'Đang in phiếu…',
  printed: 'Mời nhận phiếu ở khe máy in phía dưới.',
  printFailed: 'Máy in chưa in được phiếu ({reason}). Xin ông/bà ghi nhớ số {number} hoặc quét mã QR trên màn hình. Cán bộ đã được báo.',
  printFailedNoReason: 'máy in gặp sự cố',
  fault_paper_out: 'hết giấy',
  fault_cover_open: 'nắp máy in đang mở',
  fault_cutter_error: 'dao cắt giấy bị kẹt',
  fault_printer_error: 'máy in bị lỗi',
  fault_offline: 'máy in đang ngoại tuyến',
  fault_no_answer: 'máy in không trả lời',
  fault_link_down: 'mất kết nối tới máy in',
  noPrinter: 'Xin ông/bà ghi nhớ số {number} hoặc quét mã QR trên màn hình.',
  printerDown: 'Máy in phiếu đang tạm dừng ({reason}). Vẫn lấy số được: số thứ tự và mã QR sẽ hiện trên màn hình.',
  done: 'Xong',
  back: 'Quay lại',
  autoBack: 'Tự quay lại sau {n} giây',
  offline: 'Máy lấy số đang mất kết nối tới hệ thống.',
  offlineHint: 'Xin ông/bà chờ trong giây lát hoặc liên hệ cán bộ hướng dẫn. Máy sẽ tự kết nối lại.',
  errorTitle: 'Chưa lấy được số',
  noAnswer: 'Hệ thống chưa trả lời. Xin ông/bà chạm lại vào lĩnh vực cần giải quyết; nếu vẫn chưa được, xin liên hệ cán bộ hướng dẫn.',
};

export type Word = keyof typeof vi;

const en: Record<Word, string> = {
  title: 'Take a number',
  prompt: 'Touch the service you need',
  priorityAsk: 'Priority citizen? Touch once to choose:',
  priorityOn: 'Priority chosen: {name}',
  waiting: 'Waiting: {n}',
  waitNone: 'No wait',
  noCounterOpen: 'Counter not open yet; you can still take a number',
  wait: 'About {n} min wait',
  closed_outside_hours: 'Outside issuing hours',
  closed_not_working_day: 'No tickets today',
  closed_daily_cap_reached: 'All numbers for today are taken',
  closed_numbers_exhausted: 'All numbers for today are taken',
  closed_other: 'Not issuing now',
  closed_holiday: 'Public holiday',
  closed_stopped_today: 'No more tickets today',
  holidayTitle: 'Closed today for {name}',
  holidayHint: 'No tickets are issued today. Please come back on the next working day.',
  allClosed: 'Tickets are not issued at this hour. Please come back during working hours.',
  allCapped: 'All numbers for today have been taken. Please come back on the next working day.',
  issuing: 'Taking your number…',
  yourNumber: 'Your number',
  priorityTag: 'Priority: {name}',
  counters: 'Please go to counter: {list}',
  countersNotOpen: 'Not open yet: counter {list}. Please wait for your number on the screen.',
  ahead: 'People ahead of you: {n}',
  estimate: 'Estimated wait: about {n} min',
  estimateNone: 'Your turn is coming soon',
  qr: 'Scan to follow your turn on your phone',
  printing: 'Printing your ticket…',
  printed: 'Please take your ticket from the printer below.',
  printFailed: 'The printer could not print your ticket ({reason}). Please remember number {number} or scan the QR code on the screen. Staff have been told.',
  printFailedNoReason: 'printer fault',
  fault_paper_out: 'out of paper',
  fault_cover_open: 'printer cover open',
  fault_cutter_error: 'paper cutter jammed',
  fault_printer_error: 'printer error',
  fault_offline: 'printer offline',
  fault_no_answer: 'printer not answering',
  fault_link_down: 'printer disconnected',
  noPrinter: 'Please remember number {number} or scan the QR code on the screen.',
  printerDown: 'The ticket printer is stopped ({reason}). You can still take a number: it will be shown on screen with a QR code.',
  done: 'Done',
  back: 'Back',
  autoBack: 'Going back in {n} s',
  offline: 'The kiosk has lost its connection to the system.',
  offlineHint: 'Please wait a moment or ask a staff member. It reconnects by itself.',
  errorTitle: 'Could not take a number',
  noAnswer: 'The system did not answer. Please touch the service again; if it still does not work, please ask a staff member.',
};

export function word(lang: Lang, key: Word, params: Record<string, string | number> = {}): string {
  const text = (lang === 'en' ? en : vi)[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The center's priority groups, in order, with their words (from the setup, live). */
export const priorityGroups = (snapshot: Snapshot): PriorityCategory[] => snapshot.priorities ?? snapshot.priorityCategories.map(priorityCategoryOf);

/** A printer fault code from the server (`paper_out`…) in the kiosk's words. */
export function printerFault(lang: Lang, code: string | null): string {
  const key = `fault_${code}`;
  return key in vi ? word(lang, key as Word) : word(lang, 'printFailedNoReason');
}
