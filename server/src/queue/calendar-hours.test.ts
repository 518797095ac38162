import { describe, expect, it } from 'vitest';
import { issuingBlock } from './numbering';
import type { CenterDay, IssuingHours, Service } from './types';

const VN = 'Asia/Ho_Chi_Minh';
const vn = (y: number, mo: number, d: number, h: number, mi: number) => Date.UTC(y, mo - 1, d, h - 7, mi);

const service = (hours: IssuingHours | null = null): Service => ({
  id: 'cert', code: 'CT', name: 'Chứng thực', nameEn: 'Certification', prefix: '1', width: 3, startNumber: 1, dailyCap: null, hours, defaultServiceSeconds: 300,
});

// Mon–Fri 07:30–11:30 and 13:30–17:00; Saturday 07:30–11:30 only.
const weekly: IssuingHours = {
  workingDays: [1, 2, 3, 4, 5, 6],
  windows: [{ from: '07:30', to: '11:30' }, { from: '13:30', to: '17:00' }],
  days: { '6': [{ from: '07:30', to: '11:30' }] },
};
const plainDay: CenterDay = { hours: weekly, special: null };
const code = (now: number, center: CenterDay | null, svc = service()) =>
  issuingBlock({ service: svc, now, timeZone: VN, issuedToday: 0, demo: false, center })?.code ?? null;

// 2026-03-14 is a Saturday, 2026-03-15 a Sunday, 2026-03-16 a Monday.
describe('per-weekday windows', () => {
  it('Saturday morning only: open at 09:00, closed at 14:00; Monday afternoon is open', () => {
    expect(code(vn(2026, 3, 14, 9, 0), plainDay)).toBeNull();
    expect(code(vn(2026, 3, 14, 14, 0), plainDay)).toBe('outside_hours');
    expect(code(vn(2026, 3, 16, 14, 0), plainDay)).toBeNull();
    expect(code(vn(2026, 3, 15, 9, 0), plainDay)).toBe('not_working_day');
  });

  it('the windows of a weekday are named in the error', () => {
    const e = issuingBlock({ service: service(), now: vn(2026, 3, 14, 14, 0), timeZone: VN, issuedToday: 0, demo: false, center: plainDay });
    expect(e?.params.windows).toBe('07:30–11:30');
  });

  it('a service hours config with per-day windows works without the center calendar (old callers)', () => {
    expect(code(vn(2026, 3, 14, 14, 0), null, service(weekly))).toBe('outside_hours');
    expect(code(vn(2026, 3, 14, 9, 0), null, service(weekly))).toBeNull();
  });
});

describe('holidays and make-up working days', () => {
  const holiday: CenterDay = { hours: weekly, special: { kind: 'holiday', name: 'Giỗ Tổ Hùng Vương', nameEn: 'Hung Kings Commemoration Day' } };
  const makeUp: CenterDay = { hours: { ...weekly, workingDays: [1, 2, 3, 4, 5], days: {} }, special: { kind: 'workday', name: 'Làm bù', nameEn: 'Make-up day' } };

  it('a holiday is not an issuing day, even inside the normal windows of a Monday', () => {
    const e = issuingBlock({ service: service(), now: vn(2026, 3, 16, 9, 0), timeZone: VN, issuedToday: 0, demo: false, center: holiday });
    expect(e?.code).toBe('holiday');
    expect(e?.params.holiday).toBe('Giỗ Tổ Hùng Vương');
  });

  it('a make-up Saturday issues with Monday\'s windows, afternoon included', () => {
    expect(code(vn(2026, 3, 14, 9, 0), makeUp)).toBeNull();
    expect(code(vn(2026, 3, 14, 14, 0), makeUp)).toBeNull();
    expect(code(vn(2026, 3, 14, 12, 0), makeUp)).toBe('outside_hours');
    // The same Saturday without the calendar entry is not a working day.
    expect(code(vn(2026, 3, 14, 9, 0), { ...makeUp, special: null })).toBe('not_working_day');
  });

  it('a make-up Saturday also passes a service\'s own Mon–Fri hours', () => {
    const own = service({ workingDays: [1, 2, 3, 4, 5], windows: [{ from: '08:00', to: '11:00' }] });
    expect(code(vn(2026, 3, 14, 9, 0), makeUp, own)).toBeNull();
    expect(code(vn(2026, 3, 14, 14, 0), makeUp, own)).toBe('outside_hours');
  });

  it('the center\'s hours come before the service\'s own hours', () => {
    const own = service({ workingDays: [0, 1, 2, 3, 4, 5, 6], windows: [{ from: '00:00', to: '23:59' }] });
    expect(code(vn(2026, 3, 15, 9, 0), plainDay, own)).toBe('not_working_day');
  });

  it('demo mode issues on holidays at any hour', () => {
    expect(issuingBlock({ service: service(), now: vn(2026, 3, 16, 3, 0), timeZone: VN, issuedToday: 0, demo: true, center: holiday })).toBeNull();
  });
});
