import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FigureRollup, sketchErrorMs } from '@qms/protocol/figures';
import type { Figures, StatsGroupBy } from '@qms/protocol';
import { demoConfigPath, loadConfig } from '../config/load';
import type { CenterConfig } from '../config/schema';
import { QueueError, serviceDayOf } from '../queue';
import { openDb, type Db } from '../store/open';
import { importOnFirstStart } from '../floor/setup-import';
import { createFloor, type Actor, type CounterCommand, type Floor } from '../floor';
import { rebuildRollups } from './rollups';
import { summarizeMany } from './summary';
import { seededRandom as random } from '../testing/seeded-random';

/** A stored rollup row in a form that does not depend on the order things were added in. */
function canonical(data: Buffer) {
  const r = FigureRollup.decode(data);
  const trim = (xs: number[]) => xs.slice(0, xs.findLastIndex((x) => x !== 0) + 1);
  return { figures: r.figures({ targetWaitSeconds: 900 }), wait: trim(r.wait.sketch.counts), service: trim(r.service.sketch.counts) };
}

function dump(db: Db) {
  const cells = db.prepare<[], { day: string; service_id: string; counter_id: number; staff_id: number; data: Buffer }>(`SELECT * FROM rollup_cells`).all();
  const hours = db.prepare<[], { day: string; hour: number; data: Buffer }>(`SELECT * FROM rollup_hours`).all();
  return {
    cells: new Map(cells.map((c) => [`${c.day}/${c.service_id}/${c.counter_id}/${c.staff_id}`, canonical(c.data)])),
    hours: new Map(hours.map((h) => [`${h.day}/${h.hour}`, canonical(h.data)])),
  };
}

/** The rollups as stored, and as a rebuild from the tickets makes them (the rebuild is rolled back). */
function storedAndRebuilt(db: Db, timeZone: string) {
  db.exec('BEGIN');
  try {
    const stored = dump(db);
    rebuildRollups(db, timeZone);
    return { stored, rebuilt: dump(db) };
  } finally {
    db.exec('ROLLBACK');
  }
}

const levels = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied'] as const;

