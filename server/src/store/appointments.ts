import { AppointmentRules, AppointmentSettings, type AppointmentOrigin, type AppointmentStatus } from '@qms/protocol';
import type { Db } from './open';

export interface Appointment {
  code: string;
  linkKey: string;
  serviceId: string;
  serviceDay: string;
  slotStart: number;
  slotEnd: number;
  status: AppointmentStatus;
  origin: AppointmentOrigin;
  phone: string | null;
  deviceId: string | null;
  eraseAfter: number;
  erasedAt: number | null;
  createdAt: number;
  createdDay: string;
  staffId: number | null;
  ticketId: string | null;
  checkedInAt: number | null;
  closedAt: number | null;
}

interface Row {
  code: string;
  link_key: string;
  service_id: string;
  service_day: string;
  slot_start: number;
  slot_end: number;
  status: AppointmentStatus;
  origin: AppointmentOrigin;
  device_id: string | null;
  erase_after: number;
  erased_at: number | null;
  created_at: number;
  created_day: string;
  staff_id: number | null;
  ticket_id: string | null;
  checked_in_at: number | null;
  closed_at: number | null;
}

const toAppointment = (r: Row): Appointment => ({
  code: r.code,
  linkKey: r.link_key,
  serviceId: r.service_id,
  serviceDay: r.service_day,
  slotStart: r.slot_start,
  slotEnd: r.slot_end,
  status: r.status,
  origin: r.origin,
  phone: null,
  deviceId: r.device_id,
  eraseAfter: r.erase_after,
  erasedAt: r.erased_at,
  createdAt: r.created_at,
  createdDay: r.created_day,
  staffId: r.staff_id,
  ticketId: r.ticket_id,
  checkedInAt: r.checked_in_at,
  closedAt: r.closed_at,
});

const toRow = (a: Appointment): Row => ({
  code: a.code,
  link_key: a.linkKey,
  service_id: a.serviceId,
  service_day: a.serviceDay,
  slot_start: a.slotStart,
  slot_end: a.slotEnd,
  status: a.status,
  origin: a.origin,
  device_id: a.deviceId,
  erase_after: a.eraseAfter,
  erased_at: a.erasedAt,
  created_at: a.createdAt,
  created_day: a.createdDay,
  staff_id: a.staffId,
  ticket_id: a.ticketId,
  checked_in_at: a.checkedInAt,
  closed_at: a.closedAt,
});

export const defaultAppointmentSettings: AppointmentSettings = {
  checkInBeforeMinutes: 15,
  checkInAfterMinutes: 10,
  phoneRetentionDays: 30,
  perPhonePerDay: 2,
  perDevicePerDay: 3,
  bookedCallsInARow: 3,
  walkInWaitMinutes: 20,
};

/** A field without rules of its own: bookings off in a real center (the admin turns them on), on in the demo. */
export const defaultAppointmentRules = (demo: boolean): AppointmentRules => ({ enabled: demo, slotMinutes: 15, perSlot: 1, maxSharePercent: 30 });

const cols = 'code, link_key, service_id, service_day, slot_start, slot_end, status, origin, device_id, erase_after, erased_at, created_at, created_day, staff_id, ticket_id, checked_in_at, closed_at';

