import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDisplaySettings, type FloorEvent } from '@qms/protocol';
import { demoConfigPath, loadConfig } from '../config/load';
import { dayCountsFromDb } from '../store/day-tally';
import { openDb, type Db } from '../store/open';
import { importOnFirstStart } from './setup-import';
import { createFloor, type Actor, type Floor } from '.';

/**
 * Every command is all or nothing: a failure right after its first write (a full disk, a bug, a constraint) leaves no
 * trace, neither in any table nor on the bus. The fault is injected through `FloorDeps.faults`.
 */
describe('a command that fails after its first write leaves nothing behind', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qms-all-or-nothing-'));
  let db: Db;
  let floor: Floor;
  let armed = false;
  const failedAfter: string[] = [];
  const published: FloorEvent[] = [];
  let clock = Date.parse('2026-03-16T02:00:00Z');
  let officer: Actor;

  beforeAll(() => {
    db = openDb(join(dir, 'qms.sqlite'));
    const config = importOnFirstStart(db, loadConfig(demoConfigPath), clock, () => undefined);
    floor = createFloor({
      db,
      config,
      now: () => clock,
      newId: randomUUID,
      faults: {
        afterFirstWrite: (sql) => {
          if (!armed) return;
          armed = false;
          failedAfter.push(sql);
          throw new Error('injected fault');
        },
      },
    });
    floor.bus.on('event', (e) => published.push(e));
    officer = { userId: floor.queries.users.byUsername('canbo1')!.id, role: 'staff' };
    floor.signIn(1, officer);
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Every row of every table, so any partial write shows. */
  function everything() {
    // A table WITHOUT ROWID (wr) is read in its key's order.
    const tables = db.prepare(`SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name != 'sqlite_schema' ORDER BY name`).all() as { name: string; wr: number }[];
    return Object.fromEntries(tables.map(({ name, wr }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY ${wr ? 1 : 'rowid'}`).all()]));
  }

  /** Runs `command` with the fault armed (it must fail and change nothing), then without (it must change something). */
  function allOrNothing<T>(command: () => T): T {
    const before = everything();
    const seq = floor.snapshot({ withWaiting: false }).seq;
    const display = floor.displaySettings();
    published.length = 0;
    failedAfter.length = 0;
    armed = true;
    expect(command).toThrow('injected fault');
    expect(failedAfter).toHaveLength(1); // the fault did fire, after a write
    expect(everything()).toEqual(before);
    expect(published).toEqual([]);
    expect(floor.snapshot({ withWaiting: false }).seq).toBe(seq);
    expect(floor.displaySettings()).toEqual(display);
    expectDayStateAsStored();
    clock += 1000;
    const result = command();
    expect(everything()).not.toEqual(before);
    return result;
  }

  /** `allOrNothing` for a command run in a group commit (`floor.grouped`): it settles at the end of the turn. */
  async function allOrNothingGrouped<T>(command: () => Promise<T>): Promise<T> {
    const before = everything();
    published.length = 0;
    failedAfter.length = 0;
    armed = true;
    await expect(command()).rejects.toThrow('injected fault');
    expect(failedAfter).toHaveLength(1);
    expect(everything()).toEqual(before);
    expect(published).toEqual([]);
    expectDayStateAsStored();
    clock += 1000;
    const result = await command();
    expect(everything()).not.toEqual(before);
    return result;
  }

  /** The day's counts the floor keeps in memory are the ones counted again from the tables. */
  function expectDayStateAsStored() {
    const { day, counts } = floor.dayState();
    expect(day).toBe(floor.serviceDay());
    expect(counts).toEqual(dayCountsFromDb(db, day));
  }

  const issue = () => floor.issue({ serviceId: 'ho-tich', channel: 'kiosk', staffId: null, print: { printerId: 'printer-1', kioskId: 'kiosk-1', counterId: null } });

  it('issue: no ticket without its event, no number used up', () => {
    const t = allOrNothing(issue);
    expect(t.number).toBe('1001');
  });

  it('call next, finish, transfer, cancel', () => {
    issue();
    issue();
    issue();
    const called = allOrNothing(() => floor.callNext(1, officer))!;
    floor.command(1, officer, { action: 'start' });
    allOrNothing(() => floor.command(1, officer, { action: 'finish' }));
    expect(floor.queries.tickets.get(called.id)!.status).toBe('done');
    const second = floor.callNext(1, officer)!;
    allOrNothing(() => floor.command(1, officer, { action: 'transfer', serviceId: 'chung-thuc' }));
    expect(floor.queries.tickets.get(second.id)!.serviceId).toBe('chung-thuc');
    allOrNothing(() => floor.cancel(second.id, officer.userId));
  });

  it('rating', () => {
    issue();
    const t = floor.callNext(1, officer)!;
    floor.command(1, officer, { action: 'start' });
    floor.command(1, officer, { action: 'finish' });
    allOrNothing(() => floor.rate({ ticketId: t.id, level: 'satisfied' }, { channel: 'phone', key: floor.ratings.keyOf(t.id) }));
  });

  it('paper ballots: entering and voiding a batch', () => {
    const body = { serviceId: 'ho-tich', from: '2026-03-01', to: '2026-03-15', very_satisfied: 3, satisfied: 2, neutral: 1, dissatisfied: 0, very_dissatisfied: 0 };
    const id = allOrNothing(() => floor.enterPaperBallot(body, officer.userId));
    allOrNothing(() => floor.voidPaperBallot(id, officer.userId));
    expect(floor.voidPaperBallot(id, officer.userId)).toBe(false); // already void: nothing written
    const logged = db.prepare(`SELECT type, staff_id, payload FROM events WHERE type LIKE 'paper_ballot.%' ORDER BY id`).all() as { type: string; staff_id: number; payload: string }[];
    expect(logged.map((e) => [e.type, e.staff_id, JSON.parse(e.payload)])).toEqual([
      ['paper_ballot.entered', officer.userId, { id, ...body }],
      ['paper_ballot.voided', officer.userId, { id }],
    ]);
  });

  it('display settings (an admin change): stored, logged and in the snapshot together', () => {
    const next = { ...defaultDisplaySettings, notice: 'Chiều nay nghỉ từ 16 giờ' };
    allOrNothing(() => floor.saveDisplaySettings(next, officer.userId));
    expect(floor.snapshot({ withWaiting: false }).display).toEqual(next);
  });

  it('setup changes: a field, a counter, an account, the center, an import', () => {
    const admin = floor.queries.users.byUsername('admin')!.id;
    // The in-memory setup must follow the rollback too, or the kiosk would show a name the database never kept.
    allOrNothing(() => floor.setup.updateService(admin, 'ho-tich', { name: 'Hộ tịch – Khai sinh' }));
    expect(floor.services.find((s) => s.id === 'ho-tich')!.name).toBe('Hộ tịch – Khai sinh');
    allOrNothing(() => floor.setup.updateCounter(admin, 3, { serviceIds: ['chung-thuc', 'ho-tich'] }));
    allOrNothing(() => floor.setup.createUser(admin, { username: 'hoa', name: 'Nguyễn Thị Hoa', title: '', role: 'staff', counterId: null, counterIds: null }));
    allOrNothing(() => floor.setup.updateCenter(admin, { hotline: '0225 3 123 456' }));
    const file = loadConfig(demoConfigPath);
    allOrNothing(() => floor.setup.importSetup(admin, { ...file, services: file.services.map((x) => (x.id === 'bhxh' ? { ...x, name: 'BHXH Việt Nam' } : x)) }));
  });

  it('print outcomes, and the start-up sweep of prints a crash cut short', async () => {
    const t = issue();
    allOrNothing(() => floor.markInterruptedPrints());
    expect(floor.queries.tickets.get(t.id)!.printed).toBe(false);
    await allOrNothingGrouped(() => floor.recordPrint(t.id, { printed: true, printerId: 'printer-1', reason: null }));
    expect(floor.queries.tickets.get(t.id)!.printed).toBe(true);
  });

  it('a command that fails after its ticket writes (its reply cannot be stored) leaves the day counts as the database has them', () => {
    let n = 0;
    const unstorable = <T>() => ({ key: `k-${++n}`, reply: (): never => { throw new Error('reply not stored'); } }) as { key: string; reply: (r: T) => never };
    const req = { serviceId: 'ho-tich', channel: 'kiosk' as const, staffId: null };
    floor.issue(req);
    floor.issue(req);
    expectDayStateAsStored();
    expect(() => floor.issue(req, unstorable())).toThrow('reply not stored');
    expectDayStateAsStored();
    floor.callNext(1, officer);
    floor.command(1, officer, { action: 'start' });
    clock += 60_000;
    // Finishes the ticket in progress (a service time) and calls the next (one fewer waiting): both undone.
    expect(() => floor.callNext(1, officer, {}, unstorable())).toThrow('reply not stored');
    expectDayStateAsStored();
    expect(() => floor.command(1, officer, { action: 'finish' }, unstorable())).toThrow('reply not stored');
    expectDayStateAsStored();
    expect(() => floor.command(1, officer, { action: 'transfer', serviceId: 'chung-thuc' }, unstorable())).toThrow('reply not stored');
    expectDayStateAsStored();
    floor.command(1, officer, { action: 'finish' });
    expectDayStateAsStored();
  });
});
