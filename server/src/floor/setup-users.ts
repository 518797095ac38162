import { randomInt } from 'node:crypto';
import { priorityCategoryOf, type AdminUserDto, type CreateUserBody, type UpdateCenterBody, type UpdateUserBody } from '@qms/protocol';
import { hashPassword, verifyPassword } from '@qms/protocol/password';
import { QueueError } from '../queue';
import type { SetupAccount } from '../store/setup';
import type { FloorContext } from './context';
import { withoutSecrets } from './setup-import';
import { setupChange } from './setup-commands';

type StoredAccount = SetupAccount & { id: number };

/** Passwords anyone would try first, refused outside demo mode (compared in lower case). */
const commonPasswords = new Set(['admin', 'administrator', '123456', '1234567', '12345678', '123456789', '1234567890', 'password', 'matkhau', 'qwerty', '11111111', '00000000', 'abc12345', 'admin123', 'admin1234', 'password1', '12345678a']);

/** A password anyone would try first: a common one, the username in it, or the one it replaces. */
export function isWeakPassword(password: string, username: string, current?: string): boolean {
  return commonPasswords.has(password.trim().toLowerCase()) || password === current || password.toLowerCase().includes(username);
}

export function adminUserDto(a: StoredAccount): AdminUserDto {
  return {
    id: a.id,
    username: a.username,
    name: a.name,
    title: a.title,
    role: a.role,
    counterId: a.counterId,
    counterIds: a.counterIds ?? null,
    disabled: a.disabled === true,
    mustChangePassword: a.mustChangePassword === true,
  };
}

/** Ten characters a person can read out and type: no 0/O, 1/l/I. */
export function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

function account(ctx: FloorContext, id: number): StoredAccount {
  const a = ctx.q.setup.accounts().find((x) => x.id === id);
  if (!a) throw new QueueError('unknown_user', { id });
  return a;
}

function checkCounters(ctx: FloorContext, ids: (number | null | undefined)[], field: string) {
  const known = new Set(ctx.q.setup.counters().map((c) => c.id));
  const unknown = ids.find((id) => id !== null && id !== undefined && !known.has(id));
  if (unknown !== undefined && unknown !== null) throw new QueueError('unknown_counter', { field, counter: unknown });
}

export function createUser(ctx: FloorContext, actorId: number, body: CreateUserBody) {
  let id = 0;
  return setupChange(ctx, actorId, { entity: 'user', id: () => String(id) }, (_tx, log) => {
    if (ctx.q.setup.accounts().some((a) => a.username === body.username)) throw new QueueError('username_taken', { field: 'username', username: body.username });
    checkCounters(ctx, [body.counterId], 'counterId');
    checkCounters(ctx, body.counterIds ?? [], 'counterIds');
    const password = temporaryPassword();
    const a: SetupAccount = { ...body, mustChangePassword: true };
    id = ctx.q.setup.saveAccount({ ...a, passwordHash: hashPassword(password) });
    const user = adminUserDto({ ...a, id });
    log('user', 'created', String(id), null, user);
    return { user, temporaryPassword: password };
  });
}

export function updateUser(ctx: FloorContext, actorId: number, id: number, body: UpdateUserBody) {
  return setupChange(ctx, actorId, { entity: 'user', id: () => String(id) }, (tx, log) => {
    const old = account(ctx, id);
    const { disabled, ...fields } = body;
    const next: StoredAccount = { ...old, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) };
    if (disabled !== undefined) {
      if (disabled) next.disabled = true;
      else delete next.disabled;
    }
    checkCounters(ctx, [body.counterId], 'counterId');
    checkCounters(ctx, body.counterIds ?? [], 'counterIds');
    const stillAdmin = (a: StoredAccount) => a.role === 'admin' && !a.disabled;
    if (stillAdmin(old) && !stillAdmin(next) && !ctx.q.setup.accounts().some((a) => a.id !== id && stillAdmin(a))) {
      throw new QueueError('last_admin', { field: disabled ? 'disabled' : 'role' });
    }
    ctx.q.setup.saveAccount({ ...next, passwordHash: old.passwordHash ?? null });
    const ended = next.disabled === true && !old.disabled;
    // The sessions rows went in the same transaction (saveAccount); sockets are told through the bus.
    if (ended) tx.emit({ type: 'staff.sessions_ended', staffId: id });
    log('user', ended ? 'disabled' : 'updated', String(id), withoutSecrets(old), withoutSecrets(next));
    return adminUserDto(next);
  });
}

