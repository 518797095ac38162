import { describe, expect, it } from 'vitest';
import { clockOf, dayChip, daysFrom, dayText, localDate } from './days';

describe('booking page days', () => {
  it('today in the center zone, not the phone’s: 17:30 UTC is already the next day in Hà Nội', () => {
    expect(localDate(Date.parse('2026-03-15T17:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-03-16');
    expect(localDate(Date.parse('2026-03-15T16:59:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-03-15');
  });

  it('counts days across a month end and words them in both languages', () => {
    expect(daysFrom('2026-02-27', 4)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(dayText('2026-03-16', 'vi')).toBe('Thứ Hai, 16/03/2026');
    expect(dayText('2026-03-22', 'en')).toBe('Sunday, 22/03/2026');
    expect(dayChip('2026-03-21', 'vi')).toEqual({ weekday: 'T7', date: '21/03' });
    expect(clockOf('2026-03-16T09:15:00+07:00')).toBe('09:15');
  });
});
