import { randomBytes } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { AppointmentCode, AppointmentKeyQuery, routes } from '@qms/protocol';
import { serviceDayOf } from '../../queue';
import { allow } from '../auth';
import type { AppEnv } from '../env';
import { ApiFailure } from '../errors';
import { idempotent } from '../idempotency';
import { serveRoute } from '../route-table';
import { errorResponses, validQuery, type Router } from '../router';
import { appointmentIcs } from '../appointment-ics';
import { createRateLimit } from '../rate-limit';
import type { RouteDeps } from './deps';

/** The phone page's device id, for the per-device daily limit; not tied to any person, erased with the booking's phone. */
const deviceCookie = 'qms_device';

/** Bookings: public slots and booking (rate-limited per address), the booking's link, the kiosk's check-in, the staff lists. */
export function appointmentRoutes(r: Router, { floor, db, now, printing }: RouteDeps) {
  const appointments = floor.appointments;
  const anyone = async (_c: Context<AppEnv>, next: () => Promise<void>) => next();
  // A retry with the same Idempotency-Key (a phone on weak Wi-Fi, a double tap) gets the first answer, not a second booking.
  const once = idempotent(db, now);
  const checkInBy = allow('kiosk', 'staff', 'manager', 'admin');
  // Per address: a few bookings per 10 minutes; lookups (the code is short) per minute, against guessing.
  const bookingLimit = createRateLimit({ max: 10, windowMs: 10 * 60_000, now });
  const lookupLimit = createRateLimit({ max: 30, windowMs: 60_000, now });

  const staffId = (c: Context<AppEnv>) => {
    const p = c.get('principal');
    return p?.kind === 'user' ? p.user.id : null;
  };
  const limited = (c: Context<AppEnv>, limit: ReturnType<typeof createRateLimit>) => {
    // Signed-in staff and paired devices (a busy kiosk) are not limited; anonymous callers are, per address.
    if (c.get('principal')) return;
    const waitMs = limit.hit(clientAddress(c));
    if (waitMs > 0) throw new ApiFailure('rate_limited', { seconds: Math.ceil(waitMs / 1000) });
  };
  const codeOf = (c: Context<AppEnv>) => {
    const raw = c.req.param('code') ?? '';
    const parsed = AppointmentCode.safeParse(raw);
    if (!parsed.success) throw new ApiFailure('appointment_not_found', { code: raw.slice(0, 12) });
    return parsed.data;
  };
  const instant = (iso: string, field: string) => {
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) throw new ApiFailure('invalid_input', { detail: `${field} is not a time`, detailVi: `${field} không phải là thời điểm hợp lệ`, field }, { vi: { [field]: 'không phải là thời điểm hợp lệ' }, en: { [field]: 'not a time' } });
    return ms;
  };

  serveRoute(r, routes.appointmentSlots, anyone, (_c, { query }) => appointments.slots(query.serviceId, query.date, now()));

  serveRoute(r, routes.appointmentBook, once, (c, { body }) => {
    limited(c, bookingLimit);
    const staff = staffId(c);
    let deviceId = body.deviceId ?? getCookie(c, deviceCookie) ?? null;
    if (staff === null && !deviceId) {
      deviceId = randomBytes(12).toString('base64url');
      setCookie(c, deviceCookie, deviceId, { httpOnly: true, sameSite: 'Lax', path: '/api/appointments', maxAge: 365 * 86_400 });
    }
    const { appointment, key } = appointments.book({
      serviceId: body.serviceId,
      slotStart: instant(body.slotStart, 'slotStart'),
      origin: staff === null ? 'phone' : 'desk',
      phone: body.phone ?? null,
      deviceId: staff === null ? deviceId : null,
      staffId: staff,
    });
    const k = encodeURIComponent(key);
    return { ...appointment, key, manageUrl: `/book/?code=${appointment.code}&k=${k}`, icsUrl: `/api/appointments/${appointment.code}/calendar.ics?k=${k}` };
  });

  serveRoute(r, routes.appointmentList, allow('staff', 'manager', 'admin'), (_c, { query }) => {
    const date = query.date ?? serviceDayOf(now(), floor.timeZone);
    const ids = query.serviceIds ? query.serviceIds.split(',').map((s) => s.trim()).filter(Boolean) : null;
    return { date, appointments: appointments.list(date, ids) };
  });

  serveRoute(r, routes.appointmentRules, allow('admin', 'manager'), () => appointments.rulesView());
  serveRoute(r, routes.appointmentRulesUpdate, allow('admin'), (c, { body }) => appointments.updateRules(body, staffId(c)!));

  serveRoute(r, routes.appointmentGet, anyone, (c) => {
    limited(c, lookupLimit);
    return appointments.get(codeOf(c), staffId(c) !== null);
  });

  const ics = routes.appointmentCalendar;
  r.doc({
    method: ics.method,
    path: ics.path,
    summary: ics.summary,
    access: ics.access,
    query: AppointmentKeyQuery,
    responses: { 200: { description: 'The booking as an iCalendar event', contentType: 'text/calendar' }, ...errorResponses(403, 404, 429) },
  });
  r.app.get(ics.path, validQuery(AppointmentKeyQuery), (c) => {
    limited(c, lookupLimit);
    const { appointment, slotStart, slotEnd } = appointments.forCalendar(codeOf(c), c.req.valid('query').k ?? null, staffId(c) !== null);
    const body = appointmentIcs({ appointment, slotStart, slotEnd, centerName: floor.config.center.name, now: now() });
    return c.body(body, 200, { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="lich-hen-${appointment.code}.ics"` });
  });

  serveRoute(r, routes.appointmentCancel, anyone, (c, { body }) => {
    limited(c, lookupLimit);
    return appointments.cancel(codeOf(c), body.key ?? null, staffId(c));
  });

  serveRoute(r, routes.appointmentMove, anyone, (c, { body }) => {
    limited(c, lookupLimit);
    return appointments.move(codeOf(c), instant(body.slotStart, 'slotStart'), body.key ?? null, staffId(c));
  });

  serveRoute(r, routes.appointmentCheckIn, (c, next) =>
    checkInBy(c, async () => {
      const replay = await once(c, next);
      if (replay instanceof Response) c.res = replay;
    }), (c) => {
    const p = c.get('principal')!;
    // A kiosk prints the ticket as it prints its own; an officer checking a citizen in hands over the number.
    const kioskId = p.kind === 'device' ? p.device.id : null;
    const printerId = printing && kioskId !== null ? printing.printerFor({ kioskId }) : null;
    return appointments.checkIn(codeOf(c), { staffId: staffId(c), print: printerId ? { printerId, kioskId, counterId: null } : null });
  });
}

function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process'; // app.request() in tests has no socket
  }
}