export function resetPassword(ctx: FloorContext, actorId: number, id: number) {
  return setupChange(ctx, actorId, { entity: 'user', id: () => String(id) }, (tx, log) => {
    account(ctx, id);
    const password = temporaryPassword();
    ctx.q.setup.setPassword(id, hashPassword(password), true);
    ctx.q.setup.endSessionsOf(id);
    tx.emit({ type: 'staff.sessions_ended', staffId: id });
    log('user', 'password_reset', String(id), null, null);
    return { temporaryPassword: password };
  });
}

/** A user changes their own password; the session they use stays, their other sessions end. */
export function changePassword(ctx: FloorContext, userId: number, body: { currentPassword: string; newPassword: string }, keepTokenHash: string) {
  const a = account(ctx, userId);
  if (!verifyPassword(body.currentPassword, a.passwordHash ?? null)) throw new QueueError('wrong_password', { field: 'currentPassword' });
  const weak = isWeakPassword(body.newPassword, a.username, body.currentPassword);
  if (weak && !ctx.config.demo) throw new QueueError('password_too_weak', { field: 'newPassword' });
  const hash = hashPassword(body.newPassword);
  return setupChange(ctx, userId, { entity: 'user', id: () => String(userId) }, (tx, log) => {
    ctx.q.setup.setPassword(userId, hash, false);
    ctx.q.setup.endOtherSessionsOf(userId, keepTokenHash);
    tx.emit({ type: 'staff.sessions_ended', staffId: userId, exceptTokenHash: keepTokenHash });
    log('user', 'password_changed', String(userId), null, null);
  });
}

export function centerDto(ctx: FloorContext) {
  const s = ctx.q.setup.settings();
  const c = s ?? ctx.config;
  return {
    name: c.center.name,
    nameEn: c.center.nameEn ?? null,
    hotline: c.center.hotline,
    timezone: c.timezone,
    priorityCategories: c.priorityCategories,
    ratingScale: c.rating.scale,
    ratingWindowMinutes: c.ratingWindowMinutes,
    reports: { targetWaitMinutes: c.reports.targetWaitMinutes, satisfactionTarget: c.reports.satisfactionTarget },
  };
}

export function updateCenter(ctx: FloorContext, actorId: number, body: UpdateCenterBody) {
  return setupChange(ctx, actorId, { entity: 'center', id: () => 'center' }, (tx, log) => {
    const old = ctx.q.setup.settings();
    if (!old) throw new QueueError('invalid_setup', { detail: 'no setup' });
    if (body.timezone !== undefined) {
      try {
        new Intl.DateTimeFormat('en', { timeZone: body.timezone });
      } catch {
        throw new QueueError('unknown_timezone', { field: 'timezone', timezone: body.timezone });
      }
    }
    const center = { ...old.center };
    if (body.name !== undefined) center.name = body.name;
    if (body.hotline !== undefined) center.hotline = body.hotline;
    if (body.nameEn !== undefined) {
      if (body.nameEn) center.nameEn = body.nameEn;
      else delete center.nameEn;
    }
    const priorityCategories = body.priorityCategories?.map(priorityCategoryOf);
    const codes = (priorityCategories ?? []).map((p) => p.code);
    const twice = codes.find((code, i) => codes.indexOf(code) !== i);
    if (twice) throw new QueueError('duplicate_priority', { field: 'priorityCategories', code: twice });
    const next = {
      ...old,
      center,
      ...(body.timezone ? { timezone: body.timezone } : {}),
      ...(priorityCategories ? { priorityCategories } : {}),
      // Ratings already stored keep their levels: a new scale applies to the next question asked.
      ...(body.ratingScale ? { rating: { ...old.rating, scale: body.ratingScale } } : {}),
      ...(body.ratingWindowMinutes ? { ratingWindowMinutes: body.ratingWindowMinutes } : {}),
      reports: { ...old.reports, ...Object.fromEntries(Object.entries(body.reports ?? {}).filter(([, v]) => v !== undefined)) },
    };
    ctx.q.setup.saveSettings(next, tx.now);
    const shown = (x: typeof old) => ({ center: x.center, timezone: x.timezone, priorityCategories: x.priorityCategories, ratingScale: x.rating.scale, ratingWindowMinutes: x.ratingWindowMinutes, reports: x.reports });
    log('center', 'updated', 'center', shown(old), shown(next));
    return centerDto(ctx);
  });
}
