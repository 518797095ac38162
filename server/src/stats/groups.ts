import { offsetMinutes, startOfLocalDay, type StatsGroupBy } from '@qms/protocol';
import type { Db } from '../store/open';

/** The columns a group key is made from. */
export interface GroupSource {
  serviceId: string;
  serviceDay: string;
  counterId: number | null;
  staffId: number | null;
  issuedAt: number;
}

const weekdayNames = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() || 7;

export function keyFunction(groupBy: StatsGroupBy, timeZone: string): (r: GroupSource) => string | number {
  const hourOf = localHour(timeZone);
  switch (groupBy) {
    case 'service':
      return (r) => r.serviceId;
    case 'counter':
      return (r) => r.counterId ?? 'none';
    case 'staff':
      return (r) => r.staffId ?? 'none';
    case 'day':
      return (r) => r.serviceDay;
    case 'hour':
      return hourOf;
    case 'weekday':
      return (r) => isoWeekday(r.serviceDay);
    case 'weekday_hour':
      return (r) => `${isoWeekday(r.serviceDay)}-${String(hourOf(r)).padStart(2, '0')}`;
  }
}

/** Local hour of issue; one Intl lookup per day, as the offset is fixed within a service day nearly everywhere. */
function localHour(timeZone: string) {
  const dayStart = new Map<string, number>();
  return (r: GroupSource) => {
    let start = dayStart.get(r.serviceDay);
    if (start === undefined) dayStart.set(r.serviceDay, (start = startOfLocalDay(r.serviceDay, timeZone)));
    const hour = Math.floor((r.issuedAt - start) / 3600_000);
    return hour >= 0 && hour < 24 ? hour : new Date(r.issuedAt + offsetMinutes(r.issuedAt, timeZone) * 60000).getUTCHours();
  };
}

const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00–${String(h + 1).padStart(2, '0')}:00`;

/** Labels in Vietnamese, as the exports are; the reports page puts its own words on `none` and on fields in English. */
export function labelFunction(db: Db, groupBy: StatsGroupBy): (key: string | number) => string {
  const none = 'Chưa gọi';
  const names = (sql: string) => new Map(db.prepare<[], { id: string | number; name: string }>(sql).all().map((r) => [r.id, r.name]));
  switch (groupBy) {
    case 'service': {
      // A renamed field keeps its history under its current name, with the names it had before.
      const m = new Map(
        db
          .prepare<[], { id: string; name: string; former_names: string }>(`SELECT id, name, former_names FROM services`)
          .all()
          .map((r) => {
            const former = JSON.parse(r.former_names) as string[];
            return [r.id, former.length ? `${r.name} (trước đây: ${former.join(', ')})` : r.name];
          }),
      );
      return (k) => m.get(String(k)) ?? String(k);
    }
    case 'counter': {
      const m = names(`SELECT id, name FROM counters`);
      return (k) => (k === 'none' ? none : (m.get(k) ?? `Quầy ${k}`));
    }
    case 'staff': {
      const m = names(`SELECT id, name FROM users`);
      return (k) => (k === 'none' ? none : (m.get(k) ?? String(k)));
    }
    case 'day':
      return (k) => String(k).split('-').reverse().join('/');
    case 'hour':
      return (k) => hourLabel(Number(k));
    case 'weekday':
      return (k) => weekdayNames[Number(k) % 7]!;
    case 'weekday_hour':
      return (k) => {
        const [w, h] = String(k).split('-').map(Number) as [number, number];
        return `${weekdayNames[w % 7]} ${hourLabel(h)}`;
      };
  }
}
