import { createHash, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { DeviceKind, Role } from '@qms/protocol';
import type { CenterConfig } from '../config/schema';
import type { userQueries } from '../store/users';
import { ApiFailure } from './errors';
import type { AppEnv, Principal } from './env';

export const sessionCookie = 'qms_session';
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');
/** A paired device's stored token: only its hash is kept (`sha256:<hex>`); config files may hold tokens in clear. */
export const hashedTokenPrefix = 'sha256:';
const storedTokenHash = (stored: string) => (stored.startsWith(hashedTokenPrefix) ? stored.slice(hashedTokenPrefix.length) : hashToken(stored));

/** A session that ended: one token (sign-out) or every session of an account (disabled). */
export type EndedSession = { tokenHash: string } | { userId: number; exceptTokenHash?: string };

export interface Authenticator {
  resolve: (token: unknown) => Principal | null;
  middleware: MiddlewareHandler<AppEnv>;
  /** Signs one session out (its token stops working) and ends the sockets opened with it. */
  endSession: (token: string) => void;
  /** Ends every session of an account, and its sockets (sign-out everywhere, an account disabled). */
  endSessionsOf: (userId: number) => void;
  /** Called for every ended session; the realtime layer disconnects the sockets that belong to it. */
  onSessionEnded: (listener: (ended: EndedSession) => void) => () => void;
}

/** Finds who is calling from the bearer token or the session cookie: a user session or a configured device. */
export function createAuthenticator(opts: { users: ReturnType<typeof userQueries>; config: CenterConfig; now: () => number }): Authenticator {
  // The devices live in the database and an admin import may change them: the map follows `config.devices`.
  let devicesOf: CenterConfig['devices'] | null = null;
  let devices = new Map<string, { id: string; kind: DeviceKind; counterId: number | null }>();
  const deviceByHash = (hash: string) => {
    if (devicesOf !== opts.config.devices) {
      devicesOf = opts.config.devices;
      devices = new Map(devicesOf.map((d) => [storedTokenHash(d.token), { id: d.id, kind: d.kind, counterId: d.counterId }]));
    }
    return devices.get(hash);
  };
  // `unknown`: a socket.io handshake can carry any JSON as its token.
  const resolve = (token: unknown): Principal | null => {
    if (typeof token !== 'string' || !token) return null;
    const hash = hashToken(token);
    const device = deviceByHash(hash);
    if (device) return { kind: 'device', device };
    const user = opts.users.sessionUser(hash, opts.now());
    return user ? { kind: 'user', user } : null;
  };
  const ended = new EventEmitter<{ ended: [EndedSession] }>();
  return {
    resolve,
    endSession(token) {
      const tokenHash = hashToken(token);
      opts.users.endSession(tokenHash);
      ended.emit('ended', { tokenHash });
    },
    endSessionsOf(userId) {
      opts.users.endSessionsOf(userId);
      ended.emit('ended', { userId });
    },
    onSessionEnded(listener) {
      ended.on('ended', listener);
      return () => void ended.off('ended', listener);
    },
    middleware: async (c, next) => {
      c.set('principal', resolve(tokenOf(c)));
      await next();
    },
  };
}

export function tokenOf(c: Context): string | null {
  const header = c.req.header('authorization');
  const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return bearer ?? getCookie(c, sessionCookie) ?? null;
}

/** What an account with a temporary password may still do: change it, see who it is, sign out. */
const passwordChangePaths = new Set(['/api/auth/password', '/api/auth/me', '/api/auth/logout']);

/** Lets the request through only for the listed user roles and device kinds. */
export function allow(...who: (Role | DeviceKind)[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const p = c.get('principal');
    if (!p) throw new ApiFailure(tokenOf(c) ? 'session_expired' : 'unauthorized');
    const role = p.kind === 'user' ? p.user.role : p.device.kind;
    if (!who.includes(role)) throw new ApiFailure('forbidden', { allowed: who.join(', ') });
    if (p.kind === 'user' && p.user.mustChangePassword && !passwordChangePaths.has(c.req.path)) throw new ApiFailure('password_change_required');
    await next();
  };
}

export function currentUser(c: Context<AppEnv>) {
  const p = c.get('principal');
  if (p?.kind !== 'user') throw new ApiFailure('unauthorized');
  return p.user;
}
