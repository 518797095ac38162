import type { CenterConfig } from '../config/schema';
import { hashPassword, verifyPassword } from '../auth/password';
import type { Db } from './open';

/**
 * Makes the services, counters and accounts rows match the center config. Rows missing from the config are
 * deactivated, never deleted, so history keeps its references; a counter's live state (officer, ticket) is kept.
 */
export function syncConfig(db: Db, config: CenterConfig): void {
  db.transaction(() => {
    db.prepare(`UPDATE services SET active = 0`).run();
    const upsertService = db.prepare(
      `INSERT INTO services (id, code, name, name_en, prefix, width, start_number, daily_cap, hours, default_service_seconds, satisfaction_target, sort, active)
       VALUES (@id, @code, @name, @nameEn, @prefix, @width, @startNumber, @dailyCap, @hours, @defaultServiceSeconds, @satisfactionTarget, @sort, 1)
       ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name, name_en = excluded.name_en, prefix = excluded.prefix,
         width = excluded.width, start_number = excluded.start_number, daily_cap = excluded.daily_cap, hours = excluded.hours,
         default_service_seconds = excluded.default_service_seconds, satisfaction_target = excluded.satisfaction_target, sort = excluded.sort, active = 1`,
    );
    config.services.forEach((s, sort) => upsertService.run({ ...s, nameEn: s.nameEn ?? '', hours: s.hours ? JSON.stringify(s.hours) : null, sort }));

    db.prepare(`UPDATE counters SET active = 0`).run();
    const upsertCounter = db.prepare(
      `INSERT INTO counters (id, number, name, service_ids, priority, service_order, active) VALUES (@id, @number, @name, @serviceIds, @priority, @serviceOrder, 1)
       ON CONFLICT (id) DO UPDATE SET number = excluded.number, name = excluded.name, service_ids = excluded.service_ids,
         priority = excluded.priority, service_order = excluded.service_order, active = 1`,
    );
    for (const c of config.counters) upsertCounter.run({ ...c, serviceIds: JSON.stringify(c.serviceIds), priority: Number(c.priority) });

    db.prepare(`UPDATE users SET active = 0`).run();
    const existing = db.prepare<[string], { password_hash: string | null }>(`SELECT password_hash FROM users WHERE username = ?`);
    const upsertUser = db.prepare(
      `INSERT INTO users (username, name, title, role, password_hash, counter_id, active) VALUES (@username, @name, @title, @role, @passwordHash, @counterId, 1)
       ON CONFLICT (username) DO UPDATE SET name = excluded.name, title = excluded.title, role = excluded.role,
         password_hash = excluded.password_hash, counter_id = excluded.counter_id, active = 1`,
    );
    for (const a of config.accounts) {
      const old = existing.get(a.username)?.password_hash ?? null;
      // Re-hashing a demo password on every start would cost ~50 ms per account for nothing.
      const passwordHash =
        a.passwordHash ?? (a.password !== undefined ? (old && verifyPassword(a.password, old) ? old : hashPassword(a.password)) : null);
      upsertUser.run({ username: a.username, name: a.name, title: a.title, role: a.role, passwordHash, counterId: a.counterId });
    }
    db.prepare(`DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE active = 0)`).run();
  })();
}
