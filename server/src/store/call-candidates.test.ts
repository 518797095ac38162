import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Channel } from '@qms/protocol';
import { demoConfigPath, loadConfig } from '../config/load';
import { importOnFirstStart } from '../floor/setup-import';
import { chooseNext, issuedTicket, type Counter, type QueueRules } from '../queue';
import { openDb } from './open';
import { ticketQueries } from './tickets';
import { seededRandom as random } from '../testing/seeded-random';

describe('the call candidates read for call-next', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qms-call-candidates-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('give the same next ticket as the whole waiting queue, for random queues, counters and rules', () => {
    const db = openDb(join(dir, 'qms.sqlite'));
    const now = Date.parse('2026-03-16T03:00:00Z');
    const config = importOnFirstStart(db, loadConfig(demoConfigPath), now, () => undefined);
    const services = config.services.map((s) => s.id).slice(0, 4);
    const q = ticketQueries(db);
    const rnd = random(2026);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const minutes = (n: number) => Math.floor(rnd() * n) * 60_000;
    let compared = 0;
    let picked = 0;
    for (let round = 0; round < 150; round++) {
      const day = `2026-04-${String(1 + (round % 28)).padStart(2, '0')}-${round}`;
      const seqs = new Map<string, number>();
      const n = Math.floor(rnd() * 40);
      const [priorities, bookings] = [pick([0, 0.1, 0.3]), pick([0, 0.2, 0.5])];
      const insertAll = db.transaction(() => {
        for (let i = 0; i < n; i++) {
          const serviceId = pick(services);
          const seq = (seqs.get(serviceId) ?? 0) + 1;
          seqs.set(serviceId, seq);
          const booked = rnd() < bookings;
          const queuedAt = now - minutes(90); // minute steps: ties in queued_at are common, seq breaks them
          const ticket = issuedTicket({
            id: `${day}-${i}`,
            serviceDay: day,
            serviceId,
            seq,
            number: `${serviceId}-${seq}`,
            priority: rnd() < priorities ? 'elderly' : null,
            channel: (booked ? 'appointment' : 'kiosk') as Channel,
            status: rnd() < 0.85 ? 'waiting' : 'serving',
            targetCounterId: rnd() < 0.15 ? pick([1, 2, 3]) : null,
            queuedAt,
            firstCalledAt: rnd() < 0.3 ? queuedAt + 60_000 : null,
            appointmentAt: booked ? now - 60 * 60_000 + minutes(120) : null,
          });
          q.insert(ticket);
        }
      });
      insertAll();
      const all = q.waiting(day);
      for (const id of [1, 2, 3]) {
        const counter: Counter = {
          id,
          number: id,
          serviceIds: services.filter(() => rnd() < 0.5),
          priority: rnd() < 0.3,
          serviceOrder: rnd() < 0.5 ? 'fifo' : 'ordered',
        };
        const rules: QueueRules = {
          priorityCategories: ['elderly'],
          antiStarvationAfter: Math.floor(rnd() * 4),
          antiStarvationWaitSeconds: minutes(60) / 1000,
          bookedCallsInARow: Math.floor(rnd() * 4),
          walkInWaitSeconds: minutes(60) / 1000,
        };
        const input = { counter, priorityStreak: Math.floor(rnd() * 5), bookedStreak: Math.floor(rnd() * 5), now, rules };
        const candidates = q.callCandidates(day, counter);
        const expected = chooseNext({ ...input, waiting: all });
        expect(chooseNext({ ...input, waiting: candidates })).toEqual(expected);
        expect(candidates.length).toBeLessThanOrEqual(all.length);
        compared++;
        if (expected) picked++;
      }
    }
    expect(compared).toBe(450);
    expect(picked).toBeGreaterThan(200); // most cases call someone: the comparison is not between two nulls
    db.close();
  });
});
