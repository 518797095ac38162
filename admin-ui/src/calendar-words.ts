import { useLang } from '@qms/ui-kit';

/** The calendar page's words, Vietnamese first. */
const words = {
  title: ['Lịch làm việc', 'Working calendar'],
  intro: [
    'Ngày nghỉ lễ: máy lấy số báo nghỉ, không cấp số. Ngày làm bù: cấp số theo giờ của thứ Hai.',
    'On a holiday the kiosk says it is closed; a make-up working day issues with Monday\'s hours.',
  ],
  readOnly: ['Chỉ quản trị viên được sửa lịch; quản lý xem.', 'Only the administrator may change the calendar; managers can view it.'],
  hours: ['Giờ cấp số trong tuần', 'Weekly ticket hours'],
  weekday: ['Thứ', 'Day'],
  working: ['Làm việc', 'Open'],
  windows: ['Khung giờ cấp số', 'Ticket hours'],
  windowsHint: ['Ví dụ: 07:30-11:30, 13:30-17:00', 'E.g. 07:30-11:30, 13:30-17:00'],
  saveHours: ['Lưu giờ làm việc', 'Save hours'],
  days: ['Ngày nghỉ lễ và ngày làm bù năm {year}', 'Holidays and make-up days in {year}'],
  year: ['Năm', 'Year'],
  date: ['Ngày', 'Date'],
  kind: ['Loại', 'Kind'],
  'kind.holiday': ['Nghỉ lễ', 'Holiday'],
  'kind.workday': ['Làm bù', 'Make-up working day'],
  name: ['Tên', 'Name'],
  nameEn: ['Tên tiếng Anh', 'English name'],
  source: ['Nguồn', 'Source'],
  'source.prefilled': ['Điền sẵn', 'Pre-filled'],
  'source.manual': ['Nhập tay', 'Entered'],
  add: ['Thêm ngày', 'Add a day'],
  remove: ['Xóa', 'Remove'],
  prefill: ['Điền sẵn ngày lễ', 'Pre-fill holidays'],
  prefillHint: [
    'Tính theo Bộ luật Lao động 2019 và âm lịch Việt Nam, kèm các ngày hoán đổi đã công bố; các ngày nhập tay được giữ nguyên.',
    'Computed from the 2019 Labor Code and the Vietnamese lunar calendar, with published swaps; days entered by hand are kept.',
  ],
  saveDays: ['Lưu danh sách ngày', 'Save days'],
  saving: ['Đang lưu…', 'Saving…'],
  saved: ['Đã lưu. Máy lấy số đã nhận lịch mới.', 'Saved. The kiosks have the new calendar.'],
  prefilled: ['Đã điền sẵn {n} ngày nghỉ lễ và làm bù.', 'Pre-filled {n} holidays and make-up days.'],
  none: ['Chưa có ngày nào.', 'No days yet.'],
  loading: ['Đang tải…', 'Loading…'],
  'err.windows': ['{day}: khung giờ chưa đúng, ví dụ 07:30-11:30 (giờ kết thúc sau giờ bắt đầu).', '{day}: hours not valid, e.g. 07:30-11:30 (the end after the start).'],
  'err.noDay': ['Cần ít nhất một ngày làm việc trong tuần.', 'At least one working day is needed.'],
  'err.date': ['Dòng {n}: ghi ngày dạng dd/mm/yyyy, trong năm {year}.', 'Row {n}: write the date as dd/mm/yyyy, in {year}.'],
  'err.twice': ['Dòng {n}: ngày {date} đã có ở dòng khác.', 'Row {n}: {date} is listed twice.'],
  'err.name': ['Dòng {n}: cần ghi tên ngày.', 'Row {n}: a name is needed.'],
  'wd.0': ['Chủ nhật', 'Sunday'],
  'wd.1': ['Thứ Hai', 'Monday'],
  'wd.2': ['Thứ Ba', 'Tuesday'],
  'wd.3': ['Thứ Tư', 'Wednesday'],
  'wd.4': ['Thứ Năm', 'Thursday'],
  'wd.5': ['Thứ Sáu', 'Friday'],
  'wd.6': ['Thứ Bảy', 'Saturday'],
} satisfies Record<string, [string, string]>;

export type CalendarWord = keyof typeof words;

export function useCalendarWords() {
  const { lang } = useLang();
  const w = (key: CalendarWord, params: Record<string, string | number> = {}) =>
    words[key][lang === 'en' ? 1 : 0].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  return { w, lang };
}
