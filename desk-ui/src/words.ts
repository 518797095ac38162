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
