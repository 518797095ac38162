import type { IssuingHours, Service } from '../queue';
import type { Db } from './open';

/** A row of `services`, every column (`SELECT *`). */
export interface ServiceRow {
  id: string;
  code: string;
  name: string;
  name_en: string;
  prefix: string;
  width: number;
  start_number: number;
  daily_cap: number | null;
  hours: string | null;
  default_service_seconds: number;
  satisfaction_target: number;
  sort: number;
  active: number;
  stopped_day: string | null;
  stopped_reason: string | null;
  former_names: string;
}

export interface StoredService extends Service {
  satisfactionTarget: number;
}

/** Active services in display order; `defaultHours` applies where a service has none of its own. */
export function loadServices(db: Db, defaultHours: IssuingHours): StoredService[] {
  return db
    .prepare<[], ServiceRow>(`SELECT * FROM services WHERE active = 1 ORDER BY sort`)
    .all()
    .map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      // No English name: screens show the Vietnamese one.
      nameEn: r.name_en || r.name,
      prefix: r.prefix,
      width: r.width,
      startNumber: r.start_number,
      dailyCap: r.daily_cap,
      hours: r.hours ? (JSON.parse(r.hours) as IssuingHours) : defaultHours,
      defaultServiceSeconds: r.default_service_seconds,
      satisfactionTarget: r.satisfaction_target,
      stopped: r.stopped_day ? { day: r.stopped_day, reason: r.stopped_reason ?? '' } : null,
    }));
}
