import { priorityCategoryOf, type PriorityCategoryInput } from '@qms/protocol';
import type { CenterConfig } from '../config/schema';
import type { Db } from './open';
import type { CounterRow } from './counters';
import type { ServiceRow } from './services';

/** The setup parts of the config that live in `center_settings` (the lists have their own tables). */
export type StoredSettings = Pick<CenterConfig, 'center' | 'timezone' | 'priorityCategories' | 'antiStarvation' | 'ratingWindowMinutes' | 'rating' | 'reports'>;

export const settingsOf = (c: CenterConfig): StoredSettings => ({
  center: c.center,
  timezone: c.timezone,
  priorityCategories: c.priorityCategories,
  antiStarvation: c.antiStarvation,
  ratingWindowMinutes: c.ratingWindowMinutes,
  // The photo folder is a path on this machine: it stays with the machine's file.
  rating: { ...c.rating, photoDir: null },
  reports: c.reports,
});

interface UserRow {
  id: number;
  username: string;
  name: string;
  title: string;
  role: 'staff' | 'manager' | 'admin';
  password_hash: string | null;
  counter_id: number | null;
  active: number;
  must_change_password: number;
  counter_ids: string | null;
}

interface DeviceRow {
  id: string;
  kind: 'kiosk' | 'display' | 'rating';
  token: string;
  counter_id: number | null;
  active: number;
}

export type SetupService = CenterConfig['services'][number];
export type SetupCounter = CenterConfig['counters'][number];
export type SetupAccount = CenterConfig['accounts'][number];
export type SetupDevice = CenterConfig['devices'][number];

const serviceOf = (r: ServiceRow): SetupService => {
  const formerNames = JSON.parse(r.former_names) as string[];
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    ...(r.name_en ? { nameEn: r.name_en } : {}),
    prefix: r.prefix,
    width: r.width,
    startNumber: r.start_number,
    dailyCap: r.daily_cap,
    hours: r.hours ? (JSON.parse(r.hours) as SetupService['hours']) : null,
    defaultServiceSeconds: r.default_service_seconds,
    satisfactionTarget: r.satisfaction_target,
    ...(r.active ? {} : { archived: true }),
    ...(formerNames.length ? { formerNames } : {}),
  };
};

const counterOf = (r: CounterRow): SetupCounter => ({
  id: r.id,
  number: r.number,
  name: r.name,
  serviceIds: JSON.parse(r.service_ids) as string[],
  priority: r.priority === 1,
  serviceOrder: r.service_order === 'ordered' ? 'ordered' : 'fifo',
  ...(r.active ? {} : { enabled: false }),
});

const accountOf = (r: UserRow): SetupAccount & { id: number } => ({
  id: r.id,
  username: r.username,
  name: r.name,
  title: r.title,
  role: r.role,
  ...(r.password_hash ? { passwordHash: r.password_hash } : {}),
  counterId: r.counter_id,
  ...(r.counter_ids ? { counterIds: JSON.parse(r.counter_ids) as number[] } : {}),
  ...(r.active ? {} : { disabled: true }),
  ...(r.must_change_password ? { mustChangePassword: true } : {}),
});