/** Bookings and their rules. Counts of "taken" bookings include checked-in ones: cancelled and no-show free their slot. */
export function appointmentQueries(db: Db) {
  const insert = db.prepare<Row>(`INSERT INTO appointments (${cols}) VALUES (${cols.split(', ').map((c) => `@${c}`).join(', ')})`);
  const update = db.prepare<Row>(
    `UPDATE appointments SET service_day=@service_day, slot_start=@slot_start, slot_end=@slot_end, status=@status, device_id=@device_id,
       erase_after=@erase_after, erased_at=@erased_at, ticket_id=@ticket_id, checked_in_at=@checked_in_at, closed_at=@closed_at WHERE code=@code`,
  );
  const byCode = db.prepare<[string], Row>(`SELECT ${cols} FROM appointments WHERE code = ?`);
  const ofDay = db.prepare<[string], Row>(`SELECT ${cols} FROM appointments WHERE service_day = ? ORDER BY slot_start, created_at`);
  const takenOfDay = db.prepare<[string, string], { slot_start: number; n: number }>(
    `SELECT slot_start, count(*) AS n FROM appointments WHERE service_day = ? AND service_id = ? AND status IN ('booked', 'checked_in') GROUP BY slot_start`,
  );
  const byPhone = db.prepare<[string, string], { n: number }>(
    `SELECT count(*) AS n FROM appointments a JOIN appointment_phones p ON p.code = a.code WHERE a.service_day = ? AND p.phone = ? AND a.status IN ('booked', 'checked_in')`,
  );
  const phoneOf = db.prepare<[string], { phone: string }>(`SELECT phone FROM appointment_phones WHERE code = ?`);
  const insertPhone = db.prepare<[string, string]>(`INSERT INTO appointment_phones (code, phone) VALUES (?, ?)`);
  const deletePhone = db.prepare<[string]>(`DELETE FROM appointment_phones WHERE code = ?`);
  const byDevice = db.prepare<[string, string], { n: number }>(`SELECT count(*) AS n FROM appointments WHERE created_day = ? AND device_id = ?`);
  const overdue = db.prepare<[number], Row>(`SELECT ${cols} FROM appointments WHERE status = 'booked' AND slot_start <= ?`);
  const toErase = db.prepare<[number], Row>(`SELECT ${cols} FROM appointments WHERE erased_at IS NULL AND erase_after <= ?`);
  const fromDay = db.prepare<[string, string], Row>(`SELECT ${cols} FROM appointments WHERE service_day >= ? AND service_id = ? AND status = 'booked' ORDER BY slot_start`);
  // Read backwards along events_counter_type_at: the last few calls, not the whole day's sorted.
  const bookedCallsInARow = db.prepare<[number, number, number], { channel: string }>(
    `SELECT t.channel FROM events e JOIN tickets t ON t.id = e.ticket_id
     WHERE e.type = 'ticket.called' AND e.counter_id = ? AND e.at >= ? ORDER BY e.at DESC, e.id DESC LIMIT ?`,
  );
  const rulesRows = db.prepare<[], { service_id: string; rules: string }>(`SELECT service_id, rules FROM appointment_rules`);
  const saveRules = db.prepare<[string, string]>(`INSERT INTO appointment_rules (service_id, rules) VALUES (?, ?) ON CONFLICT (service_id) DO UPDATE SET rules = excluded.rules`);
  const settingsRow = db.prepare<[], { settings: string }>(`SELECT settings FROM appointment_settings WHERE id = 1`);
  const saveSettings = db.prepare<[string]>(`INSERT INTO appointment_settings (id, settings) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET settings = excluded.settings`);

  const withPhone = (a: Appointment): Appointment => ({ ...a, phone: phoneOf.get(a.code)?.phone ?? null });

  return {
    insert(a: Appointment) {
      insert.run(toRow(a));
      if (a.phone !== null) insertPhone.run(a.code, a.phone);
    },
    /** Saves the booking; a phone number set to null is deleted (it is never written again once gone). */
    update(a: Appointment) {
      update.run(toRow(a));
      if (a.phone === null) deletePhone.run(a.code);
    },
    get: (code: string): Appointment | null => {
      const r = byCode.get(code);
      return r ? withPhone(toAppointment(r)) : null;
    },
    ofDay: (day: string) => ofDay.all(day).map(toAppointment).map(withPhone),
    /** Bookings holding a place per slot start. */
    takenPerSlot: (day: string, serviceId: string) => new Map(takenOfDay.all(day, serviceId).map((r) => [r.slot_start, r.n])),
    phoneCount: (day: string, phone: string) => byPhone.get(day, phone)?.n ?? 0,
    deviceCount: (createdDay: string, deviceId: string) => byDevice.get(createdDay, deviceId)?.n ?? 0,
    /** Booked (not checked in) bookings whose slot started before `before` (the sweep passes now − the check-in grace). */
    overdue: (before: number) => overdue.all(before).map(toAppointment).map(withPhone),
    toErase: (now: number) => toErase.all(now).map(toAppointment).map(withPhone),
    /** Open bookings of a field from a day on (to warn about them when its rules change). */
    openFrom: (day: string, serviceId: string) => fromDay.all(day, serviceId).map(toAppointment).map(withPhone),
    /** How many of the counter's latest calls of the day (from `since`) were bookings, in a row. */
    bookedStreak(counterId: number, since: number, upTo: number): number {
      let n = 0;
      for (const r of bookedCallsInARow.all(counterId, since, upTo + 1)) {
        if (r.channel !== 'appointment') break;
        n++;
      }
      return n;
    },
    rules(): Map<string, AppointmentRules> {
      const out = new Map<string, AppointmentRules>();
      for (const r of rulesRows.all()) {
        const parsed = AppointmentRules.safeParse(JSON.parse(r.rules));
        if (parsed.success) out.set(r.service_id, parsed.data);
      }
      return out;
    },
    saveRules: (serviceId: string, rules: AppointmentRules) => void saveRules.run(serviceId, JSON.stringify(rules)),
    settings(): AppointmentSettings {
      const row = settingsRow.get();
      const parsed = row ? AppointmentSettings.partial().safeParse(JSON.parse(row.settings)) : null;
      return { ...defaultAppointmentSettings, ...(parsed?.success ? parsed.data : {}) };
    },
    saveSettings: (s: AppointmentSettings) => void saveSettings.run(JSON.stringify(s)),
  };
}
export type AppointmentQueries = ReturnType<typeof appointmentQueries>;
