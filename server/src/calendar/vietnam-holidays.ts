import { LunarDate } from '@nghiavuive/lunar_date_vi';
import type { CalendarDay } from '@qms/protocol';
import { publishedSwaps } from './published-vn';

type Holiday = Omit<CalendarDay, 'source'>;

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const isWeekend = (d: Date) => d.getUTCDay() === 0 || d.getUTCDay() === 6;

/**
 * A lunar date of the Vietnamese calendar as a solar date. The library computes new moons and solar terms for
 * UTC+7 (Hồ Ngọc Đức's algorithm), so it gives Vietnam's dates where the Chinese calendar (UTC+8) differs,
 * e.g. Tết 1985 on 21/01 (China: 20/02) and Tết 2007 on 17/02 (China: 18/02).
 */
export function lunarToSolar(day: number, month: number, year: number): Date {
  const lunar = new LunarDate({ day, month, year });
  lunar.init();
  const s = lunar.toSolarDate().get();
  return utc(s.year, s.month, s.day);
}

/** The extra Quốc khánh day the government picks, by the weekday of 2/9: it joins 2/9 to a weekend where it can. */
const nationalDayExtra: Record<number, number> = { 0: 1, 1: 1, 2: -1, 3: -1, 4: 1, 5: -1, 6: -1 };

/**
 * The public holidays of Labor Code 2019, Article 112(1), for civil servants in `year`: Tết Dương lịch (1/1),
 * Tết Nguyên Đán (the last day of the old lunar year and the first four of the new, as the Prime Minister has
 * fixed it in recent years), Giỗ Tổ Hùng Vương (10/3 lunar), 30/4, 1/5, Quốc khánh (2/9 and one day next to it).
 * A holiday on a Saturday or Sunday gives a compensatory day off on the next working day (Article 111(3)).
 * Then the published swaps of that year, if any.
 */
export function vietnamHolidays(year: number): Holiday[] {
  const days = new Map<string, Holiday>();
  const add = (d: Date, name: string, nameEn: string) => days.set(iso(d), { date: iso(d), kind: 'holiday', name, nameEn });

  add(utc(year, 1, 1), 'Tết Dương lịch', "New Year's Day");
  const tet = lunarToSolar(1, 1, year);
  for (let i = -1; i <= 3; i++) add(addDays(tet, i), 'Tết Nguyên Đán', 'Lunar New Year (Tết)');
  add(lunarToSolar(10, 3, year), 'Giỗ Tổ Hùng Vương', 'Hung Kings Commemoration Day');
  add(utc(year, 4, 30), 'Ngày Chiến thắng 30/4', 'Reunification Day');
  add(utc(year, 5, 1), 'Ngày Quốc tế Lao động 1/5', 'International Labour Day');
  const national = utc(year, 9, 2);
  add(national, 'Quốc khánh 2/9', 'National Day');
  add(addDays(national, nationalDayExtra[national.getUTCDay()] ?? 1), 'Quốc khánh 2/9', 'National Day');

  for (const h of [...days.values()].sort((a, b) => a.date.localeCompare(b.date))) {
    const d = new Date(`${h.date}T00:00:00Z`);
    if (!isWeekend(d)) continue;
    let next = addDays(d, 1);
    while (isWeekend(next) || days.has(iso(next))) next = addDays(next, 1);
    add(next, `${h.name} (nghỉ bù)`, `${h.nameEn} (day in lieu)`);
  }
  for (const swap of publishedSwaps[year] ?? []) days.set(swap.date, swap);
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}