/** Reads and writes the setup rows: settings, services (archived ones too), counters, accounts, devices. */
export function setupQueries(db: Db) {
  const settingsRow = db.prepare<[], { settings: string; source_hash: string | null }>(`SELECT settings, source_hash FROM center_settings WHERE id = 1`);
  const putSettings = db.prepare(
    `INSERT INTO center_settings (id, settings, source_hash, imported_at, updated_at) VALUES (1, @settings, @sourceHash, @now, @now)
     ON CONFLICT (id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at,
       source_hash = COALESCE(excluded.source_hash, center_settings.source_hash), imported_at = CASE WHEN excluded.source_hash IS NULL THEN center_settings.imported_at ELSE excluded.imported_at END`,
  );
  const services = db.prepare<[], ServiceRow>(`SELECT * FROM services ORDER BY active DESC, sort, id`);
  const serviceRow = db.prepare<[string], ServiceRow>(`SELECT * FROM services WHERE id = ?`);
  const counters = db.prepare<[], CounterRow>(`SELECT * FROM counters ORDER BY number`);
  const counterState = db.prepare<[number], { status: 'open' | 'paused' | 'closed'; staff_id: number | null }>(`SELECT status, staff_id FROM counters WHERE id = ?`);
  const users = db.prepare<[], UserRow>(`SELECT * FROM users ORDER BY id`);
  const devices = db.prepare<[], DeviceRow>(`SELECT * FROM devices WHERE active = 1 ORDER BY id`);
  const upsertService = db.prepare(
    `INSERT INTO services (id, code, name, name_en, prefix, width, start_number, daily_cap, hours, default_service_seconds, satisfaction_target, sort, active, former_names)
     VALUES (@id, @code, @name, @nameEn, @prefix, @width, @startNumber, @dailyCap, @hours, @defaultServiceSeconds, @satisfactionTarget, @sort, @active, @formerNames)
     ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name, name_en = excluded.name_en, prefix = excluded.prefix,
       width = excluded.width, start_number = excluded.start_number, daily_cap = excluded.daily_cap, hours = excluded.hours,
       default_service_seconds = excluded.default_service_seconds, satisfaction_target = excluded.satisfaction_target, sort = excluded.sort,
       active = excluded.active, former_names = excluded.former_names`,
  );
  const setStopped = db.prepare(`UPDATE services SET stopped_day = ?, stopped_reason = ? WHERE id = ?`);
  const upsertCounter = db.prepare(
    `INSERT INTO counters (id, number, name, service_ids, priority, service_order, active) VALUES (@id, @number, @name, @serviceIds, @priority, @serviceOrder, @active)
     ON CONFLICT (id) DO UPDATE SET number = excluded.number, name = excluded.name, service_ids = excluded.service_ids,
       priority = excluded.priority, service_order = excluded.service_order, active = excluded.active`,
  );
  const upsertUser = db.prepare(
    `INSERT INTO users (username, name, title, role, password_hash, counter_id, active, must_change_password, counter_ids)
     VALUES (@username, @name, @title, @role, @passwordHash, @counterId, @active, @mustChange, @counterIds)
     ON CONFLICT (username) DO UPDATE SET name = excluded.name, title = excluded.title, role = excluded.role,
       password_hash = excluded.password_hash, counter_id = excluded.counter_id, active = excluded.active,
       must_change_password = excluded.must_change_password, counter_ids = excluded.counter_ids`,
  );
  const endSessionsOf = db.prepare(`DELETE FROM sessions WHERE user_id = ?`);
  const endOtherSessionsOf = db.prepare(`DELETE FROM sessions WHERE user_id = ? AND token_hash != ?`);
  const setPassword = db.prepare(`UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?`);
  const userIdOf = db.prepare<[string], { id: number }>(`SELECT id FROM users WHERE username = ?`);
  const upsertDevice = db.prepare(
    `INSERT INTO devices (id, kind, token, counter_id, active) VALUES (@id, @kind, @token, @counterId, 1)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, token = excluded.token, counter_id = excluded.counter_id, active = 1`,
  );
  const retireDevice = db.prepare(`UPDATE devices SET active = 0 WHERE id = ?`);

  return {
    settings: (): StoredSettings | null => {
      const r = settingsRow.get();
      if (!r) return null;
      const s = JSON.parse(r.settings) as StoredSettings;
      // A setup saved before priority groups had words lists bare codes.
      return { ...s, priorityCategories: (s.priorityCategories as PriorityCategoryInput[]).map(priorityCategoryOf) };
    },
    sourceHash: () => settingsRow.get()?.source_hash ?? null,
    saveSettings: (s: StoredSettings, now: number, sourceHash: string | null = null) =>
      void putSettings.run({ settings: JSON.stringify(s), sourceHash, now }),
    services: () => services.all().map(serviceOf),
    service: (id: string) => {
      const r = serviceRow.get(id);
      return r ? serviceOf(r) : null;
    },
    /** The day issuing was stopped on and why, or null. */
    stopped: (id: string) => {
      const r = serviceRow.get(id);
      return r?.stopped_day ? { day: r.stopped_day, reason: r.stopped_reason ?? '' } : null;
    },
    setStopped: (id: string, stop: { day: string; reason: string } | null) => void setStopped.run(stop?.day ?? null, stop?.reason ?? null, id),
    counters: () => counters.all().map(counterOf),
    /** A counter's live state, disabled counters included. */
    counterState: (id: number) => {
      const r = counterState.get(id);
      return r ? { status: r.status, staffId: r.staff_id } : null;
    },
    accounts: () => users.all().map(accountOf),
    devices: (): SetupDevice[] => devices.all().map((r) => ({ id: r.id, kind: r.kind, token: r.token, counterId: r.counter_id })),
    saveService: (s: SetupService, sort: number) =>
      void upsertService.run({
        ...s,
        nameEn: s.nameEn ?? '',
        hours: s.hours ? JSON.stringify(s.hours) : null,
        sort,
        active: s.archived ? 0 : 1,
        formerNames: JSON.stringify(s.formerNames ?? []),
      }),
    saveCounter: (c: SetupCounter) =>
      void upsertCounter.run({ ...c, serviceIds: JSON.stringify(c.serviceIds), priority: Number(c.priority), active: c.enabled === false ? 0 : 1 }),
    /** Saves an account by username (its id is kept); a disabled account's sessions end in the same transaction. */
    saveAccount: (a: Omit<SetupAccount, 'passwordHash'> & { passwordHash: string | null }): number => {
      upsertUser.run({
        username: a.username,
        name: a.name,
        title: a.title,
        role: a.role,
        passwordHash: a.passwordHash,
        counterId: a.counterId,
        active: a.disabled ? 0 : 1,
        mustChange: a.mustChangePassword ? 1 : 0,
        counterIds: a.counterIds ? JSON.stringify(a.counterIds) : null,
      });
      const id = userIdOf.get(a.username)!.id;
      if (a.disabled) endSessionsOf.run(id);
      return id;
    },
    endSessionsOf: (userId: number) => void endSessionsOf.run(userId),
    endOtherSessionsOf: (userId: number, keepTokenHash: string) => void endOtherSessionsOf.run(userId, keepTokenHash),
    setPassword: (userId: number, hash: string, mustChange: boolean) => void setPassword.run(hash, mustChange ? 1 : 0, userId),
    saveDevice: (d: SetupDevice) => void upsertDevice.run(d),
    retireDevice: (id: string) => void retireDevice.run(id),
  };
}
export type SetupQueries = ReturnType<typeof setupQueries>;

/**
 * The config the server runs with: the machine's file for what belongs to the machine (hardware, demo mode, public
 * URL, session length, default hours), the database for the setup.
 */
export function effectiveConfig(db: Db, file: CenterConfig): CenterConfig {
  const q = setupQueries(db);
  const s = q.settings();
  if (!s) return file;
  return {
    ...file,
    ...s,
    rating: { ...s.rating, photoDir: file.rating.photoDir },
    services: q.services(),
    counters: q.counters(),
    accounts: q.accounts().map(({ id: _, ...a }) => a),
    devices: q.devices(),
  };
}

/** The setup as a config file (docs/config.md): what `GET /api/admin/setup/export` answers. Password hashes are kept. */
export function exportSetup(db: Db, file: CenterConfig) {
  const c = effectiveConfig(db, file);
  const { photoDir: _, ...rating } = c.rating;
  return {
    ...settingsOf(c),
    rating,
    services: c.services,
    counters: c.counters,
    accounts: c.accounts,
    devices: c.devices,
  };
}
