import { describe, it, expect } from 'vitest';
import { localDate, localParts, nextLocalDate, offsetMinutes, startOfLocalDay, toLocalIso } from './time';

const VN = 'Asia/Ho_Chi_Minh';
const BERLIN = 'Europe/Berlin';
const iso = (ms: number) => new Date(ms).toISOString();

describe('localParts', () => {
  it('wall-clock parts in Viet Nam (UTC+7) with the local weekday', () => {
    // 2026-03-14T17:00Z = Sunday 2026-03-15 00:00 in Hanoi (Saturday in UTC)
    expect(localParts(Date.UTC(2026, 2, 14, 17, 0, 0), VN)).toEqual({ year: 2026, month: 3, day: 15, hour: 0, minute: 0, second: 0, weekday: 0 });
    expect(localParts(Date.UTC(2026, 2, 16, 1, 5, 9), VN)).toEqual({ year: 2026, month: 3, day: 16, hour: 8, minute: 5, second: 9, weekday: 1 });
  });

  it('equals the Intl wall clock second by second across a DST change, asked in time order (the remembered offset never goes stale)', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { timeZone: BERLIN, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    for (let ms = Date.UTC(2026, 2, 29, 0, 58); ms < Date.UTC(2026, 2, 29, 1, 2); ms += 7_000) {
      const p = localParts(ms, BERLIN);
      const want = Object.fromEntries(intl.formatToParts(ms).filter((x) => x.type !== 'literal').map((x) => [x.type, Number(x.value)]));
      expect({ year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second }).toEqual(want);
    }
  });

  it('midnight is hour 0, never 24', () => {
    for (let d = 1; d <= 7; d++) expect(localParts(Date.UTC(2026, 5, d, 17, 0), VN).hour).toBe(0);
    expect(localParts(Date.UTC(2026, 5, 1, 0, 0), 'UTC').hour).toBe(0);
  });

  it('weekday runs 0 (Sunday) … 6 (Saturday)', () => {
    // 2026-03-15 is a Sunday
    const days = [0, 1, 2, 3, 4, 5, 6].map((i) => localParts(Date.UTC(2026, 2, 15 + i, 3, 0), VN).weekday);
    expect(days).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe('localDate', () => {
  it('23:59 local on 2026-03-14 (16:59Z) is 2026-03-14', () => {
    expect(localDate(Date.UTC(2026, 2, 14, 16, 59), VN)).toBe('2026-03-14');
  });

  it('00:01 local on 2026-03-15 (17:01Z on the 14th) is 2026-03-15, not the UTC date', () => {
    expect(localDate(Date.UTC(2026, 2, 14, 17, 1), VN)).toBe('2026-03-15');
    expect(localDate(Date.UTC(2026, 2, 14, 17, 1), 'UTC')).toBe('2026-03-14');
  });

  it('pads month and day', () => {
    expect(localDate(Date.UTC(2026, 0, 4, 3, 0), VN)).toBe('2026-01-04');
  });

  it('across the Berlin spring-forward night (2026-03-29, 02:00 CET → 03:00 CEST)', () => {
    // 22:59:59Z on the 28th = 23:59:59 CET; 23:00Z = 00:00 CET on the 29th
    expect(localDate(Date.UTC(2026, 2, 28, 22, 59, 59), BERLIN)).toBe('2026-03-28');
    expect(localDate(Date.UTC(2026, 2, 28, 23, 0), BERLIN)).toBe('2026-03-29');
    // 21:59Z on the 29th = 23:59 CEST; 22:00Z = 00:00 CEST on the 30th
    expect(localDate(Date.UTC(2026, 2, 29, 21, 59), BERLIN)).toBe('2026-03-29');
    expect(localDate(Date.UTC(2026, 2, 29, 22, 0), BERLIN)).toBe('2026-03-30');
    // the clock jumps from 01:59 CET to 03:00 CEST at 01:00Z
    expect(localParts(Date.UTC(2026, 2, 29, 0, 59), BERLIN).hour).toBe(1);
    expect(localParts(Date.UTC(2026, 2, 29, 1, 0), BERLIN).hour).toBe(3);
  });
});

describe('offsetMinutes', () => {
  it('+420 in Viet Nam all year', () => {
    expect(offsetMinutes(Date.UTC(2026, 0, 15), VN)).toBe(420);
    expect(offsetMinutes(Date.UTC(2026, 6, 15), VN)).toBe(420);
  });

  it('Berlin: +60 in winter, +120 in summer, switching at 01:00Z on 2026-03-29', () => {
    expect(offsetMinutes(Date.UTC(2026, 0, 15), BERLIN)).toBe(60);
    expect(offsetMinutes(Date.UTC(2026, 6, 15), BERLIN)).toBe(120);
    expect(offsetMinutes(Date.UTC(2026, 2, 29, 0, 59, 59), BERLIN)).toBe(60);
    expect(offsetMinutes(Date.UTC(2026, 2, 29, 1, 0), BERLIN)).toBe(120);
  });

  it('negative and half-hour offsets; milliseconds do not matter', () => {
    expect(offsetMinutes(Date.UTC(2026, 0, 15), 'America/New_York')).toBe(-300);
    expect(offsetMinutes(Date.UTC(2026, 0, 15), 'Asia/Kolkata')).toBe(330);
    expect(offsetMinutes(Date.UTC(2026, 0, 15, 12, 0, 0, 999), 'Asia/Kolkata')).toBe(330);
    expect(offsetMinutes(Date.UTC(2026, 0, 15), 'UTC')).toBe(0);
  });
});

describe('toLocalIso', () => {
  it('gives +07:00 and the local wall-clock time in Viet Nam', () => {
    expect(toLocalIso(Date.UTC(2026, 10, 23, 1, 5), VN)).toBe('2026-11-23T08:05:00.000+07:00');
    expect(toLocalIso(Date.UTC(2026, 2, 14, 16, 59), VN)).toBe('2026-03-14T23:59:00.000+07:00');
    expect(toLocalIso(Date.UTC(2026, 2, 14, 17, 1), VN)).toBe('2026-03-15T00:01:00.000+07:00');
  });

  it('keeps milliseconds', () => {
    expect(toLocalIso(Date.UTC(2026, 10, 23, 1, 5, 7, 123), VN)).toBe('2026-11-23T08:05:07.123+07:00');
  });

  it('denotes the same instant it was given', () => {
    const ms = Date.UTC(2026, 10, 23, 1, 5, 7, 123);
    for (const z of [VN, BERLIN, 'UTC', 'America/New_York', 'Asia/Kolkata', 'America/St_Johns']) expect(Date.parse(toLocalIso(ms, z))).toBe(ms);
  });

  it('other offsets: +00:00, negative, half-hour, and both sides of a DST change', () => {
    expect(toLocalIso(0, 'UTC')).toBe('1970-01-01T00:00:00.000+00:00');
    expect(toLocalIso(Date.UTC(2026, 0, 15, 12, 0), 'America/New_York')).toBe('2026-01-15T07:00:00.000-05:00');
    expect(toLocalIso(Date.UTC(2026, 0, 15, 12, 0), 'Asia/Kolkata')).toBe('2026-01-15T17:30:00.000+05:30');
    expect(toLocalIso(Date.UTC(2026, 0, 15, 12, 0), 'America/St_Johns')).toBe('2026-01-15T08:30:00.000-03:30');
    expect(toLocalIso(Date.UTC(2026, 2, 29, 0, 30), BERLIN)).toBe('2026-03-29T01:30:00.000+01:00');
    expect(toLocalIso(Date.UTC(2026, 2, 29, 1, 30), BERLIN)).toBe('2026-03-29T03:30:00.000+02:00');
  });
});

describe('startOfLocalDay', () => {
  it("'2026-03-15' in Viet Nam begins at 2026-03-14T17:00:00Z", () => {
    expect(iso(startOfLocalDay('2026-03-15', VN))).toBe('2026-03-14T17:00:00.000Z');
    expect(iso(startOfLocalDay('2027-01-01', VN))).toBe('2026-12-31T17:00:00.000Z');
  });

  it('round-trips with localDate: the start belongs to the day, one ms earlier to the day before', () => {
    for (const z of [VN, BERLIN, 'UTC', 'America/New_York', 'Asia/Kolkata']) {
      for (const d of ['2026-01-01', '2026-03-08', '2026-03-29', '2026-03-30', '2026-10-25', '2026-11-01', '2026-12-31']) {
        const ms = startOfLocalDay(d, z);
        expect(localDate(ms, z), `${d} ${z}`).toBe(d);
        expect(localDate(ms - 1, z), `${d} ${z}`).not.toBe(d);
        const p = localParts(ms, z);
        expect([p.hour, p.minute, p.second], `${d} ${z}`).toEqual([0, 0, 0]);
      }
    }
  });

  it('Berlin on the spring-forward day 2026-03-29: midnight is still CET (23:00Z), the next day CEST (22:00Z)', () => {
    const d29 = startOfLocalDay('2026-03-29', BERLIN);
    const d30 = startOfLocalDay('2026-03-30', BERLIN);
    expect(iso(d29)).toBe('2026-03-28T23:00:00.000Z');
    expect(iso(d30)).toBe('2026-03-29T22:00:00.000Z');
    // that day lasts 23 hours
    expect(d30 - d29).toBe(23 * 3600_000);
  });

  it('Berlin on the fall-back day 2026-10-25 lasts 25 hours', () => {
    const d25 = startOfLocalDay('2026-10-25', BERLIN);
    const d26 = startOfLocalDay('2026-10-26', BERLIN);
    expect(iso(d25)).toBe('2026-10-24T22:00:00.000Z');
    expect(iso(d26)).toBe('2026-10-25T23:00:00.000Z');
    expect(d26 - d25).toBe(25 * 3600_000);
  });

  it('Viet Nam days are always 24 hours', () => {
    expect(startOfLocalDay('2026-03-30', VN) - startOfLocalDay('2026-03-29', VN)).toBe(24 * 3600_000);
  });

  // In zones whose clocks jump at midnight local 00:00 does not exist; the day begins at 01:00.
  it('zones whose midnight is skipped: the day begins at the first instant of that date', () => {
    for (const [d, z] of [
      ['2026-09-06', 'America/Santiago'],
      ['2026-03-08', 'America/Havana'],
    ] as const) {
      const ms = startOfLocalDay(d, z);
      expect(localDate(ms, z), `${d} ${z}`).toBe(d);
      expect(localDate(ms - 1, z), `${d} ${z}`).not.toBe(d);
    }
  });
});

describe('nextLocalDate', () => {
  it('the calendar day after', () => {
    expect(nextLocalDate('2026-03-14')).toBe('2026-03-15');
    expect(nextLocalDate('2026-03-31')).toBe('2026-04-01');
    expect(nextLocalDate('2026-12-31')).toBe('2027-01-01');
    expect(nextLocalDate('2026-02-28')).toBe('2026-03-01');
    expect(nextLocalDate('2028-02-28')).toBe('2028-02-29');
    expect(nextLocalDate('2028-02-29')).toBe('2028-03-01');
  });

  it('is not disturbed by DST days (pure calendar arithmetic)', () => {
    expect(nextLocalDate('2026-03-29')).toBe('2026-03-30');
    expect(nextLocalDate('2026-10-25')).toBe('2026-10-26');
  });
});
