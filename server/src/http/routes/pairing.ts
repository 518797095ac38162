import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { routes, toLocalIso, type AdminDeviceDto } from '@qms/protocol';
import { createLoginThrottle } from '../../auth/login-throttle';
import { createPairings } from '../../devices/pairing';
import { pairedDeviceQueries } from '../../store/paired-devices';
import { allow, currentUser, hashedTokenPrefix, hashToken, newToken } from '../auth';
import type { AppEnv } from '../env';
import { ApiFailure } from '../errors';
import { serveRoute } from '../route-table';
import type { Router } from '../router';
import type { RouteDeps } from './deps';

/**
 * Pairing a kiosk, hall display or rating tablet: the screen shows a code (`POST /api/pairing`, then it waits with
 * `POST /api/pairing/wait`), an admin enters it under Thiết bị, the screen gets a fresh token. Only the token's hash is
 * stored. The admin's devices list and revoking a device are here too.
 */
export function pairingRoutes(r: Router, { floor, db, now, devices: health }: RouteDeps) {
  const pairings = createPairings({ now });
  // Wrong codes are counted per admin and address, as wrong passwords are: 5 in 10 minutes lock it for 5 minutes.
  const guesses = createLoginThrottle({ maxFailures: 5, maxAddressFailures: 20, slowMs: 0 });
  const lastSeen = new Map<string, number>();
  floor.bus.on('event', (e) => {
    if (e.type === 'device.status' && ['kiosk', 'display', 'rating'].includes(e.kind)) lastSeen.set(e.deviceId, now());
  });
  const announceWaiting = () => floor.publish([{ type: 'device.pairing', waiting: pairings.waiting().length }]);
  const iso = (ms: number) => toLocalIso(ms, floor.timeZone);

  const anyone: MiddlewareHandler<AppEnv> = async (_c, next) => next();
  serveRoute(r, routes.pairingStart, anyone, (c, { body }) => {
    const started = pairings.start({ kind: body.kind, counterId: body.counterId ?? null, address: clientAddress(c), userAgent: (c.req.header('user-agent') ?? '').slice(0, 200) });
    if (!started) throw new ApiFailure('pairing_busy');
    announceWaiting();
    const { center } = floor.config;
    return { id: started.request.id, code: started.request.code, secret: started.secret, expiresAt: started.request.expiresAt, center: { name: center.name, nameEn: center.nameEn ?? null } };
  });
  serveRoute(r, routes.pairingWait, anyone, (_c, { body }) => {
    const result = pairings.wait(body.id, body.secret);
    if (!result) throw new ApiFailure('pairing_expired');
    return result;
  });

  const admin = allow('admin');
  const read = allow('admin', 'manager');

  serveRoute(r, routes.adminDevices, read, () => {
    const connected = new Set(health().filter((d) => d.ok).map((d) => d.id));
    const stored = pairedDeviceQueries(db);
    const pairedAt = stored.pairedAt();
    const displayCounters = stored.counterIds();
    const list: AdminDeviceDto[] = floor.config.devices.map((d) => {
      const isOn = connected.has(d.id);
      const seen = isOn ? now() : lastSeen.get(d.id);
      const at = pairedAt.get(d.id);
      return {
        id: d.id,
        kind: d.kind,
        counterId: d.counterId,
        counterIds: displayCounters.get(d.id) ?? null,
        source: d.token.startsWith(hashedTokenPrefix) ? 'paired' : 'config',
        connected: isOn,
        pairedAt: at !== undefined ? iso(at) : null,
        lastSeen: seen !== undefined ? iso(seen) : null,
      };
    });
    const waiting = pairings.waiting().map((w) => ({ ...w, since: iso(w.since), expiresAt: iso(w.expiresAt) }));
    return { devices: list, waiting };
  });

  serveRoute(r, routes.adminDevicePair, admin, (c, { body }) => {
    const user = currentUser(c);
    const address = clientAddress(c);
    const who = `pairing ${user.id}`;
    const { waitMs } = guesses.check(address, who, now());
    if (waitMs > 0) throw new ApiFailure('pairing_too_many_codes', { minutes: Math.ceil(waitMs / 60_000) });
    const request = pairings.byCode(body.code);
    if (!request) {
      guesses.failed(address, who, now());
      throw new ApiFailure('pairing_code_wrong', { code: body.code });
    }
    guesses.succeeded(address, who);
    const counterId = body.counterId ?? (request.kind === 'rating' ? request.counterId : null);
    if (request.kind === 'rating' && counterId === null) throw new ApiFailure('pairing_counter_required');
    const token = newToken();
    const counterIds = request.kind === 'display' ? (body.counterIds ?? null) : null;
    const device = floor.setup.addDevice(user.id, { kind: request.kind, counterId, counterIds, storedToken: hashedTokenPrefix + hashToken(token) });
    pairings.paired(request.id, token, device);
    announceWaiting();
    return { ...device, source: 'paired' as const, connected: false, pairedAt: iso(now()), lastSeen: null };
  });

  serveRoute(r, routes.adminDeviceRevoke, admin, (c) => {
    floor.setup.revokeDevice(currentUser(c).id, c.req.param('id') ?? '');
  });

}

function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process'; // app.request() in tests has no socket
  }
}