describe('the report rollups', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qms-rollups-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const db: Db = openDb(join(dir, 'qms.sqlite'));
  let clock = Date.parse('2026-03-16T01:30:00Z'); // 08:30 in Hà Nội, a Monday
  const config: CenterConfig = importOnFirstStart(db, loadConfig(demoConfigPath), clock, () => undefined);
  const start = () => createFloor({ db, config, now: () => clock, newId: randomUUID });
  let floor: Floor = start();

  it('equal a rebuild from the database after random commands, failed ones among them, a restart and new days', () => {
    const rnd = random(15);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const services = floor.services.map((s) => s.id);
    const officers: Actor[] = [1, 2, 3, 4, 5, 6].map((i) => ({ userId: floor.queries.users.byUsername(`canbo${i}`)!.id, role: 'staff' }));
    const signInAll = () => officers.forEach((o, i) => floor.signIn(i + 1, o));
    signInAll();
    const unstorable = { key: 'never', reply: (): never => { throw new Error('reply not stored'); } };
    const finished: string[] = [];
    let failures = 0;
    let rated = 0;
    let booked = 0;
    /** Books the field's next free slot whose check-in window is open, and checks in: a ticket on channel `appointment`. */
    const bookAndCheckIn = (serviceId: string) => {
      const open = floor.appointments.slots(serviceId, serviceDayOf(clock, config.timezone), clock).slots.find((s) => s.available && Date.parse(s.start) - clock <= 10 * 60_000);
      if (!open) return;
      const { appointment } = floor.appointments.book({ serviceId, slotStart: Date.parse(open.start), origin: 'desk', phone: null, deviceId: null, staffId: null });
      floor.appointments.checkIn(appointment.code, { staffId: null, print: null });
      booked++;
    };
    const actions: CounterCommand['action'][] = ['start', 'finish', 'finish', 'finish', 'no-show', 'hold', 'recall', 'transfer', 'transfer'];

    for (let step = 0; step < 1500; step++) {
      clock += Math.floor(rnd() * 40_000);
      if (step === 500) floor = start(); // a restart
      if (step === 700 || step === 1100) {
        clock += 24 * 3600_000; // the next day: yesterday's open tickets are cancelled
        signInAll();
      }
      const counterId = 1 + Math.floor(rnd() * 6);
      const actor = officers[counterId - 1]!;
      const fail = rnd() < 0.15; // the command does its writes, then cannot store its reply: all rolled back
      try {
        const r = rnd();
        if (r < 0.06) bookAndCheckIn(pick(services));
        else if (r < 0.35) floor.issue({ serviceId: pick(services), channel: rnd() < 0.8 ? 'kiosk' : 'desk', staffId: null }, fail ? unstorable : null);
        else if (r < 0.6) floor.callNext(counterId, actor, {}, fail ? unstorable : null);
        else if (r < 0.63) {
          const waiting = floor.snapshot({ withWaiting: true }).waiting ?? [];
          if (waiting.length) floor.cancel(pick(waiting).id, null);
        } else if (r < 0.74 && finished.length) {
          const id = finished.splice(Math.floor(rnd() * finished.length), 1)[0]!;
          floor.rate({ ticketId: id, level: pick(levels) }, { channel: 'phone', key: floor.ratings.keyOf(id) });
          rated++;
        } else if (r < 0.76) floor.ratings.expireUnanswered();
        else {
          const action = pick(actions);
          const to = rnd() < 0.5 ? { serviceId: pick(services) } : { counterId: 1 + Math.floor(rnd() * 6) };
          const current = floor.queries.counters.get(counterId)?.currentTicketId ?? null;
          const cmd = (action === 'transfer' ? { action, ...to } : action === 'finish' && rnd() < 0.4 ? { action, dossierCode: `H${step}` } : { action }) as CounterCommand;
          floor.command(counterId, actor, cmd, fail ? unstorable : null);
          if (action === 'finish' && current) finished.push(current);
        }
      } catch (e) {
        if (!(e instanceof QueueError) && (e as Error).message !== 'reply not stored') throw e;
        failures++;
      }
      if (step % 8 === 0 || step === 1499) {
        const { stored, rebuilt } = storedAndRebuilt(db, config.timezone);
        expect(stored, `after step ${step}`).toEqual(rebuilt);
      }
    }
    expect(failures).toBeGreaterThan(100);
    expect(rated).toBeGreaterThan(20);
    expect(booked).toBeGreaterThan(10);
    const { stored } = storedAndRebuilt(db, config.timezone);
    expect(stored.cells.size).toBeGreaterThan(30);
    expect([...stored.cells.values()].some((c) => c.figures.transferred > 0 && c.figures.ratings.total > 0 && c.figures.ratingsSkipped + c.figures.cancelled > 0)).toBe(true);
  }, 600_000);

  const groupBys: StatsGroupBy[] = ['service', 'counter', 'staff', 'day', 'hour', 'weekday', 'weekday_hour'];
  const req = { from: '2026-03-01', to: '2026-03-31', timeZone: 'Asia/Ho_Chi_Minh' };

  it('give the same report as the tickets: counts, rates, mean and max exact; median and p90 within the bound', () => {
    const exact = summarizeMany(db, { ...req, exactUpTo: Infinity }, groupBys);
    const rolled = summarizeMany(db, { ...req, exactUpTo: 0 }, groupBys);
    expect(exact.totals.issued).toBeGreaterThan(150);
    expect(exact.totals.issuedByChannel.appointment).toBeGreaterThan(10);
    expect(exact.totals.punctualitySeconds.median).not.toBeNull();
    expect(exact.totals.bookings!.kept).toBe(exact.totals.issuedByChannel.appointment);
    const close = (got: Figures, want: Figures, where: string) => {
      const { waitSeconds: gw, serviceSeconds: gs, bookedWaitSeconds: gb, walkInWaitSeconds: gi, punctualitySeconds: gp, ...gCounts } = got;
      const { waitSeconds: ww, serviceSeconds: ws, bookedWaitSeconds: wb, walkInWaitSeconds: wi, punctualitySeconds: wp, ...wCounts } = want;
      expect(gCounts, where).toEqual(wCounts);
      for (const [g, w] of [[gw, ww], [gs, ws], [gb, wb], [gi, wi], [gp, wp]] as const) {
        if (w.mean === null) {
          expect(g, where).toEqual(w);
          continue;
        }
        if (w !== wp || w.max! >= 0) expect(g.max, where).toBe(w.max);
        expect(Math.abs(g.mean! - w.mean!), where).toBeLessThanOrEqual(0.1);
        for (const k of ['median', 'p90'] as const) {
          if (w[k] === null) expect(g[k]).toBeNull();
          else expect(Math.abs(g[k]! - w[k]), `${where} ${k}: ${g[k]} vs ${w[k]}`).toBeLessThanOrEqual(sketchErrorMs(w[k] * 1000) / 1000 + 0.1 + 1e-9);
        }
      }
    };
    close(rolled.totals, exact.totals, 'totals');
    for (const by of groupBys) {
      const want = exact.groups.get(by)!;
      const got = rolled.groups.get(by)!;
      expect(got.map((g) => [g.key, g.label]), by).toEqual(want.map((g) => [g.key, g.label]));
      got.forEach((g, i) => close(g, want[i]!, `${by} ${g.key}`));
    }
  });

  it('are built at start when missing or made for another time zone, and left to the tickets for a target between buckets', () => {
    db.exec(`DELETE FROM rollup_meta`);
    db.exec(`DELETE FROM rollup_cells WHERE rowid % 2 = 0`);
    floor = start();
    const { stored, rebuilt } = storedAndRebuilt(db, config.timezone);
    expect(stored).toEqual(rebuilt);
    const exactPath = summarizeMany(db, { ...req, exactUpTo: Infinity }, []);
    expect(summarizeMany(db, { ...req, exactUpTo: 0, reports: { targetWaitMinutes: 12, satisfactionTarget: 0.95 } }, []).totals.waitWithinTarget.targetSeconds).toBe(720);
    db.exec(`UPDATE rollup_meta SET time_zone = 'Asia/Tokyo'`);
    expect(summarizeMany(db, { ...req, exactUpTo: 0 }, []).totals).toEqual(exactPath.totals); // not served by rollups of another zone
    floor = start();
    expect(db.prepare(`SELECT time_zone FROM rollup_meta`).pluck().get()).toBe(config.timezone);
  });
});
