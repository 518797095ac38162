import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoConfigPath, loadConfig } from '../config/load';
import type { CenterConfig } from '../config/schema';
import { QueueError, chooseNext } from '../queue';
import { dayCountsFromDb } from '../store/day-tally';
import { openDb, type Db } from '../store/open';
import { importOnFirstStart } from './setup-import';
import { createFloor, type Actor, type CounterCommand, type Floor } from '.';
import { seededRandom as random } from '../testing/seeded-random';

describe('the day counts kept in memory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qms-day-state-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('equal a fresh count from the database after random commands, failures, a restart and a new day', () => {
    const db: Db = openDb(join(dir, 'qms.sqlite'));
    let clock = Date.parse('2026-03-16T01:30:00Z'); // 08:30 in Hà Nội, a Monday
    const config: CenterConfig = importOnFirstStart(db, loadConfig(demoConfigPath), clock, () => undefined);
    const start = () => createFloor({ db, config, now: () => clock, newId: randomUUID });
    let floor: Floor = start();
    const rnd = random(16);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const services = floor.services.map((s) => s.id);
    const officers: Actor[] = [1, 2, 3, 4, 5, 6].map((i) => ({ userId: floor.queries.users.byUsername(`canbo${i}`)!.id, role: 'staff' }));
    for (const [i, o] of officers.entries()) floor.signIn(i + 1, o);
    const unstorable = { key: 'never', reply: (): never => { throw new Error('reply not stored'); } };
    const expectAsStored = () => {
      const { day, counts } = floor.dayState();
      expect(counts).toEqual(dayCountsFromDb(db, day));
    };
    // Call-next reads only the tickets the counter may call: it must choose as from the whole queue.
    const rules = {
      priorityCategories: config.priorityCategories.map((p) => p.code),
      antiStarvationAfter: config.antiStarvation.afterPriorityCalls,
      antiStarvationWaitSeconds: config.antiStarvation.normalWaitMinutes * 60,
    };
    let choices = 0;
    const expectSameChoice = (counterId: number) => {
      const c = floor.queries.counters.get(counterId)!;
      const day = floor.serviceDay();
      const input = { counter: c, priorityStreak: c.priorityStreak, now: clock, rules };
      const fromAll = chooseNext({ ...input, waiting: floor.queries.tickets.waiting(day) });
      expect(chooseNext({ ...input, waiting: floor.queries.tickets.callCandidates(day, c) })).toEqual(fromAll);
      if (fromAll) choices++;
    };
    let failures = 0;
    const actions: CounterCommand['action'][] = ['start', 'finish', 'finish', 'no-show', 'hold', 'recall', 'pause', 'resume', 'transfer'];

    for (let step = 0; step < 1500; step++) {
      clock += Math.floor(rnd() * 40_000);
      if (step === 700) floor = start(); // a restart: the state is built again from the database
      if (step === 1000) clock += 24 * 3600_000; // the next day: yesterday's open tickets are cancelled
      const counterId = 1 + Math.floor(rnd() * 6);
      const actor = officers[counterId - 1]!;
      const fail = rnd() < 0.15; // the command does its writes, then cannot store its reply: all rolled back
      try {
        const r = rnd();
        if (r < 0.4) floor.issue({ serviceId: pick(services), priority: rnd() < 0.2 ? (config.priorityCategories[0]?.code ?? null) : null, channel: 'kiosk', staffId: null }, fail ? unstorable : null);
        else if (r < 0.65) {
          expectSameChoice(counterId);
          floor.callNext(counterId, actor, {}, fail ? unstorable : null);
        }
        else if (r < 0.7) {
          const waiting = floor.snapshot({ withWaiting: true }).waiting ?? [];
          if (waiting.length) floor.cancel(pick(waiting).id, null);
        } else if (r < 0.72) floor.command(counterId, actor, { action: 'close' });
        else if (r < 0.74) floor.signIn(counterId, actor);
        else {
          const action = pick(actions);
          const to = rnd() < 0.5 ? { serviceId: pick(services) } : { counterId: 1 + Math.floor(rnd() * 6) };
          const cmd = (action === 'transfer' ? { action, ...to } : { action }) as CounterCommand;
          floor.command(counterId, actor, cmd, fail ? unstorable : null);
        }
      } catch (e) {
        if (!(e instanceof QueueError) && (e as Error).message !== 'reply not stored') throw e;
        failures++;
      }
      expectAsStored();
    }
    const { counts } = floor.dayState();
    // The sequence did reach every kind of state: waiting, issued, finished, and failures of both kinds.
    expect(failures).toBeGreaterThan(100);
    expect(choices).toBeGreaterThan(100);
    expect([...counts.issued.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
    expect([...counts.done.values()].flat().length).toBeGreaterThan(10);
    db.close();
  });
});
