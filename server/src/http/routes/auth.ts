import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { LoginBody, LoginReply, UserDto, routes, toLocalIso } from '@qms/protocol';
import { createLoginThrottle } from '../../auth/login-throttle';
import { checkCredentials } from '@qms/protocol/password';
import type { User } from '../../store/users';
import { allow, currentUser, hashToken, newToken, sessionCookie, tokenOf, type Authenticator } from '../auth';
import { ApiFailure } from '../errors';
import { errorResponses, validJson, type Router } from '../router';
import { serveRoute } from '../route-table';
import type { RouteDeps } from './deps';

export const userDto = (u: User) => ({
  id: u.id,
  username: u.username,
  name: u.name,
  role: u.role,
  counterId: u.counterId,
  ...(u.mustChangePassword ? { mustChangePassword: true } : {}),
});

export function authRoutes(r: Router, { floor, now, auth }: RouteDeps & { auth: Authenticator }) {
  const users = floor.queries.users;
  const sessionMs = floor.config.sessionHours * 3600_000;
  const throttle = createLoginThrottle();

  r.doc({
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign in; answers a bearer token and sets an HttpOnly session cookie for the browser apps',
    access: 'anyone',
    body: LoginBody,
    responses: { 200: { description: 'Signed in', schema: LoginReply }, ...errorResponses(400, 401, 429) },
  });
  r.app.post('/api/auth/login', validJson(LoginBody), async (c) => {
    const { username, password } = c.req.valid('json');
    const name = username.trim().toLowerCase();
    const address = clientAddress(c);
    const { waitMs, delayMs } = throttle.check(address, name, now());
    if (waitMs > 0) throw new ApiFailure('too_many_attempts', { minutes: Math.ceil(waitMs / 60_000) });
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const at = now();
    const user = users.byUsername(name);
    if (!checkCredentials(user, password) || !user) {
      throttle.failed(address, name, at);
      throw new ApiFailure('bad_credentials');
    }
    throttle.succeeded(address, name);
    const token = newToken();
    users.createSession(hashToken(token), user.id, at, at + sessionMs);
    setCookie(c, sessionCookie, token, { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: sessionMs / 1000 });
    return c.json({
      token,
      expiresAt: toLocalIso(at + sessionMs, floor.timeZone),
      user: userDto(user),
      ...(user.mustChangePassword ? { mustChangePassword: true } : {}),
    });
  });

  r.doc({
    method: 'post',
    path: '/api/auth/logout',
    summary: 'End the session',
    access: 'signed-in user',
    responses: { 204: { description: 'Signed out' }, ...errorResponses(401) },
  });
  r.app.post('/api/auth/logout', allow('staff', 'manager', 'admin'), (c) => {
    const token = tokenOf(c);
    // Through the authenticator: the sockets opened with this session are ended too.
    if (token) auth.endSession(token);
    deleteCookie(c, sessionCookie, { path: '/' });
    return c.body(null, 204);
  });

  r.doc({
    method: 'get',
    path: '/api/auth/me',
    summary: 'The signed-in user',
    access: 'signed-in user',
    responses: { 200: { description: 'The user', schema: UserDto }, ...errorResponses(401) },
  });
  r.app.get('/api/auth/me', allow('staff', 'manager', 'admin'), (c) => c.json(userDto(currentUser(c))));

  serveRoute(r, routes.changePassword, allow('staff', 'manager', 'admin'), (c, { body }) => {
    floor.setup.changePassword(currentUser(c).id, body, hashToken(tokenOf(c) ?? ''));
  });
}

function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process'; // app.request() in tests and benchmarks has no socket
  }
}
