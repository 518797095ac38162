import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, demoConfig, officerAt, startTestServer, type TestServer } from './support/server';

// Every counter serves Chứng thực in this config, so six desks compete for the same queue.
const config = demoConfig({
  counters: [1, 2, 3, 4, 5, 6].map((n) => ({ id: n, number: n, name: `Quầy ${n}`, serviceIds: ['chung-thuc', 'ho-tich'], priority: n === 1, serviceOrder: 'fifo' as const })),
});

describe('six counters calling next at once', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config });
  });
  afterAll(() => server.stop());

  it('over 1,000 waiting tickets: each is called exactly once, none twice, none skipped', async () => {
    const admin = client(server.url, await (async () => (await client(server.url).post('/api/auth/login', { username: 'admin', password: 'admin' })).body.token)());
    const issued: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const res = await admin.post('/api/tickets', { serviceId: i % 3 ? 'chung-thuc' : 'ho-tich', priority: i % 17 === 0 ? 'elderly' : null });
      expect(res.status).toBe(201);
      issued.push(res.body.id);
    }
    const desks = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => officerAt(server.url, n)));
    const calledBy = new Map<string, number[]>();
    await Promise.all(
      desks.map(async (desk, i) => {
        const counter = i + 1;
        for (;;) {
          const res = await desk.post(`/api/counters/${counter}/call-next`);
          if (res.status === 204) return;
          expect(res.status).toBe(200);
          const id = res.body.ticket.id as string;
          calledBy.set(id, [...(calledBy.get(id) ?? []), counter]);
        }
      }),
    );
    expect(calledBy.size).toBe(1000);
    expect([...calledBy.values()].every((c) => c.length === 1)).toBe(true);
    expect(new Set(calledBy.keys())).toEqual(new Set(issued));
    const dbCalls = server.db.prepare(`SELECT ticket_id, count(*) AS n FROM events WHERE type = 'ticket.called' GROUP BY ticket_id HAVING n > 1`).all();
    expect(dbCalls).toEqual([]);
    const leftWaiting = server.db.prepare(`SELECT count(*) AS n FROM tickets WHERE status = 'waiting'`).get() as { n: number };
    expect(leftWaiting.n).toBe(0);
    // Every counter got work: the parallel requests really interleaved.
    const perCounter = new Set([...calledBy.values()].map((c) => c[0]));
    expect(perCounter.size).toBe(6);
  }, 120_000);
});
