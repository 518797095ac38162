import { describe, it, expect } from 'vitest';
import { formatTicketNumber, issuingBlock, nextSeq, serviceDayOf, toMinutes } from './numbering';
import { QueueError, type Service } from './types';

const VN = 'Asia/Ho_Chi_Minh';

/** An instant given as wall-clock time in Viet Nam (UTC+7, no DST). Month is 1-based. */
const vn = (y: number, mo: number, d: number, h: number, mi: number, s = 0) => Date.UTC(y, mo - 1, d, h - 7, mi, s);

function service(over: Partial<Service> = {}): Service {
  return {
    id: 'cert',
    code: 'CT',
    name: 'Chứng thực',
    nameEn: 'Certification',
    prefix: '1',
    width: 3,
    startNumber: 1,
    dailyCap: null,
    hours: null,
    defaultServiceSeconds: 300,
    ...over,
  };
}

/** Catches what `fn` throws, failing the test when it does not throw. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('formatTicketNumber', () => {
  it('prefix 1, width 3, seq 23 → 1023', () => {
    expect(formatTicketNumber({ prefix: '1', width: 3 }, 23)).toBe('1023');
  });

  it('letter prefix pads the sequence: A → A001, A023, A999', () => {
    expect(formatTicketNumber({ prefix: 'A', width: 3 }, 1)).toBe('A001');
    expect(formatTicketNumber({ prefix: 'A', width: 3 }, 23)).toBe('A023');
    expect(formatTicketNumber({ prefix: 'A', width: 3 }, 999)).toBe('A999');
  });

  it('empty prefix gives the padded number alone', () => {
    expect(formatTicketNumber({ prefix: '', width: 4 }, 7)).toBe('0007');
    expect(formatTicketNumber({ prefix: '', width: 3 }, 123)).toBe('123');
  });

  it('multi-character prefixes and other widths', () => {
    expect(formatTicketNumber({ prefix: 'HT', width: 2 }, 5)).toBe('HT05');
    expect(formatTicketNumber({ prefix: 'B', width: 1 }, 9)).toBe('B9');
  });
});

describe('nextSeq', () => {
  it('starts at the service start number when nothing was issued today', () => {
    expect(nextSeq(service({ startNumber: 1 }), null)).toBe(1);
    expect(nextSeq(service({ startNumber: 100 }), null)).toBe(100);
  });

  it('continues after the last one issued', () => {
    expect(nextSeq(service(), 1)).toBe(2);
    expect(nextSeq(service(), 22)).toBe(23);
    // the start number does not matter once tickets were issued
    expect(nextSeq(service({ startNumber: 100 }), 150)).toBe(151);
  });

  it('the last number that fits the width is still issued', () => {
    expect(nextSeq(service({ width: 3 }), 998)).toBe(999);
    expect(nextSeq(service({ width: 2 }), 98)).toBe(99);
  });

  it('throws numbers_exhausted once the sequence no longer fits the width', () => {
    const e = thrown(() => nextSeq(service({ id: 'land', name: 'Đất đai', nameEn: 'Land', width: 3 }), 999));
    expect(e).toBeInstanceOf(QueueError);
    expect((e as QueueError).code).toBe('numbers_exhausted');
    // Named as people know the field, not by its id.
    expect((e as QueueError).params).toEqual({ service: 'Đất đai', serviceEn: 'Land' });
    expect(() => nextSeq(service({ width: 2 }), 99)).toThrow('numbers_exhausted');
  });

  it('throws numbers_exhausted when even the start number does not fit', () => {
    expect(() => nextSeq(service({ width: 3, startNumber: 1000 }), null)).toThrow(QueueError);
  });
});

describe('serviceDayOf', () => {
  it('23:59 local on 2026-03-14 (16:59Z) belongs to 2026-03-14', () => {
    const ms = Date.UTC(2026, 2, 14, 16, 59);
    expect(ms).toBe(vn(2026, 3, 14, 23, 59));
    expect(serviceDayOf(ms, VN)).toBe('2026-03-14');
  });

  it('00:01 local on 2026-03-15 (17:01Z on the 14th) belongs to 2026-03-15, not the UTC date', () => {
    const ms = Date.UTC(2026, 2, 14, 17, 1);
    expect(ms).toBe(vn(2026, 3, 15, 0, 1));
    expect(new Date(ms).toISOString().slice(0, 10)).toBe('2026-03-14');
    expect(serviceDayOf(ms, VN)).toBe('2026-03-15');
  });

  it('the day changes exactly at local midnight', () => {
    const midnight = Date.UTC(2026, 2, 14, 17, 0, 0);
    expect(serviceDayOf(midnight - 1, VN)).toBe('2026-03-14');
    expect(serviceDayOf(midnight, VN)).toBe('2026-03-15');
  });

  it('morning hours after 07:00 local fall on the same date in UTC and locally', () => {
    expect(serviceDayOf(vn(2026, 3, 16, 7, 30), VN)).toBe('2026-03-16');
  });

  it('follows the zone it is given', () => {
    const ms = Date.UTC(2026, 2, 14, 17, 1);
    expect(serviceDayOf(ms, 'UTC')).toBe('2026-03-14');
    expect(serviceDayOf(Date.UTC(2026, 0, 1, 2, 0), 'America/New_York')).toBe('2025-12-31');
  });

  it('pads month and day, across a year end', () => {
    expect(serviceDayOf(vn(2027, 1, 1, 0, 0), VN)).toBe('2027-01-01');
    expect(serviceDayOf(vn(2026, 12, 31, 23, 59), VN)).toBe('2026-12-31');
  });
});

describe('toMinutes', () => {
  it('parses HH:MM', () => {
    expect(toMinutes('00:00')).toBe(0);
    expect(toMinutes('07:30')).toBe(450);
    expect(toMinutes('17:05')).toBe(1025);
  });
});

describe('issuingBlock', () => {
  // Mon–Fri, 07:30–11:30 and 13:30–17:00 local time.
  const hours = {
    workingDays: [1, 2, 3, 4, 5],
    windows: [
      { from: '07:30', to: '11:30' },
      { from: '13:30', to: '17:00' },
    ],
  };
  const svc = service({ hours, dailyCap: 100 });
  // 2026-03-16 is a Monday, 2026-03-15 a Sunday, 2026-03-14 a Saturday.
  const monday = (h: number, m: number, s = 0) => vn(2026, 3, 16, h, m, s);
  const check = (now: number, over: { issuedToday?: number; demo?: boolean; service?: Service } = {}) =>
    issuingBlock({ service: over.service ?? svc, now, timeZone: VN, issuedToday: over.issuedToday ?? 0, demo: over.demo ?? false });
  const code = (now: number, over: Parameters<typeof check>[1] = {}) => check(now, over)?.code ?? null;

  it('inside the morning window: no block', () => {
    expect(check(monday(9, 0))).toBeNull();
    expect(check(monday(11, 29, 59))).toBeNull();
  });

  it('the window start minute is inside', () => {
    expect(check(monday(7, 30))).toBeNull();
    expect(code(monday(7, 29, 59))).toBe('outside_hours');
  });

  it('at the window end minute: outside_hours', () => {
    expect(code(monday(11, 30))).toBe('outside_hours');
    expect(code(monday(17, 0))).toBe('outside_hours');
  });

  it('lunch break is blocked and the error lists the windows', () => {
    const e = check(monday(12, 15));
    expect(e).toBeInstanceOf(QueueError);
    expect(e?.code).toBe('outside_hours');
    expect(e?.params).toEqual({ service: 'Chứng thực', windows: '07:30–11:30, 13:30–17:00' });
  });

  it('afternoon window is open', () => {
    expect(check(monday(13, 30))).toBeNull();
    expect(check(monday(15, 0))).toBeNull();
    expect(check(monday(16, 59))).toBeNull();
  });

  it('before opening and at night: outside_hours', () => {
    expect(code(monday(6, 0))).toBe('outside_hours');
    expect(code(monday(22, 0))).toBe('outside_hours');
    expect(code(monday(0, 0))).toBe('outside_hours');
  });

  it('Sunday (and Saturday when not listed): not_working_day, even inside window hours', () => {
    expect(code(vn(2026, 3, 15, 9, 0))).toBe('not_working_day');
    expect(code(vn(2026, 3, 14, 9, 0))).toBe('not_working_day');
    expect(check(vn(2026, 3, 15, 9, 0))?.params).toEqual({ service: 'Chứng thực' });
  });

  it('Saturday is open when listed', () => {
    const sat = service({ hours: { ...hours, workingDays: [1, 2, 3, 4, 5, 6] } });
    expect(check(vn(2026, 3, 14, 9, 0), { service: sat })).toBeNull();
  });

  it('dailyCap reached → daily_cap_reached; one below → OK', () => {
    expect(check(monday(9, 0), { issuedToday: 99 })).toBeNull();
    const e = check(monday(9, 0), { issuedToday: 100 });
    expect(e?.code).toBe('daily_cap_reached');
    expect(e?.params).toEqual({ service: 'Chứng thực', cap: 100 });
    expect(code(monday(9, 0), { issuedToday: 150 })).toBe('daily_cap_reached');
  });

  it('no cap and no hours: always open', () => {
    const open = service({ hours: null, dailyCap: null });
    expect(check(vn(2026, 3, 15, 3, 0), { service: open, issuedToday: 100_000 })).toBeNull();
  });

  it('a cap of 0 blocks everything', () => {
    expect(code(monday(9, 0), { service: service({ dailyCap: 0 }) })).toBe('daily_cap_reached');
  });

  it('demo: true ignores hours, working days and the cap', () => {
    expect(check(monday(12, 15), { demo: true })).toBeNull();
    expect(check(monday(23, 0), { demo: true })).toBeNull();
    expect(check(vn(2026, 3, 15, 3, 0), { demo: true })).toBeNull();
    expect(check(monday(9, 0), { demo: true, issuedToday: 10_000 })).toBeNull();
  });

  it('uses local time: 07:35 local = 00:35Z is inside 07:30–11:30', () => {
    const ms = Date.UTC(2026, 2, 16, 0, 35);
    expect(ms).toBe(monday(7, 35));
    expect(check(ms)).toBeNull();
    // 11:35 local = 04:35Z would look like early morning in UTC but is after the morning window
    expect(code(Date.UTC(2026, 2, 16, 4, 35))).toBe('outside_hours');
  });

  it('uses the local weekday: Monday 06:30 local is still Sunday in UTC', () => {
    const early = service({ hours: { workingDays: [1, 2, 3, 4, 5], windows: [{ from: '06:00', to: '08:00' }] } });
    const ms = Date.UTC(2026, 2, 15, 23, 30);
    expect(new Date(ms).getUTCDay()).toBe(0);
    expect(check(ms, { service: early })).toBeNull();
    // and Sunday 00:30 local is Saturday 17:30Z: closed although Saturday is a working day
    const sat = service({ hours: { workingDays: [1, 2, 3, 4, 5, 6], windows: [{ from: '00:00', to: '23:59' }] } });
    expect(code(Date.UTC(2026, 2, 14, 17, 30), { service: sat })).toBe('not_working_day');
  });

  it('a closed day wins over the cap; hours win over the cap', () => {
    expect(code(vn(2026, 3, 15, 9, 0), { issuedToday: 100 })).toBe('not_working_day');
    expect(code(monday(12, 0), { issuedToday: 100 })).toBe('outside_hours');
  });
});
