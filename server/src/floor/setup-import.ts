import { createHash } from 'node:crypto';
import type { SetupChange, SetupEntity } from '@qms/protocol';
import { hashPassword, verifyPassword } from '@qms/protocol/password';
import type { CenterConfig } from '../config/schema';
import { QueueError, serviceDayOf } from '../queue';
import { ledBoardsOfFile } from '../devices/led-config';
import { eventQueries } from '../store/events';
import { ledAddressQueries } from '../store/led-addresses';
import type { Db } from '../store/open';
import { effectiveConfig, settingsOf, setupQueries, type SetupAccount } from '../store/setup';
import { ticketQueries } from '../store/tickets';

export interface ImportOptions {
  now: number;
  day: string;
  /** SHA-256 of the file, when it came from the config file on disk. */
  sourceHash?: string | null;
  /** The first start after an upgrade takes the file as it is, as the release before did on every start. */
  checkInUse: boolean;
  /** Logs one change (`setup.<entity>.<action>`), in the transaction. */
  log?: (entity: SetupEntity, action: string, id: string, before: unknown, after: unknown) => void;
}

/** An account as the change log may show it: never a password or its hash. */
export const withoutSecrets = (a: Partial<SetupAccount> | null | undefined) => {
  if (!a) return null;
  const { passwordHash: _h, password: _p, ...rest } = a;
  return rest;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const changedFields = (a: object, b: object, skip: string[] = []) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !skip.includes(k) && !same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));

/** What importing `incoming` would change: added, changed (with the fields) or archived, per entity. */
export function planImport(db: Db, incoming: CenterConfig): SetupChange[] {
  const q = setupQueries(db);
  const changes: SetupChange[] = [];
  const current = q.settings();
  const settingsNow = current ?? ({} as object);
  const fields = changedFields(settingsNow, settingsOf(incoming));
  if (fields.length) changes.push({ entity: 'center', id: 'center', action: current ? 'changed' : 'added', fields });

  const diff = <T extends object>(entity: SetupEntity, now: T[], next: T[], key: (x: T) => string, isRetired: (x: T) => boolean, skip: string[] = []) => {
    const byKey = new Map(now.map((x) => [key(x), x]));
    const nextKeys = new Set(next.map(key));
    for (const x of next) {
      const old = byKey.get(key(x));
      if (!old) changes.push({ entity, id: key(x), action: 'added', fields: [] });
      else {
        const f = changedFields(old, x, skip);
        if (f.length) changes.push({ entity, id: key(x), action: 'changed', fields: f });
      }
    }
    for (const x of now) if (!nextKeys.has(key(x)) && !isRetired(x)) changes.push({ entity, id: key(x), action: 'archived', fields: [] });
  };
  diff('service', q.services(), incoming.services, (s) => s.id, (s) => s.archived === true);
  diff('counter', q.counters(), incoming.counters, (c) => String(c.id), (c) => c.enabled === false);
  const accounts = q.accounts().map(({ id: _, ...a }) => a);
  diff('user', accounts, incoming.accounts.map((a) => ({ ...a, ...(a.password !== undefined ? { password: undefined } : {}) })), (a) => a.username, (a) => a.disabled === true, ['passwordHash', 'password']);
  diff('device', q.devices(), incoming.devices, (d) => d.id, () => false);
  return changes;
}

