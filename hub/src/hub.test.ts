import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubEvent } from '@qms/protocol/hub';
import { startHub, type RunningHub } from './hub';
import { hubSummary } from './summary';
import { startTestPostgres, type TestPostgres } from './testing/postgres';

let pg: TestPostgres;
let hub: RunningHub;
let databaseUrl = '';

beforeAll(async () => {
  pg = await startTestPostgres();
  databaseUrl = await pg.createDatabase();
  hub = await startHub({ databaseUrl, port: 0, host: '127.0.0.1', adminPassword: 'mật khẩu thành phố' });
});
afterAll(async () => {
  await hub?.close().catch(() => undefined);
  pg?.stop();
});

const call = (path: string, init: { method?: string; token?: string; body?: unknown } = {}) =>
  fetch(`${hub.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
  });

async function adminToken() {
  const r = await call('/api/auth/login', { body: { username: 'admin', password: 'mật khẩu thành phố' } });
  expect(r.status).toBe(200);
  return ((await r.json()) as { token: string }).token;
}

const day = '2026-03-02';
const t0 = Date.parse('2026-03-02T02:00:00Z');
const ev = (id: number, type: string, ticketId: string | null, payload: Record<string, unknown>, at: number, extra: Partial<HubEvent> = {}): HubEvent => ({
  id,
  type,
  ticketId,
  counterId: type.startsWith('ticket.issued') ? null : 1,
  staffId: null,
  payload,
  at,
  ...extra,
});

describe('city hub', () => {
  it('answers health publicly, refuses anonymous and wrong sign-ins, with the error shape', async () => {
    expect(await (await call('/api/health')).json()).toMatchObject({ ok: true, db: 'ok' });
    const anon = await call('/api/hub/centers');
    expect(anon.status).toBe(401);
    expect(await anon.json()).toMatchObject({ error: { code: 'unauthorized', message: expect.stringContaining('đăng nhập') } });
    expect((await call('/api/auth/login', { body: { username: 'admin', password: 'sai' } })).status).toBe(401);
    expect((await call('/api/auth/login', { body: '{not json' })).status).toBe(400);
    const doc = (await (await call('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/login', '/api/hub/centers', '/api/hub/stats/summary']));
  });

  it('registers a center once per code; its key pushes events, stored once however often they are sent', async () => {
    const token = await adminToken();
    const created = await call('/api/hub/centers', { token, body: { code: 'P-HONGBANG', name: 'Phường Hồng Bàng' } });
    expect(created.status).toBe(201);
    const { id, key } = (await created.json()) as { id: number; key: string };
    expect((await call('/api/hub/centers', { token, body: { code: 'P-HONGBANG', name: 'again' } })).status).toBe(409);
    expect((await call('/api/hub/centers', { token, body: { code: 'bad code!', name: 'x' } })).status).toBe(400);

    const batch = [
      ev(1, 'ticket.issued', 'a', { serviceId: 'ho-tich', channel: 'kiosk' }, t0, { serviceDay: day }),
      ev(2, 'ticket.called', 'a', { from: 'waiting' }, t0 + 60_000),
      ev(3, 'ticket.finished', 'a', { from: 'called', dossierCode: 'H01' }, t0 + 300_000),
      ev(4, 'rating.received', 'a', { level: 'satisfied', channel: 'device' }, t0 + 320_000),
    ];
    expect((await call('/api/hub/events', { token: 'wrong', body: { events: batch } })).status).toBe(401);
    const first = await (await call('/api/hub/events', { token: key, body: { events: batch } })).json();
    expect(first).toEqual({ through: 4, stored: 4, duplicates: 0, diverged: 0 });
    const again = await (await call('/api/hub/events', { token: key, body: { events: batch.slice(2) } })).json();
    expect(again).toEqual({ through: 4, stored: 0, duplicates: 2, diverged: 0 });
    expect((await call('/api/hub/events', { token: key, body: { events: [batch[1], batch[0]] } })).status).toBe(400);

    const list = (await (await call('/api/hub/centers', { token })).json()) as { id: number; eventsStored: number; lastEventId: number; divergence: unknown }[];
    expect(list.find((c) => c.id === id)).toMatchObject({ eventsStored: 4, lastEventId: 4, divergence: null });

    const s = (await (await call(`/api/hub/stats/summary?from=${day}&to=${day}&groupBy=center`, { token })).json()) as any;
    expect(s.totals).toMatchObject({ issued: 1, served: 1, ratings: { satisfied: 1, total: 1 }, ratingsWithDossier: 1, waitSeconds: { mean: 60 }, serviceSeconds: { mean: 240 } });
    expect(s.groups).toEqual([expect.objectContaining({ key: 'P-HONGBANG', label: 'Phường Hồng Bàng', issued: 1 })]);
    expect((await call(`/api/hub/stats/summary?from=2026-03-05&to=${day}`, { token })).status).toBe(400);
  });

  it('keeps both histories when a center sends other events under ids it already has, and flags the center', async () => {
    const token = await adminToken();
    const { id, key } = (await (await call('/api/hub/centers', { token, body: { code: 'X-RESTORED', name: 'Xã Khôi phục' } })).json()) as { id: number; key: string };
    const old = [ev(1, 'ticket.issued', 'b1', { serviceId: 'dat-dai', channel: 'kiosk' }, t0, { serviceDay: day }), ev(2, 'ticket.issued', 'b2', { serviceId: 'dat-dai', channel: 'kiosk' }, t0 + 1000, { serviceDay: day })];
    await call('/api/hub/events', { token: key, body: { events: old } });
    // Restored to a backup taken after event 1: its next event 2 is another ticket.
    const restored = [old[0]!, ev(2, 'ticket.issued', 'c2', { serviceId: 'dat-dai', channel: 'desk' }, t0 + 5000, { serviceDay: day })];
    expect(await (await call('/api/hub/events', { token: key, body: { events: restored } })).json()).toEqual({ through: 2, stored: 1, duplicates: 1, diverged: 1 });
    const c = ((await (await call('/api/hub/centers', { token })).json()) as any[]).find((x) => x.id === id);
    expect(c.divergence).toMatchObject({ events: 1, fromEventId: 2 });
    const s = (await (await call(`/api/hub/stats/summary?from=${day}&to=${day}&groupBy=center`, { token })).json()) as any;
    expect(s.groups.find((g: any) => g.key === 'X-RESTORED').issued).toBe(3);
    // Small ranges are exact (from the facts); above the threshold (here 0) from the rollups: the same counts and rates.
    // The whole month reads the month rows, the day alone its day rows: the same figures, neither reading ticket facts
    // or raw events (both tables hidden while it answers).
    const exact = await hubSummary(hub.pool, { from: day, to: day, groupBy: 'service' });
    expect(exact.totals.issued).toBe(4);
    const whole = await hubSummary(hub.pool, { from: day, to: day, groupBy: 'service' }, 0);
    const counts = (r: any) => ({ ...r, waitSeconds: undefined, serviceSeconds: undefined, bookedWaitSeconds: undefined, walkInWaitSeconds: undefined, punctualitySeconds: undefined });
    expect(whole.groups!.map(counts)).toEqual(exact.groups!.map(counts));
    expect(whole.totals.waitSeconds.mean).toBe(exact.totals.waitSeconds.mean);
    expect(whole.totals.walkInWaitSeconds.mean).toBe(exact.totals.walkInWaitSeconds.mean);
    await hub.pool.query('ALTER TABLE ticket_facts RENAME TO ticket_facts_hidden; ALTER TABLE events RENAME TO events_hidden');
    try {
      const month = await hubSummary(hub.pool, { from: '2026-03-01', to: '2026-03-31', groupBy: 'service' }, 0);
      expect({ ...month, from: day, to: day }).toEqual(whole);
      expect(await hubSummary(hub.pool, { from: '2026-01-01', to: '2026-12-31', groupBy: 'center' }, 0)).toMatchObject({ totals: { issued: 4, served: 1 } });
    } finally {
      await hub.pool.query('ALTER TABLE ticket_facts_hidden RENAME TO ticket_facts; ALTER TABLE events_hidden RENAME TO events');
    }
  });
});

describe('bad input to the hub', () => {
  it('answers 400 or 401 with a plain message, never a 500, and stores nothing', async () => {
    const token = await adminToken();
    const { key } = (await (await call('/api/hub/centers', { token, body: { code: 'BAD-INPUT', name: 'Thử dữ liệu xấu' } })).json()) as { key: string };
    const good = ev(1, 'ticket.issued', 'z1', { serviceId: 'ho-tich', channel: 'kiosk' }, t0, { serviceDay: day });
    const cases: [string, string, unknown, number][] = [
      ['not JSON', '/api/hub/events', '{"events": [', 400],
      ['no events', '/api/hub/events', { events: [] }, 400],
      ['a time in the year 300000', '/api/hub/events', { events: [{ ...good, at: 9e15 }] }, 400],
      ['not a calendar date', '/api/hub/events', { events: [{ ...good, serviceDay: '2026-02-30' }] }, 400],
      ['a NUL character in the payload', '/api/hub/events', { events: [{ ...good, payload: { serviceId: 'a\u0000b' } }] }, 400],
      ['a NUL character in the type', '/api/hub/events', { events: [{ ...good, type: 'ticket.\u0000' }] }, 400],
      ['too many events', '/api/hub/events', { events: Array.from({ length: 1001 }, (_, i) => ({ ...good, id: i + 1 })) }, 400],
      ['a heartbeat without its floor', '/api/hub/heartbeat', { at: t0, timezone: 'Asia/Ho_Chi_Minh', version: '1', centerName: 'x', services: [] }, 400],
      ['a center name with a NUL', '/api/hub/centers', { code: 'NUL', name: 'a\u0000' }, 400],
    ];
    for (const [what, path, body, status] of cases) {
      const r = await call(path, { token: path === '/api/hub/centers' ? token : key, body, method: 'POST' });
      expect(r.status, what).toBe(status);
      const reply = (await r.json()) as { error: { code: string; message: string } };
      expect(reply.error.message, what).toMatch(/^[^\n]+$/);
      expect(reply.error.message, what).not.toMatch(/at .*\.ts:\d+/);
    }
    expect((await call('/api/hub/events', { token: 'qmshub_nope', body: { events: [good] } })).status).toBe(401);
    const list = (await (await call('/api/hub/centers', { token })).json()) as any[];
    expect(list.find((c) => c.code === 'BAD-INPUT')).toMatchObject({ eventsStored: 0, lastEventId: null });
    expect(list.some((c) => c.code === 'NUL')).toBe(false);
  });
  it('stores two centers’ first events of a new month sent at the same moment (the month’s partition is created once, no deadlock)', async () => {
    const token = await adminToken();
    const keys: string[] = [];
    for (const code of ['P-CUNGLUC-A', 'P-CUNGLUC-B']) keys.push(((await (await call('/api/hub/centers', { token, body: { code, name: code } })).json()) as { key: string }).key);
    for (let m = 0; m < 8; m++) {
      const at = Date.UTC(2028, m, 3, 2);
      const d = new Date(at).toISOString().slice(0, 10);
      // Each center sends a batch touching facts (a read of events) and the new month, both at once.
      const batches = keys.map((key, i) => [
        ev(m * 10 + 1, 'ticket.issued', `m${m}-${i}-a`, { serviceId: 'ho-tich', channel: 'kiosk' }, at - 86_400_000 * 3, { serviceDay: d }),
        ev(m * 10 + 2, 'ticket.issued', `m${m}-${i}-b`, { serviceId: 'ho-tich', channel: 'kiosk' }, at, { serviceDay: d }),
      ]);
      const replies = await Promise.all(keys.map((key, i) => call('/api/hub/events', { token: key, body: { events: batches[i] } })));
      expect(replies.map((r) => r.status)).toEqual([200, 200]);
    }
  });

  it('rebuilds the rollups when it starts on facts without rollups (a hub upgraded past migration 005), the same rows', async () => {
    const rows = async () => [
      ...(await hub.pool.query('SELECT * FROM rollups_daily ORDER BY day, center_id, service_id')).rows,
      ...(await hub.pool.query('SELECT * FROM rollups_monthly ORDER BY day, center_id, service_id')).rows,
    ];
    const before = await rows();
    expect(before.length).toBeGreaterThan(2);
    await hub.pool.query('DELETE FROM rollups_daily; DELETE FROM rollups_monthly');
    const again = await startHub({ databaseUrl, port: 0, host: '127.0.0.1' });
    await again.close();
    expect(await rows()).toEqual(before);
  });
});

// Last: it locks the admin out of this hub.
describe('sign-in at the hub', () => {
  it('refuses an account after ten wrong passwords from one address, even with the right one, with a 429', async () => {
    const wrong = () => call('/api/auth/login', { body: { username: 'admin', password: 'đoán thử' } });
    for (let i = 0; i < 10; i++) expect((await wrong()).status).toBe(401);
    const locked = await call('/api/auth/login', { body: { username: 'admin', password: 'mật khẩu thành phố' } });
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as any).error.message).toMatch(/thử lại sau 15 phút/);
  });

});
