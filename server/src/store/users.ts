import type { Role } from '@qms/protocol';
import type { Db } from './open';

export interface User {
  id: number;
  username: string;
  name: string;
  title: string;
  role: Role;
  passwordHash: string | null;
  counterId: number | null;
  /** See `PhotoVersion` in protocol. */
  photoVersion: number | null;
  /** A temporary password was given; see `password_change_required`. */
  mustChangePassword: boolean;
  /** The counters the account may sign in at; null: any. */
  counterIds: number[] | null;
}

interface UserRow {
  id: number;
  username: string;
  name: string;
  title: string;
  role: string;
  password_hash: string | null;
  counter_id: number | null;
  photo_version: number | null;
  must_change_password: number;
  counter_ids: string | null;
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  username: r.username,
  name: r.name,
  title: r.title,
  role: r.role as Role,
  passwordHash: r.password_hash,
  counterId: r.counter_id,
  photoVersion: r.photo_version,
  mustChangePassword: r.must_change_password === 1,
  counterIds: r.counter_ids ? (JSON.parse(r.counter_ids) as number[]) : null,
});

export function userQueries(db: Db) {
  const byUsername = db.prepare<[string], UserRow>(`SELECT * FROM users WHERE username = ? AND active = 1`);
  const byId = db.prepare<[number], UserRow>(`SELECT * FROM users WHERE id = ? AND active = 1`);
  const all = db.prepare<[], UserRow>(`SELECT * FROM users WHERE active = 1 ORDER BY id`);
  const setPhotoVersion = db.prepare(`UPDATE users SET photo_version = ? WHERE id = ?`);
  const createSession = db.prepare(`INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)`);
  const sessionUser = db.prepare<[string, number], UserRow>(
    `SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ? AND u.active = 1`,
  );
  const endSession = db.prepare(`DELETE FROM sessions WHERE token_hash = ?`);
  const endSessionsOf = db.prepare(`DELETE FROM sessions WHERE user_id = ?`);
  const purge = db.prepare(`DELETE FROM sessions WHERE expires_at <= ?`);
  return {
    byUsername: (username: string) => {
      const r = byUsername.get(username);
      return r ? toUser(r) : null;
    },
    byId: (id: number) => {
      const r = byId.get(id);
      return r ? toUser(r) : null;
    },
    all: () => all.all().map(toUser),
    setPhotoVersion: (id: number, version: number | null) => void setPhotoVersion.run(version, id),
    createSession: (tokenHash: string, userId: number, now: number, expiresAt: number) => {
      purge.run(now);
      createSession.run(tokenHash, userId, now, expiresAt);
    },
    sessionUser: (tokenHash: string, now: number) => {
      const r = sessionUser.get(tokenHash, now);
      return r ? toUser(r) : null;
    },
    endSession: (tokenHash: string) => void endSession.run(tokenHash),
    endSessionsOf: (userId: number) => void endSessionsOf.run(userId),
  };
}