/** Makes the setup in the database match `incoming`, in the caller's transaction. Nothing is deleted: what is gone is archived. */
export function applyImport(db: Db, incoming: CenterConfig, opts: ImportOptions): SetupChange[] {
  const q = setupQueries(db);
  const tickets = ticketQueries(db);
  const changes = planImport(db, incoming);
  const log = opts.log ?? (() => undefined);
  const was: SetupLists = { settings: q.settings(), services: q.services(), counters: q.counters(), accounts: q.accounts(), devices: q.devices() };
  const waiting = tickets.waitingCounts(opts.day);

  const servicesNow = new Map(q.services().map((s) => [s.id, s]));
  incoming.services.forEach((s, sort) => {
    const old = servicesNow.get(s.id);
    if (old && opts.checkInUse && (old.prefix !== s.prefix || old.width !== s.width) && tickets.issuedCount(opts.day, s.id) > 0) {
      throw new QueueError('prefix_in_use', { service: old.name });
    }
    if (old && opts.checkInUse && s.archived && !old.archived && (waiting.get(s.id)?.total ?? 0) > 0) {
      throw new QueueError('service_has_waiting', { service: old.name, waiting: waiting.get(s.id)?.total ?? 0 });
    }
    const formerNames = s.formerNames ?? (old && old.name !== s.name ? [...(old.formerNames ?? []), old.name] : old?.formerNames);
    q.saveService({ ...s, ...(formerNames ? { formerNames } : {}) }, sort);
  });
  const keptServices = new Set(incoming.services.map((s) => s.id));
  for (const old of servicesNow.values()) {
    if (keptServices.has(old.id) || old.archived) continue;
    const n = waiting.get(old.id)?.total ?? 0;
    if (opts.checkInUse && n > 0) throw new QueueError('service_has_waiting', { service: old.name, waiting: n });
    q.saveService({ ...old, archived: true }, 1000);
  }

  const countersNow = new Map(q.counters().map((c) => [c.id, c]));
  const open = new Set(db.prepare<[], { id: number }>(`SELECT id FROM counters WHERE status != 'closed'`).all().map((r) => r.id));
  const disable = (id: number) => {
    if (opts.checkInUse && open.has(id)) throw new QueueError('counter_in_use', { counter: countersNow.get(id)?.number ?? id });
  };
  for (const c of incoming.counters) {
    if (c.enabled === false && countersNow.get(c.id)?.enabled !== false) disable(c.id);
    q.saveCounter(c);
  }
  const keptCounters = new Set(incoming.counters.map((c) => c.id));
  for (const old of countersNow.values()) {
    if (keptCounters.has(old.id) || old.enabled === false) continue;
    disable(old.id);
    q.saveCounter({ ...old, enabled: false });
  }

  const accountsNow = new Map(q.accounts().map((a) => [a.username, a]));
  for (const a of incoming.accounts) {
    const old = accountsNow.get(a.username)?.passwordHash ?? null;
    // Re-hashing a demo password on every import would cost ~50 ms per account for nothing.
    const passwordHash = a.passwordHash ?? (a.password !== undefined ? (old && verifyPassword(a.password, old) ? old : hashPassword(a.password)) : old);
    q.saveAccount({ ...a, passwordHash });
  }
  const keptAccounts = new Set(incoming.accounts.map((a) => a.username));
  for (const old of accountsNow.values()) if (!keptAccounts.has(old.username) && !old.disabled) q.saveAccount({ ...old, passwordHash: old.passwordHash ?? null, disabled: true });

  const keptDevices = new Set(incoming.devices.map((d) => d.id));
  for (const d of q.devices()) if (!keptDevices.has(d.id)) q.retireDevice(d.id);
  for (const d of incoming.devices) q.saveDevice(d);

  q.saveSettings(settingsOf(incoming), opts.now, opts.sourceHash ?? null);
  const now: SetupLists = { settings: settingsOf(incoming), ...incoming };
  for (const c of changes) {
    const action = c.action === 'added' ? 'created' : c.action === 'changed' ? 'updated' : 'archived';
    log(c.entity, action, c.id, entityIn(was, c), c.action === 'archived' ? null : entityIn(now, c));
  }
  return changes;
}

interface SetupLists {
  settings: unknown;
  services: { id: string }[];
  counters: { id: number }[];
  accounts: Partial<SetupAccount>[];
  devices: { id: string; kind: string; counterId: number | null }[];
}

/** One entity of a setup, as the change log shows it: never a password, its hash or a device token. */
function entityIn(setup: SetupLists, c: SetupChange): unknown {
  switch (c.entity) {
    case 'center':
      return setup.settings;
    case 'service':
      return setup.services.find((s) => s.id === c.id) ?? null;
    case 'counter':
      return setup.counters.find((x) => String(x.id) === c.id) ?? null;
    case 'user':
      return withoutSecrets(setup.accounts.find((a) => a.username === c.id));
    case 'device': {
      const d = setup.devices.find((x) => x.id === c.id);
      return d ? { id: d.id, kind: d.kind, counterId: d.counterId } : null;
    }
  }
}

/**
 * The setup the server starts with. On the first start (no setup in the database yet, including a database from the
 * release that kept it in the file) the config file is imported, keeping existing rows and their ids. Afterwards the
 * database wins: a file changed since is reported and ignored (import it from the admin page to apply it).
 */
export function importOnFirstStart(db: Db, file: CenterConfig, now: number, warn: (message: string) => void): CenterConfig {
  const q = setupQueries(db);
  const hash = createHash('sha256').update(JSON.stringify(file)).digest('hex');
  if (q.settings()) {
    if (q.sourceHash() !== hash) {
      warn(
        'Cấu hình trong cơ sở dữ liệu được dùng; các thay đổi lĩnh vực, quầy, tài khoản, thiết bị trong tệp cấu hình bị bỏ qua (nhập lại từ trang quản trị nếu cần). / ' +
          'The setup in the database is used; services, counters, accounts and devices changed in the config file are ignored (import the file from the admin page to apply them).',
      );
    }
    ledAddressQueries(db).seed(ledBoardsOfFile(file.hardware.ledBoards));
    return effectiveConfig(db, file);
  }
  db.transaction(() => {
    const changes = applyImport(db, file, { now, day: serviceDayOf(now, file.timezone), sourceHash: hash, checkInUse: false });
    const after = { services: file.services.length, counters: file.counters.length, accounts: file.accounts.length, devices: file.devices.length, changes: changes.length };
    ledAddressQueries(db).seed(ledBoardsOfFile(file.hardware.ledBoards));
    eventQueries(db).append({ type: 'setup.center.imported', ticketId: null, counterId: null, staffId: null, payload: { entity: 'center', id: 'center', before: null, after }, at: now });
  })();
  return effectiveConfig(db, file);
}
