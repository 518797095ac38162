import { afterEach, describe, expect, it } from 'vitest';
import type { HubEvent } from '@qms/protocol/hub';
import { startHubSync, type HubSync } from '../../server/src/hub-sync';
import { startTestServer, testClock, type TestServer } from './support/server';

// The center's side of the push, with the network edge faked (a `fetch` passed in): the floor never waits for the hub.

let server: TestServer | null = null;
let sync: HubSync | null = null;
afterEach(async () => {
  sync?.stop();
  await server?.stop();
  server = sync = null;
});

const issue = (s: TestServer, n: number) => {
  for (let i = 0; i < n; i++) s.floor.issue({ serviceId: 'ho-tich', channel: 'kiosk', staffId: null });
};
const lastId = (s: TestServer) => s.db.prepare<[], { id: number }>('SELECT max(id) AS id FROM events').get()!.id;
const options = (s: TestServer, fetch: typeof globalThis.fetch) => ({
  db: s.db,
  url: 'http://hub.invalid',
  key: 'k',
  now: Date.now,
  log: s.log,
  timeZone: 'Asia/Ho_Chi_Minh',
  centerName: () => 'Phường thử',
  version: 'test',
  fetch,
  heartbeatMs: 3_600_000,
});
const eventsOf = (init: RequestInit | undefined) => (JSON.parse(String(init?.body)) as { events: HubEvent[] }).events;

describe('center → hub push', () => {
  it('issues tickets while the hub does not answer at all; nothing is marked pushed', async () => {
    const clock = testClock();
    server = await startTestServer({ now: clock.now });
    let hanging = 0;
    // A hub that accepts the connection and never replies (until the request is given up).
    const fetch = ((url: string, init?: RequestInit) => {
      if (String(url).endsWith('/api/hub/events')) hanging++;
      return new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    }) as typeof globalThis.fetch;
    sync = startHubSync({ ...options(server, fetch), requestTimeoutMs: 3_600_000 });
    server.floor.bus.on('event', () => sync?.kick());
    issue(server, 20);
    await expect.poll(() => hanging, { timeout: 20_000 }).toBe(1);
    expect(sync.state().busy).toBe(true);
    // A push is hanging: the floor goes on, every ticket committed and answered.
    issue(server, 40);
    expect(server.db.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: 60 });
    expect(sync.state()).toMatchObject({ pushedThrough: 0, busy: true });
    expect(hanging).toBe(1);
  });

  it('after failures, catches up by itself in ordered batches, each event acknowledged once, the cursor moving only on acknowledgement', async () => {
    const clock = testClock();
    server = await startTestServer({ now: clock.now });
    issue(server, 230);
    const received: number[] = [];
    const batches: number[] = [];
    let calls = 0;
    const fetch = (async (url: string, init?: RequestInit) => {
      if (!String(url).endsWith('/api/hub/events')) return new Response(null, { status: 204 });
      calls++;
      if (calls <= 3) throw new Error('ECONNREFUSED');
      if (calls === 4) return new Response('{"error":{"code":"x","message":"busy"}}', { status: 503 });
      const events = eventsOf(init);
      // Before this reply, the cursor still points before the batch: a crash now would send it again.
      expect(sync!.state().pushedThrough).toBe(received.at(-1) ?? 0);
      batches.push(events.length);
      received.push(...events.map((e) => e.id));
      return Response.json({ through: events.at(-1)!.id, stored: events.length, duplicates: 0, diverged: 0 });
    }) as typeof globalThis.fetch;
    sync = startHubSync({ ...options(server, fetch), batchSize: 50, maxBackoffMs: 20, catchUpPauseMs: 1 });
    await expect.poll(() => sync!.state().pushedThrough, { timeout: 60_000 }).toBe(lastId(server));
    expect(received).toEqual(Array.from({ length: lastId(server) }, (_, i) => i + 1));
    expect(Math.max(...batches)).toBe(50);
    expect(server.db.prepare('SELECT pushed_through AS n FROM hub_sync').get()).toEqual({ n: lastId(server) });
    // The issue events carry their ticket's service day.
    const issuedDays = new Set<string>();
    const fetchAll = (async (_url: string, init?: RequestInit) => {
      for (const e of eventsOf(init)) if (e.type === 'ticket.issued') issuedDays.add(String(e.serviceDay));
      return Response.json({ through: eventsOf(init).at(-1)!.id, stored: 0, duplicates: 0, diverged: 0 });
    }) as typeof globalThis.fetch;
    sync.stop();
    server.db.prepare('UPDATE hub_sync SET pushed_through = 0').run();
    sync = startHubSync({ ...options(server, fetchAll), batchSize: 500 });
    await expect.poll(() => sync!.state().pushedThrough, { timeout: 60_000 }).toBe(lastId(server));
    expect([...issuedDays]).toEqual(['2026-03-16']);
  });
});
