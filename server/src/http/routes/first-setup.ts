import { networkInterfaces } from 'node:os';
import type { MiddlewareHandler } from 'hono';
import { setCookie } from 'hono/cookie';
import { routes } from '@qms/protocol';
import type { Floor } from '../../floor';
import { hashToken, newToken, sessionCookie } from '../auth';
import type { AppEnv } from '../env';
import { ApiFailure } from '../errors';
import { serveRoute } from '../route-table';
import type { Router } from '../router';
import type { RouteDeps } from './deps';

/** What answers before the center is set up: health, the setup itself, the API's description. */
const openBeforeSetup = new Set(['/api/health', '/api/setup', '/api/openapi.json']);

/** Until the first-run setup is done every other API route answers `setup_required` (there is nothing to work on). */
export function setupGate(floor: Floor): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!openBeforeSetup.has(c.req.path) && floor.setup.needed()) throw new ApiFailure('setup_required');
    await next();
  };
}

/** `http://<address>:<port>` of this machine on the LAN, for the screens' addresses on the wizard's last page. */
function lanAddresses(port: string): string[] {
  const ips = Object.values(networkInterfaces())
    .flat()
    .filter((i) => i && i.family === 'IPv4' && !i.internal)
    .map((i) => i!.address);
  return ips.map((ip) => `http://${ip}${port ? `:${port}` : ''}`);
}

export function firstSetupRoutes(r: Router, { floor }: RouteDeps) {
  const anyone: MiddlewareHandler<AppEnv> = (_c, next) => next();
  serveRoute(r, routes.setupStatus, anyone, () => ({ needed: floor.setup.needed() }));
  serveRoute(r, routes.setupRun, anyone, (c, { body }) => {
    const token = newToken();
    const hours = floor.config.sessionHours;
    const done = floor.setup.runFirstSetup({ body, session: { tokenHash: hashToken(token), hours } });
    setCookie(c, sessionCookie, token, { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: hours * 3600 });
    return { token, ...done, addresses: lanAddresses(new URL(c.req.url).port) };
  });
}
