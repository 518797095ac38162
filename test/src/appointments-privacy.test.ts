import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword } from '@qms/server';
import { client, demoConfig, login, startTestServer, testClock, type TestServer } from './support/server';

const hanoi = (local: string) => Date.parse(`${local}+07:00`);
const DAY = 86_400_000;
const phone = '0912345678';

function realCenter() {
  const accounts = demoConfig()
    .accounts.filter((a) => a.username === 'admin')
    .map((a) => ({ ...a, password: undefined, passwordHash: hashPassword(a.password ?? '') }));
  return demoConfig({ demo: false, accounts });
}

/** Whether the bytes of the file (and its -wal) hold the phone number anywhere, free pages included. */
function holdsPhone(path: string): boolean {
  return [path, `${path}-wal`].some((f) => existsSync(f) && readFileSync(f).includes(Buffer.from(phone)));
}

describe('the phone number of a booking (docs/privacy.md)', () => {
  const servers: TestServer[] = [];
  afterEach(async () => Promise.all(servers.splice(0).map((s) => s.stop())));

  it('is erased 30 days after the slot: gone from the database file, its WAL, and the backups made after the erasure', async () => {
    const clock = testClock(hanoi('2026-03-16T08:00:00'));
    const server = await startTestServer({ config: realCenter(), now: clock.now });
    servers.push(server);
    const put = await fetch(`${server.url}/api/admin/appointments/rules`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await login(server.url, 'admin', 'admin')}` },
      body: JSON.stringify({ services: [{ serviceId: 'dat-dai', rules: { enabled: true, slotMinutes: 30, perSlot: 2, maxSharePercent: 30 } }] }),
    });
    expect(put.status).toBe(200);
    const booked = await client(server.url).post('/api/appointments', { serviceId: 'dat-dai', slotStart: '2026-03-16T09:00:00+07:00', phone, phoneConsent: true });
    expect(booked.status).toBe(201);
    const dbFile = join(server.dataDir, 'qms.sqlite');
    server.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(holdsPhone(dbFile)).toBe(true); // the check can see it

    // A backup taken while the number is kept holds it (so the check below means something).
    const [before] = await server.backups.runNow();
    expect(holdsPhone(join(before!.dir, before!.file))).toBe(true);

    // The slot ended at 09:30; 30 days later the number goes, not a day before.
    clock.set(hanoi('2026-03-16T09:30:00') + 30 * DAY - 1000);
    expect(server.appointmentSweep.sweep().erased).toBe(0);
    clock.set(hanoi('2026-03-16T09:30:00') + 30 * DAY);
    expect(server.appointmentSweep.sweep().erased).toBe(1);

    const admin = client(server.url, await login(server.url, 'admin', 'admin'));
    const list = await admin.get('/api/appointments?date=2026-03-16');
    expect(list.body.appointments).toHaveLength(1);
    expect(list.body.appointments[0]).toMatchObject({ hasPhone: false, phone: null, code: booked.body.code });
    expect(holdsPhone(dbFile)).toBe(false);

    clock.advance(1000); // a new backup name
    const [after] = await server.backups.runNow();
    expect(after!.file).not.toBe(before!.file);
    expect(holdsPhone(join(after!.dir, after!.file))).toBe(false);
    // The event log never held it.
    const events = server.db.prepare(`SELECT payload FROM events WHERE type LIKE 'appointment.%'`).all() as { payload: string }[];
    expect(events.length).toBeGreaterThan(0);
    expect(events.some((e) => e.payload.includes(phone))).toBe(false);
    // The copy taken before the erasure is gone too: backups are kept 14 days, the number 30 days after the slot.
    expect(readdirSync(after!.dir)).not.toContain(before!.file);
  });
});
