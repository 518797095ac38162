import type { CalendarDay } from '@qms/protocol';

/**
 * Days the government moved by decision for civil servants (hoán đổi ngày làm việc), which no rule can compute:
 * a working day given as a holiday, and the Saturday worked instead (ngày làm bù). Add a year here once its
 * decision is published; centers can also enter them by hand on the calendar page.
 */
export const publishedSwaps: Record<number, Omit<CalendarDay, 'source'>[]> = {
  // Tết Dương lịch 2026: off Thursday 1/1 to Sunday 4/1; Friday 2/1 swapped with Saturday 10/1.
  // Văn bản 12729/VPCP-KGVX of 25/12/2025 (Phó Thủ tướng Phạm Thị Thanh Trà agreeing to the Bộ Nội vụ proposal).
  2026: [
    { date: '2026-01-02', kind: 'holiday', name: 'Tết Dương lịch (nghỉ hoán đổi)', nameEn: 'New Year holiday (swapped with Saturday 10 Jan)' },
    { date: '2026-01-10', kind: 'workday', name: 'Làm bù ngày 02/01', nameEn: 'Make-up working day for 2 Jan' },
  ],
};
