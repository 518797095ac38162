import { randomUUID } from 'node:crypto';
import { openSerial, simulateKeypads, type SimulatedKeypads, type Transport } from '@qms/drivers';
import { ptyPair, until } from '@qms/drivers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, demoConfig, login, startTestServer, type TestServer } from './support/server';

const DESKS = 20;
const ROUNDS = 10;
const httpCounters = Array.from({ length: 10 }, (_, i) => i + 1);
const busA = [11, 12, 13, 14, 15];
const busB = [16, 17, 18, 19, 20];

describe('20 desks calling next at the same instant, over HTTP and keypads on two RS-485 buses', () => {
  let server: TestServer;
  const ptys: { a: string; b: string; stop: () => void }[] = [];
  const links: Transport[] = [];
  const sims: SimulatedKeypads[] = [];

  beforeAll(async () => {
    ptys.push(await ptyPair(), await ptyPair());
    // Keypad address = counter number − 10 on bus A, − 15 on bus B.
    const config = demoConfig({
      counters: Array.from({ length: DESKS }, (_, i) => ({ id: i + 1, number: i + 1, name: `Quầy ${i + 1}`, serviceIds: ['chung-thuc'], priority: false, serviceOrder: 'fifo' as const })),
      accounts: [
        { username: 'admin', name: 'Quản trị', title: '', role: 'admin', password: 'admin', counterId: null },
        ...Array.from({ length: DESKS }, (_, i) => ({ username: `canbo${i + 1}`, name: `Cán bộ ${i + 1}`, title: '', role: 'staff' as const, password: '123456', counterId: i + 1 })),
      ],
      hardware: {
        keypads: [
          { id: 'a', transport: 'serial', path: ptys[0]!.a, baudRate: 115200, pollIntervalMs: 1, replyTimeoutMs: 100, pads: busA.map((c) => ({ address: c - 10, counterId: c })) },
          { id: 'b', transport: 'serial', path: ptys[1]!.a, baudRate: 115200, pollIntervalMs: 1, replyTimeoutMs: 100, pads: busB.map((c) => ({ address: c - 15, counterId: c })) },
        ],
      },
    });
    server = await startTestServer({ config });
    for (const pty of ptys) {
      const link = await openSerial({ path: pty.b, baudRate: 115200 });
      links.push(link);
      sims.push(simulateKeypads({ transport: link, addresses: [1, 2, 3, 4, 5] }));
    }
  });
  afterAll(async () => {
    for (const s of sims) s.close();
    for (const l of links) await l.close();
    await server?.stop();
    for (const p of ptys) p.stop();
  });

  const calledAt = (counterId: number) =>
    (server.db.prepare(`SELECT count(*) AS n FROM events WHERE type = 'ticket.called' AND counter_id = ?`).get(counterId) as { n: number }).n;
  const press = (counterId: number) => (counterId <= 15 ? sims[0]!.press(counterId - 10, 'next') : sims[1]!.press(counterId - 15, 'next'));
  const shown = (counterId: number) => (counterId <= 15 ? sims[0]!.display(counterId - 10) : sims[1]!.display(counterId - 15)).text;

  it('never gives one ticket to two desks and never skips one', async () => {
    const admin = client(server.url, await login(server.url, 'admin', 'admin'));
    const issued: string[] = [];
    for (let i = 0; i < DESKS * ROUNDS; i++) {
      const res = await admin.post('/api/tickets', { serviceId: 'chung-thuc' });
      expect(res.status).toBe(201);
      issued.push(res.body.id as string);
    }
    const officers = await Promise.all(
      Array.from({ length: DESKS }, async (_, i) => {
        const api = client(server.url, await login(server.url, `canbo${i + 1}`));
        expect((await api.post(`/api/counters/${i + 1}/sign-in`)).status).toBe(200);
        return api;
      }),
    );
    const ticketOf = (counterId: number) =>
      (server.db.prepare(`SELECT current_ticket_id AS id FROM counters WHERE id = ?`).get(counterId) as { id: string | null }).id;

    const calledBy = new Map<string, number[]>();
    for (let round = 1; round <= ROUNDS; round++) {
      const before = new Map([...busA, ...busB].map((c) => [c, calledAt(c)]));
      [...busA, ...busB].forEach(press);
      const replies = await Promise.all(httpCounters.map((c) => officers[c - 1]!.post(`/api/counters/${c}/call-next`, undefined, { 'idempotency-key': randomUUID() })));
      await until(() => [...busA, ...busB].every((c) => calledAt(c) === before.get(c)! + 1));
      for (const [i, res] of replies.entries()) {
        expect(res.status).toBe(200);
        const id = res.body.ticket.id as string;
        calledBy.set(id, [...(calledBy.get(id) ?? []), httpCounters[i]!]);
      }
      for (const c of [...busA, ...busB]) {
        const id = ticketOf(c)!;
        calledBy.set(id, [...(calledBy.get(id) ?? []), c]);
      }
      // No skip: after each round exactly the oldest 20 × round tickets have been called.
      expect(new Set(calledBy.keys())).toEqual(new Set(issued.slice(0, DESKS * round)));
    }

    expect([...calledBy.values()].filter((c) => c.length > 1)).toEqual([]);
    expect(calledBy.size).toBe(DESKS * ROUNDS);
    const perCounter = new Map<number, number>();
    for (const [c] of calledBy.values()) perCounter.set(c!, (perCounter.get(c!) ?? 0) + 1);
    expect([...perCounter.values()]).toEqual(Array(DESKS).fill(ROUNDS));
    const doubles = server.db.prepare(`SELECT ticket_id FROM events WHERE type = 'ticket.called' GROUP BY ticket_id HAVING count(*) > 1`).all();
    expect(doubles).toEqual([]);
    expect((server.db.prepare(`SELECT count(*) AS n FROM tickets WHERE status = 'waiting'`).get() as { n: number }).n).toBe(0);
    // Every keypad shows its counter's current number.
    const numberOf = (id: string) => (server.db.prepare(`SELECT number FROM tickets WHERE id = ?`).get(id) as { number: string }).number;
    await until(() => [...busA, ...busB].every((c) => shown(c) === numberOf(ticketOf(c)!)));
  });
});
