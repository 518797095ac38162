import { describe, expect, it } from 'vitest';
import { lunarToSolar, vietnamHolidays } from './vietnam-holidays';

const dates = (year: number, kind: 'holiday' | 'workday' = 'holiday') => vietnamHolidays(year).filter((d) => d.kind === kind).map((d) => d.date);
const named = (year: number, name: string) => vietnamHolidays(year).filter((d) => d.name === name).map((d) => d.date);

describe('the lunar calendar is Vietnam\'s (UTC+7), not China\'s (UTC+8)', () => {
  it('Tết 1985 fell on 21/01 in Vietnam (20/02 in China) and Tết 2007 on 17/02 (18/02 in China)', () => {
    expect(lunarToSolar(1, 1, 1985).toISOString().slice(0, 10)).toBe('1985-01-21');
    expect(lunarToSolar(1, 1, 2007).toISOString().slice(0, 10)).toBe('2007-02-17');
  });
});

describe('2026 holidays for civil servants', () => {
  it('Tết Dương lịch: Thursday 1/1 and Friday 2/1, worked back on Saturday 10/1', () => {
    // Văn bản 12729/VPCP-KGVX of 25/12/2025: off Thursday 1/1 to Sunday 4/1/2026, Friday 2/1 swapped with Saturday 10/1.
    expect(dates(2026).filter((d) => d < '2026-02-01')).toEqual(['2026-01-01', '2026-01-02']);
    expect(dates(2026, 'workday')).toEqual(['2026-01-10']);
  });

  it('Tết Bính Ngọ: Monday 16/2 (29 tháng Chạp) to Friday 20/2 (mùng 4)', () => {
    // Published October 2025 (vnanet.vn, congan.com.vn "Chính thức chốt phương án Tết Nguyên đán Bính Ngọ 2026"):
    // civil servants are off 5 days, Monday 16/2 to Friday 20/2/2026, 9 days with the weekends around them.
    expect(named(2026, 'Tết Nguyên Đán')).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
  });

  it('Giỗ Tổ Hùng Vương (10/3 lunar) is Sunday 26/4, with the day in lieu on Monday 27/4', () => {
    expect(named(2026, 'Giỗ Tổ Hùng Vương')).toEqual(['2026-04-26']);
    expect(named(2026, 'Giỗ Tổ Hùng Vương (nghỉ bù)')).toEqual(['2026-04-27']);
  });

  it('30/4, 1/5 and Quốc khánh (Wednesday 2/9 with Tuesday 1/9)', () => {
    expect(dates(2026)).toEqual([
      '2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
      '2026-04-26', '2026-04-27', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02',
    ]);
  });
});

describe('2027 holidays (no published decision found yet: Labor Code 2019 art. 111(3) and 112(1) applied)', () => {
  it('Tết Đinh Mùi: mùng 1 is Saturday 6/2; Friday 5/2 to Tuesday 9/2, and two days in lieu for the weekend', () => {
    expect(lunarToSolar(1, 1, 2027).toISOString().slice(0, 10)).toBe('2027-02-06');
    expect(named(2027, 'Tết Nguyên Đán')).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09']);
    expect(named(2027, 'Tết Nguyên Đán (nghỉ bù)')).toEqual(['2027-02-10', '2027-02-11']);
  });

  it('Giỗ Tổ Hùng Vương is Friday 16/4/2027', () => {
    expect(named(2027, 'Giỗ Tổ Hùng Vương')).toEqual(['2027-04-16']);
  });

  it('the whole year: 1/5 on a Saturday gives Monday 3/5; Quốc khánh Thursday 2/9 with Friday 3/9', () => {
    expect(dates(2027)).toEqual([
      '2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11',
      '2027-04-16', '2027-04-30', '2027-05-01', '2027-05-03', '2027-09-02', '2027-09-03',
    ]);
    expect(dates(2027, 'workday')).toEqual([]);
  });
});
