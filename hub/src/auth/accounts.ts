import { createHash, randomBytes } from 'node:crypto';
import { inTransaction, type Pool } from '../db/pool';
import { HubError } from '../http/errors';
import { checkCredentials, hashPassword } from '@qms/protocol/password';
import type { HubAccount, HubAccountBody, HubAccountPatch } from '@qms/protocol/hub';

export type HubRole = 'city_admin' | 'city_viewer';
export interface HubUser {
  id: number;
  name: string;
  role: HubRole;
}

const sessionMs = 12 * 3600_000;
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** On an empty database, creates the city admin `admin` with `password` (HUB_ADMIN_PASSWORD); otherwise does nothing. */
export async function seedAdmin(pool: Pool, password: string | undefined): Promise<boolean> {
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM accounts');
  if (rows[0]!.n > 0 || !password) return false;
  await pool.query(`INSERT INTO accounts (username, name, role, password_hash) VALUES ('admin', 'Quản trị thành phố', 'city_admin', $1) ON CONFLICT DO NOTHING`, [hashPassword(password)]);
  return true;
}

export function accounts(pool: Pool, now: () => number) {
  return {
    async login(username: string, password: string) {
      const { rows } = await pool.query<{ id: number; name: string; role: HubRole; password_hash: string | null }>(
        'SELECT id, name, role, password_hash FROM accounts WHERE lower(username) = lower($1) AND active',
        [username],
      );
      const a = rows[0] ?? null;
      if (!checkCredentials(a ? { passwordHash: a.password_hash } : null, password) || !a) throw new HubError('bad_credentials');
      const token = randomBytes(32).toString('base64url');
      await pool.query('INSERT INTO sessions (token_hash, account_id, expires_at) VALUES ($1, $2, $3)', [sha256(token), a.id, new Date(now() + sessionMs)]);
      return { token, user: { id: a.id, name: a.name, role: a.role } };
    },
    /** Ends the session of `token` (signing out); an unknown token is already signed out. */
    async logout(token: string) {
      await pool.query('DELETE FROM sessions WHERE token_hash = $1', [sha256(token)]);
    },
    async list(): Promise<HubAccount[]> {
      const { rows } = await pool.query<{ id: number; username: string; name: string; role: HubRole; active: boolean; created_at: Date | null }>(
        'SELECT id, username, name, role, active, created_at FROM accounts ORDER BY role, username',
      );
      return rows.map((r) => ({ id: r.id, username: r.username, name: r.name, role: r.role, active: r.active, createdAt: r.created_at?.toISOString() ?? null }));
    },
    /** A viewer account (city_viewer): sees the live view and the reports, changes nothing. */
    async createViewer(body: HubAccountBody): Promise<HubAccount> {
      const { rows } = await pool.query<{ id: number }>(
        `INSERT INTO accounts (username, name, role, password_hash, created_at) VALUES ($1, $2, 'city_viewer', $3, $4) ON CONFLICT (username) DO NOTHING RETURNING id`,
        [body.username, body.name, hashPassword(body.password), new Date(now())],
      );
      if (!rows[0]) throw new HubError('username_taken', { username: body.username });
      return (await this.list()).find((a) => a.id === rows[0]!.id)!;
    },
    /** A viewer account's new name, or turned off (its sessions end) or on again. Null: no such viewer. */
    async updateViewer(id: number, patch: HubAccountPatch): Promise<HubAccount | null> {
      const changed = await inTransaction(pool, async (c) => {
        const { rowCount } = await c.query(
          `UPDATE accounts SET name = COALESCE($2, name), active = COALESCE($3, active) WHERE id = $1 AND role = 'city_viewer'`,
          [id, patch.name ?? null, patch.active ?? null],
        );
        if (rowCount === 1 && patch.active === false) await c.query('DELETE FROM sessions WHERE account_id = $1', [id]);
        return rowCount === 1;
      });
      return changed ? ((await this.list()).find((a) => a.id === id) ?? null) : null;
    },
    /** A new password for a viewer account; its sessions end (whoever knew the old one is signed out). False: no such viewer. */
    async resetPassword(id: number, password: string): Promise<boolean> {
      const hash = hashPassword(password);
      return inTransaction(pool, async (c) => {
        const { rowCount } = await c.query(`UPDATE accounts SET password_hash = $2 WHERE id = $1 AND role = 'city_viewer'`, [id, hash]);
        if (rowCount === 1) await c.query('DELETE FROM sessions WHERE account_id = $1', [id]);
        return rowCount === 1;
      });
    },
    async byToken(token: string): Promise<HubUser | null> {
      const { rows } = await pool.query<HubUser>(
        'SELECT a.id, a.name, a.role FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = $1 AND s.expires_at > $2 AND a.active',
        [sha256(token), new Date(now())],
      );
      return rows[0] ?? null;
    },
  };
}
export type Accounts = ReturnType<typeof accounts>;
