import { describe, expect, it } from 'vitest';
import { bookingDayLimit, checkInVerdict, checkInWindow, slotsOfDay, type SlotRules } from './slots';
import type { CenterDay, IssuingHours } from './types';

const VN = 'Asia/Ho_Chi_Minh';
const vn = (y: number, mo: number, d: number, h: number, mi: number) => Date.UTC(y, mo - 1, d, h - 7, mi);
const hhmm = (ms: number) => new Date(ms + 7 * 3600_000).toISOString().slice(11, 16);

// Mon–Fri 07:30–11:30 and 13:30–17:00; Saturday 07:30–11:30 only; Sunday off.
const weekly: IssuingHours = {
  workingDays: [1, 2, 3, 4, 5, 6],
  windows: [{ from: '07:30', to: '11:30' }, { from: '13:30', to: '17:00' }],
  days: { '6': [{ from: '07:30', to: '11:30' }] },
};
const rules: SlotRules = { enabled: true, slotMinutes: 30, perSlot: 2, maxSharePercent: 30 };
const plain: CenterDay = { hours: weekly, special: null };
const holiday: CenterDay = { hours: weekly, special: { kind: 'holiday', name: 'Giỗ Tổ Hùng Vương', nameEn: 'Hung Kings Day' } };
const monFri: IssuingHours = { workingDays: [1, 2, 3, 4, 5], windows: weekly.windows };
const makeUp: CenterDay = { hours: monFri, special: { kind: 'workday', name: 'Làm bù', nameEn: 'Make-up day' } };

const slots = (day: string, center: CenterDay, over: Partial<Parameters<typeof slotsOfDay>[0]> = {}) =>
  slotsOfDay({ day, timeZone: VN, center, serviceHours: null, rules, demo: false, ...over });

// 2026-03-13 Friday, 14 Saturday, 15 Sunday, 16 Monday.
describe('slotsOfDay', () => {
  it('a normal Monday: slots inside both windows, none over lunch, none running past a window end', () => {
    const d = slots('2026-03-16', plain);
    expect(d.closedReason).toBeNull();
    const starts = d.slots.map((s) => hhmm(s.start));
    expect(starts[0]).toBe('07:30');
    expect(starts).toContain('11:00');
    expect(starts).not.toContain('11:30');
    expect(starts).not.toContain('12:00');
    expect(starts).toContain('13:30');
    expect(starts.at(-1)).toBe('16:30');
    expect(d.slots).toHaveLength(8 + 7);
    expect(d.slots[0]).toEqual({ start: vn(2026, 3, 16, 7, 30), end: vn(2026, 3, 16, 8, 0) });
    expect(d.openMinutes).toBe(240 + 210);
  });

  it('a 45-minute slot that would cross the end of a window is not offered', () => {
    const d = slots('2026-03-16', plain, { rules: { ...rules, slotMinutes: 45 } });
    const starts = d.slots.map((s) => hhmm(s.start));
    // 07:30, 08:15, 09:00, 09:45, 10:30 (ends 11:15); 11:15 would end 12:00.
    expect(starts.slice(0, 6)).toEqual(['07:30', '08:15', '09:00', '09:45', '10:30', '13:30']);
  });

  it('a holiday on a Monday has no slots', () => {
    expect(slots('2026-03-16', holiday)).toMatchObject({ closedReason: 'holiday', slots: [] });
  });

  it('a make-up Saturday has Monday’s slots, afternoon included; the same Saturday without the calendar entry has none', () => {
    const sat = slots('2026-03-14', makeUp);
    expect(sat.closedReason).toBeNull();
    expect(sat.slots.map((s) => hhmm(s.start))).toEqual(slots('2026-03-16', plain).slots.map((s) => hhmm(s.start)));
    expect(sat.slots[0]?.start).toBe(vn(2026, 3, 14, 7, 30));
    expect(slots('2026-03-14', { hours: monFri, special: null })).toMatchObject({ closedReason: 'not_working_day', slots: [] });
  });

  it('an ordinary Saturday: mornings only; Sunday: none', () => {
    expect(slots('2026-03-14', plain).slots.map((s) => hhmm(s.start)).at(-1)).toBe('11:00');
    expect(slots('2026-03-15', plain).closedReason).toBe('not_working_day');
  });

  it('the field’s own hours narrow the center’s', () => {
    const own: IssuingHours = { workingDays: [1, 2, 3, 4, 5], windows: [{ from: '08:00', to: '10:00' }] };
    expect(slots('2026-03-16', plain, { serviceHours: own }).slots.map((s) => hhmm(s.start))).toEqual(['08:00', '08:30', '09:00', '09:30']);
    expect(slots('2026-03-14', plain, { serviceHours: own }).closedReason).toBe('not_working_day');
  });

  it('bookings off for the field: no slots', () => {
    expect(slots('2026-03-16', plain, { rules: { ...rules, enabled: false } }).closedReason).toBe('bookings_off');
  });

  it('demo: a slot every hour of every day, holidays and Sundays included', () => {
    const d = slots('2026-03-15', holiday, { demo: true });
    expect(d.closedReason).toBeNull();
    expect(d.slots).toHaveLength(24);
    expect(hhmm(d.slots[0]!.start)).toBe('00:00');
    expect(hhmm(d.slots[23]!.start)).toBe('23:00');
  });
});

describe('bookingDayLimit', () => {
  const monday = slots('2026-03-16', plain);
  it('30 % of the day capacity from open minutes, service time and counters', () => {
    // 450 min × 60 / 600 s = 45 tickets per counter, 2 counters = 90; 30 % = 27.
    expect(bookingDayLimit({ slotDay: monday, rules, dailyCap: null, serviceSeconds: 600, counters: 2, demo: false })).toBe(27);
  });
  it('a daily cap is the capacity', () => {
    expect(bookingDayLimit({ slotDay: monday, rules, dailyCap: 40, serviceSeconds: 600, counters: 2, demo: false })).toBe(12);
  });
  it('never more than the slots hold', () => {
    expect(bookingDayLimit({ slotDay: monday, rules: { ...rules, maxSharePercent: 100 }, dailyCap: 1000, serviceSeconds: 600, counters: 2, demo: false })).toBe(30);
  });
});

describe('check-in window', () => {
  const slot = vn(2026, 3, 16, 9, 0);
  const w = { checkInBeforeMinutes: 15, checkInAfterMinutes: 10 };
  it('from 15 min before to 10 min after the slot start', () => {
    expect(checkInWindow(slot, w)).toEqual({ from: vn(2026, 3, 16, 8, 45), until: vn(2026, 3, 16, 9, 10) });
    expect(checkInVerdict(vn(2026, 3, 16, 8, 44), slot, w)).toBe('early');
    expect(checkInVerdict(vn(2026, 3, 16, 8, 45), slot, w)).toBe('on_time');
    expect(checkInVerdict(vn(2026, 3, 16, 8, 50), slot, w)).toBe('on_time');
    expect(checkInVerdict(vn(2026, 3, 16, 9, 10), slot, w)).toBe('on_time');
    expect(checkInVerdict(vn(2026, 3, 16, 9, 11), slot, w)).toBe('late');
  });
});
