import { afterEach, describe, expect, it } from 'vitest';
import { appointmentCodeAlphabet } from '@qms/protocol';
import { hashPassword } from '@qms/server';
import { assertContract } from './support/contract';
import { client, demoConfig, kioskToken, login, startTestServer, testClock, type TestServer } from './support/server';

const hanoi = (local: string) => Date.parse(`${local}+07:00`);
const MIN = 60_000;
const codeShape = new RegExp(`^[${appointmentCodeAlphabet}]{6}$`);

/** The demo center outside demo mode (Mon–Fri 07:30–11:30, 13:30–17:00), with accounts able to sign in. */
function realCenter() {
  const accounts = demoConfig()
    .accounts.filter((a) => ['admin', 'quanly', 'canbo4'].includes(a.username))
    .map((a) => ({ ...a, password: undefined, passwordHash: hashPassword(a.password ?? '') }));
  return demoConfig({ demo: false, accounts });
}

const land = { enabled: true, slotMinutes: 30, perSlot: 2, maxSharePercent: 30 };

describe('appointments through the API', () => {
  const servers: TestServer[] = [];
  afterEach(async () => Promise.all(servers.splice(0).map((s) => s.stop())));

  /** A real center at `at` (local time, Monday 2026-03-16 by default) with bookings on for the land field. */
  async function start(at = '2026-03-16T08:00:00', rules = land) {
    const clock = testClock(hanoi(at));
    const server = await startTestServer({ config: realCenter(), now: clock.now });
    servers.push(server);
    const admin = rest(server.url, await login(server.url, 'admin', 'admin'));
    const set = await put(admin, { services: [{ serviceId: 'dat-dai', rules }] });
    expect(set.status).toBe(200);
    const citizen = client(server.url);
    const book = (slot: string, extra: Record<string, unknown> = {}) => citizen.post('/api/appointments', { serviceId: 'dat-dai', slotStart: `${slot}+07:00`, ...extra });
    return { server, clock, admin, citizen, book };
  }

  it('slots: inside the field’s hours on working days, none on Sunday, none for a field without bookings; bad queries are 4xx', async () => {
    const { citizen, server } = await start();
    const monday = await citizen.get('/api/appointments/slots?serviceId=dat-dai&date=2026-03-16');
    assertContract(server, 'get', '/api/appointments/slots', monday);
    expect(monday.status).toBe(200);
    expect(monday.body).toMatchObject({ serviceId: 'dat-dai', date: '2026-03-16', slotMinutes: 30, closedReason: null });
    const starts = (monday.body.slots as { start: string }[]).map((s) => s.start.slice(11, 16));
    expect(starts[0]).toBe('07:30');
    expect(starts).not.toContain('12:00');
    expect(starts.at(-1)).toBe('16:30');
    // Past slots (before 08:00 now) are shown but not bookable.
    expect(monday.body.slots[0]).toMatchObject({ capacity: 2, booked: 0, available: false });
    expect(monday.body.slots[2]).toMatchObject({ start: '2026-03-16T08:30:00.000+07:00', available: true });
    expect((await citizen.get('/api/appointments/slots?serviceId=dat-dai&date=2026-03-15')).body).toMatchObject({ closedReason: 'not_working_day', slots: [] });
    expect((await citizen.get('/api/appointments/slots?serviceId=ho-tich&date=2026-03-16')).body).toMatchObject({ closedReason: 'bookings_off', slots: [] });
    expect((await citizen.get('/api/appointments/slots?serviceId=dat-dai&date=2026-13-01')).status).toBe(400);
    expect((await citizen.get('/api/appointments/slots?serviceId=dat-dai')).status).toBe(400);
    const unknown = await citizen.get('/api/appointments/slots?serviceId=nope&date=2026-03-16');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('unknown_service');
  });

  it('books without any personal data: a 6-character code, a key for its link, an .ics file; the public view never shows a phone', async () => {
    const { server, citizen, admin, book } = await start();
    const res = await book('2026-03-16T09:00:00');
    assertContract(server, 'post', '/api/appointments', res);
    expect(res.status).toBe(201);
    expect(res.body.code).toMatch(codeShape);
    expect(res.body).toMatchObject({ serviceId: 'dat-dai', slotStart: '2026-03-16T09:00:00.000+07:00', status: 'booked', origin: 'phone', hasPhone: false, checkInFrom: '2026-03-16T08:45:00.000+07:00', checkInUntil: '2026-03-16T09:10:00.000+07:00' });
    expect(res.body.manageUrl).toBe(`/book/?code=${res.body.code}&k=${encodeURIComponent(res.body.key)}`);
    expect(res.headers.get('set-cookie')).toMatch(/qms_device=/);

    const got = await citizen.get(`/api/appointments/${res.body.code.toLowerCase()}`);
    assertContract(server, 'get', '/api/appointments/:code', got);
    expect(got.status).toBe(200);
    expect(got.body).not.toHaveProperty('key');
    expect(got.body).not.toHaveProperty('phone');

    const ics = await fetch(server.url + res.body.icsUrl);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await ics.text();
    expect(text).toContain('DTSTART:20260316T020000Z');
    expect(text).toContain(res.body.code);
    expect((await fetch(`${server.url}/api/appointments/${res.body.code}/calendar.ics?k=wrong`)).status).toBe(403);

    const withPhone = await book('2026-03-16T09:00:00', { phone: '0912 345 678', phoneConsent: true });
    expect(withPhone.body.hasPhone).toBe(true);
    expect(withPhone.body).not.toHaveProperty('phone');
    const list = await admin.get('/api/appointments?date=2026-03-16&serviceIds=dat-dai');
    assertContract(server, 'get', '/api/appointments', list);
    expect(list.status).toBe(200);
    expect(list.body.appointments.map((a: { phone: string | null }) => a.phone)).toEqual([null, '0912345678']);
    expect((await citizen.get('/api/appointments?date=2026-03-16')).status).toBe(401);
  });

  it('refuses bad input with a clear 4xx: no consent for a phone, a time that is not a slot, unknown fields, a malformed code', async () => {
    const { citizen, book } = await start();
    const noConsent = await book('2026-03-16T09:00:00', { phone: '0912345678' });
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.error.fields).toHaveProperty('phoneConsent');
    expect((await book('2026-03-16T09:00:00', { phone: 'call me', phoneConsent: true })).status).toBe(400);
    expect((await book('2026-03-16T09:00:00', { name: 'Nguyễn Văn A' })).status).toBe(400);
    expect((await citizen.post('/api/appointments', { serviceId: 'dat-dai', slotStart: 'tomorrow' })).status).toBe(400);
    expect((await citizen.post('/api/appointments', 'not json')).status).toBe(400);
    const offGrid = await book('2026-03-16T09:10:00');
    expect(offGrid.status).toBe(409);
    expect(offGrid.body.error.code).toBe('slot_unavailable');
    expect((await book('2026-03-16T07:30:00')).body.error.code).toBe('slot_unavailable'); // past
    expect((await book('2026-03-16T12:00:00')).body.error.code).toBe('slot_unavailable'); // lunch
    expect((await citizen.post('/api/appointments', { serviceId: 'ho-tich', slotStart: '2026-03-16T09:00:00+07:00' })).body.error.code).toBe('bookings_off');
    const bad = await citizen.get('/api/appointments/0OIL1!');
    expect(bad.status).toBe(404);
    expect(bad.body.error.code).toBe('appointment_not_found');
    expect(bad.body.error.message).toMatch(/Không tìm thấy lịch hẹn/);
    expect((await citizen.post('/api/appointments/ACDEFG/check-in')).status).toBe(401);
  });

  it('limits: bookings per slot, the field’s day share, per phone number, per device, and per address', async () => {
    const { book, admin, server, clock } = await start('2026-03-16T08:00:00', { ...land, perSlot: 2 });
    expect((await book('2026-03-16T09:00:00')).status).toBe(201);
    expect((await book('2026-03-16T09:00:00')).status).toBe(201);
    const full = await book('2026-03-16T09:00:00');
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe('slot_full');

    const phone = { phone: '0987654321', phoneConsent: true };
    expect((await book('2026-03-16T10:00:00', phone)).status).toBe(201);
    expect((await book('2026-03-16T10:30:00', phone)).status).toBe(201);
    const phoneLimit = await book('2026-03-16T14:00:00', phone);
    expect(phoneLimit.status).toBe(429);
    expect(phoneLimit.body.error.code).toBe('booking_limit_phone');

    const device = { deviceId: 'phone-device-0001' };
    for (const slot of ['14:00', '14:30', '15:00']) expect((await book(`2026-03-16T${slot}:00`, device)).status).toBe(201);
    const deviceLimit = await book('2026-03-16T15:30:00', device);
    expect(deviceLimit.status).toBe(429);
    expect(deviceLimit.body.error.code).toBe('booking_limit_device');

    // 10 booking requests from this address so far (refused ones count too): the 11th waits for the window to pass.
    const limited = await book('2026-03-17T08:30:00');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(limited.body.error.message).toMatch(/thử lại sau \d+ giây/);
    clock.advance(10 * MIN);
    expect((await book('2026-03-17T08:30:00')).status).toBe(201);
    // An officer booking for a citizen at the desk is not limited by address.
    expect((await admin.post('/api/appointments', { serviceId: 'dat-dai', slotStart: '2026-03-17T08:30:00+07:00' })).body.origin).toBe('desk');

    // Day share: the land field (900 s, one counter) serves 30 tickets in 450 min; 30 % is 9 bookings a day.
    const day = await client(server.url).get('/api/appointments/slots?serviceId=dat-dai&date=2026-03-18');
    expect(day.body.dayLimit).toBe(9);
  });

  it('the day share is enforced: once the field’s bookings reach it, no slot of that day is bookable', async () => {
    const { admin, citizen } = await start('2026-03-16T08:00:00', { ...land, perSlot: 5, maxSharePercent: 10 });
    // 10 % of 30 = 3.
    for (const slot of ['09:00', '09:00', '09:30']) expect((await admin.post('/api/appointments', { serviceId: 'dat-dai', slotStart: `2026-03-16T${slot}:00+07:00` })).status).toBe(201);
    const over = await admin.post('/api/appointments', { serviceId: 'dat-dai', slotStart: '2026-03-16T10:00:00+07:00' });
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('booking_day_full');
    const slots = await citizen.get('/api/appointments/slots?serviceId=dat-dai&date=2026-03-16');
    expect(slots.body).toMatchObject({ dayLimit: 3, dayBooked: 3 });
    expect(slots.body.slots.some((s: { available: boolean }) => s.available)).toBe(false);
  });

  it('cancel and move from the booking’s link; the wrong key is refused; a cancelled booking cannot change again', async () => {
    const { citizen, book, server } = await start();
    const b = (await book('2026-03-16T09:00:00', { phone: '0912345678', phoneConsent: true })).body;
    expect((await citizen.post(`/api/appointments/${b.code}/move`, { key: 'nope', slotStart: '2026-03-16T10:00:00+07:00' })).status).toBe(403);
    const moved = await citizen.post(`/api/appointments/${b.code}/move`, { key: b.key, slotStart: '2026-03-16T10:00:00+07:00' });
    assertContract(server, 'post', '/api/appointments/:code/move', moved);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ code: b.code, slotStart: '2026-03-16T10:00:00.000+07:00', status: 'booked' });
    expect((await citizen.post(`/api/appointments/${b.code}/cancel`, {})).status).toBe(403);
    const cancelled = await citizen.post(`/api/appointments/${b.code}/cancel`, { key: b.key });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', hasPhone: false });
    const again = await citizen.post(`/api/appointments/${b.code}/cancel`, { key: b.key });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('appointment_closed');
    // Its slot is free again.
    const slots = await citizen.get('/api/appointments/slots?serviceId=dat-dai&date=2026-03-16');
    expect(slots.body.slots.find((s: { start: string }) => s.start.startsWith('2026-03-16T10:00')).booked).toBe(0);
  });

  it('check-in: too early is told when to come back; on time is a booked ticket called at its slot ahead of an earlier walk-in; late is a normal ticket', async () => {
    const { server, clock, book } = await start();
    const kiosk = client(server.url, kioskToken);
    const nine = (await book('2026-03-16T09:00:00')).body;
    const nineThirty = (await book('2026-03-16T09:30:00')).body;

    clock.set(hanoi('2026-03-16T08:30:00'));
    const early = await kiosk.post(`/api/appointments/${nine.code}/check-in`);
    assertContract(server, 'post', '/api/appointments/:code/check-in', early);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('check_in_too_early');
    expect(early.body.error.message).toContain('08:45');
    expect((await client(server.url).get(`/api/appointments/${nine.code}`)).body.status).toBe('booked');

    clock.set(hanoi('2026-03-16T08:48:00'));
    const walkIn = await kiosk.post('/api/tickets', { serviceId: 'dat-dai' });
    expect(walkIn.status).toBe(201);
    clock.set(hanoi('2026-03-16T08:50:00'));
    const onTime = await kiosk.post(`/api/appointments/${nine.code}/check-in`);
    assertContract(server, 'post', '/api/appointments/:code/check-in', onTime);
    expect(onTime.status).toBe(200);
    expect(onTime.body.outcome).toBe('on_time');
    // The walk-in who came earlier is not ahead of a booking.
    expect(onTime.body.ticket).toMatchObject({ channel: 'appointment', appointmentAt: '2026-03-16T09:00:00.000+07:00', serviceId: 'dat-dai', waitingAhead: 0 });
    expect(onTime.body.message.vi).toContain('09:00');
    expect(onTime.body.appointment).toMatchObject({ status: 'checked_in', ticketNumber: onTime.body.ticket.number });
    // A second scan gives the same ticket, not a second one.
    expect((await kiosk.post(`/api/appointments/${nine.code}/check-in`)).body.ticket.id).toBe(onTime.body.ticket.id);
    const walkIn2 = await kiosk.post('/api/tickets', { serviceId: 'dat-dai' });

    const officer = client(server.url, await login(server.url, 'canbo4'));
    expect((await officer.post('/api/counters/4/sign-in')).status).toBe(200);
    // 08:55: the booking's time has not come, the walk-in who came first is called.
    clock.set(hanoi('2026-03-16T08:55:00'));
    expect((await officer.post('/api/counters/4/call-next')).body.ticket.id).toBe(walkIn.body.id);
    // 09:00: the booking goes ahead of the walk-in who took a number before it checked in.
    clock.set(hanoi('2026-03-16T09:00:00'));
    expect((await officer.post('/api/counters/4/call-next')).body.ticket.id).toBe(onTime.body.ticket.id);
    expect((await officer.post('/api/counters/4/call-next')).body.ticket.id).toBe(walkIn2.body.id);

    clock.set(hanoi('2026-03-16T09:41:00'));
    const late = await kiosk.post(`/api/appointments/${nineThirty.code}/check-in`);
    expect(late.status).toBe(200);
    expect(late.body.outcome).toBe('late');
    expect(late.body.ticket.channel).toBe('kiosk');
    expect(late.body.message.vi).toMatch(/số thường/);
    expect(late.body.appointment.status).toBe('no_show');
  });

  it('anti-starvation on the floor: after the set number of booked calls in a row, the counter takes a walk-in who waited long enough', async () => {
    const { server, clock, admin, book } = await start();
    expect((await put(admin, { settings: { bookedCallsInARow: 1, walkInWaitMinutes: 15 } })).body.settings).toMatchObject({ bookedCallsInARow: 1, walkInWaitMinutes: 15 });
    const kiosk = client(server.url, kioskToken);
    const a = (await book('2026-03-16T09:00:00')).body;
    const b = (await book('2026-03-16T09:00:00')).body;
    clock.set(hanoi('2026-03-16T08:40:00'));
    const walkIn = (await kiosk.post('/api/tickets', { serviceId: 'dat-dai' })).body;
    clock.set(hanoi('2026-03-16T08:50:00'));
    const ta = (await kiosk.post(`/api/appointments/${a.code}/check-in`)).body.ticket;
    const tb = (await kiosk.post(`/api/appointments/${b.code}/check-in`)).body.ticket;
    const officer = client(server.url, await login(server.url, 'canbo4'));
    await officer.post('/api/counters/4/sign-in');
    clock.set(hanoi('2026-03-16T09:00:00'));
    // The desk's list shows the same order "call next" will take.
    expect((await officer.get('/api/counters/4/queue')).body.waiting.map((t: { id: string }) => t.id)).toEqual([ta.id, walkIn.id, tb.id]);
    const order = [];
    for (let i = 0; i < 3; i++) order.push((await officer.post('/api/counters/4/call-next')).body.ticket.id);
    expect(order).toEqual([ta.id, walkIn.id, tb.id]);
  });

  it('a retry with the same Idempotency-Key gets the first answer: one booking, one check-in', async () => {
    const { server, clock, citizen, admin } = await start();
    const body = { serviceId: 'dat-dai', slotStart: '2026-03-16T09:00:00+07:00' };
    const first = await citizen.post('/api/appointments', body, { 'idempotency-key': 'phone-retry-1' });
    const again = await citizen.post('/api/appointments', body, { 'idempotency-key': 'phone-retry-1' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replay')).toBe('true');
    expect(again.body.code).toBe(first.body.code);
    expect((await admin.get('/api/appointments?date=2026-03-16')).body.appointments).toHaveLength(1);
    clock.set(hanoi('2026-03-16T08:50:00'));
    const kiosk = client(server.url, kioskToken);
    const c1 = await kiosk.post(`/api/appointments/${first.body.code}/check-in`, undefined, { 'idempotency-key': 'scan-1' });
    const c2 = await kiosk.post(`/api/appointments/${first.body.code}/check-in`, undefined, { 'idempotency-key': 'scan-1' });
    expect(c1.status).toBe(200);
    expect(c2.headers.get('idempotent-replay')).toBe('true');
    expect(c2.body.ticket.id).toBe(c1.body.ticket.id);
  });

  it('a booking for another day is refused at the kiosk with its date', async () => {
    const { server, book } = await start();
    const b = (await book('2026-03-17T09:00:00')).body;
    const res = await client(server.url, kioskToken).post(`/api/appointments/${b.code}/check-in`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('appointment_not_today');
    expect(res.body.error.message).toContain('17/03/2026');
  });

  it('no-show: a booking not checked in by the end of its window becomes no_show and frees its place', async () => {
    const { server, clock, book, citizen } = await start();
    const b = (await book('2026-03-16T09:00:00')).body;
    clock.set(hanoi('2026-03-16T09:10:00'));
    expect(server.appointmentSweep.sweep().noShows).toBe(0);
    expect((await citizen.get(`/api/appointments/${b.code}`)).body.status).toBe('booked');
    clock.set(hanoi('2026-03-16T09:10:01'));
    expect(server.appointmentSweep.sweep().noShows).toBe(1);
    expect((await citizen.get(`/api/appointments/${b.code}`)).body.status).toBe('no_show');
    const slots = await citizen.get('/api/appointments/slots?serviceId=dat-dai&date=2026-03-16');
    expect(slots.body.dayBooked).toBe(0);
  });

  it('changing the rules never cancels a booking: those outside the new slots are listed as a warning', async () => {
    const { admin, citizen, book, server } = await start();
    const b = (await book('2026-03-16T09:00:00')).body;
    const same = await put(admin, { services: [{ serviceId: 'dat-dai', rules: { ...land, slotMinutes: 45 } }] });
    expect(same.body.affected).toEqual([]); // 07:30, 08:15, 09:00 …
    const changed = await put(admin, { services: [{ serviceId: 'dat-dai', rules: { ...land, slotMinutes: 60 } }] });
    assertContract(server, 'put', '/api/admin/appointments/rules', changed);
    expect(changed.status).toBe(200);
    expect(changed.body.affected.map((a: { code: string }) => a.code)).toEqual([b.code]);
    expect((await citizen.get(`/api/appointments/${b.code}`)).body.status).toBe('booked');
    const off = await put(admin, { services: [{ serviceId: 'dat-dai', rules: { ...land, enabled: false } }] });
    expect(off.body.affected.map((a: { code: string }) => a.code)).toEqual([b.code]);
    expect((await put(admin, { services: [{ serviceId: 'nope', rules: land }] })).status).toBe(404);
    expect((await put(admin, { services: [{ serviceId: 'dat-dai', rules: { ...land, slotMinutes: 1 } }] })).status).toBe(400);
    expect((await put(rest(admin.url, await login(admin.url, 'quanly')), { settings: { perPhonePerDay: 5 } })).status).toBe(403);
  });

  it('demo center: every field takes bookings, a slot every hour of every day, so one can book and check in at night on a Sunday', async () => {
    const clock = testClock(hanoi('2026-03-15T22:10:00'));
    const server = await startTestServer({ now: clock.now });
    servers.push(server);
    const slots = await client(server.url).get('/api/appointments/slots?serviceId=ho-tich&date=2026-03-15');
    expect(slots.body).toMatchObject({ closedReason: null, slotMinutes: 60 });
    expect(slots.body.slots).toHaveLength(24);
    expect(slots.body.slots[23]).toMatchObject({ start: '2026-03-15T23:00:00.000+07:00', available: true });
    const b = await client(server.url).post('/api/appointments', { serviceId: 'ho-tich', slotStart: '2026-03-15T23:00:00+07:00' });
    expect(b.status).toBe(201);
    clock.set(hanoi('2026-03-15T22:50:00'));
    const checkIn = await client(server.url, kioskToken).post(`/api/appointments/${b.body.code}/check-in`);
    expect(checkIn.status).toBe(200);
    expect(checkIn.body.ticket.channel).toBe('appointment');
  });
});

/** The support client, plus PUT and the server's address. */
function rest(url: string, token?: string) {
  const c = client(url, token);
  const put = async (path: string, body: unknown) => {
    const res = await fetch(url + path, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as any) : null };
  };
  return { ...c, put, url };
}
type Rest = ReturnType<typeof rest>;

const put = (api: Rest, body: unknown) => api.put('/api/admin/appointments/rules', body);
