import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createFloor } from '../../server/src/floor';
import { ticketId } from '../../server/src/floor/ticket-id';
import { importOnFirstStart } from '../../server/src/floor/setup-import';
import { demoConfigPath, loadConfig } from '../../server/src/config/load';
import { openDb } from '../../server/src/store/open';
import { median } from './stats';

const services = ['ho-tich', 'chung-thuc', 'dat-dai', 'xay-dung', 'bao-tro-xa-hoi', 'nguoi-co-cong', 'bhxh'];
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const userMs = () => process.cpuUsage().user / 1000;

export function floorOn(dir: string, clock: { now: number }) {
  const db = openDb(join(dir, 'qms.sqlite'));
  if (process.env.BENCH_CACHE) db.pragma(`cache_size = ${process.env.BENCH_CACHE}`);
  // The setup is imported long before the history the benchmarks write, so the event log stays in time order.
  const file = loadConfig(demoConfigPath);
  const config = importOnFirstStart(db, { ...file, services: file.services.map((s) => ({ ...s, width: 5 })) }, clock.now - 400 * 24 * 3600_000, () => undefined);
  return { db, floor: createFloor({ db, config, now: () => clock.now, newId: () => ticketId(clock.now) }) };
}

/** The bare endpoint's database: a ticket row and an event row per ticket (WAL, synchronous=FULL); `write` outside any transaction. */
export function bareDb(dir: string) {
  const db = new Database(join(dir, 'bare.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE t (id TEXT PRIMARY KEY, service_id TEXT, number TEXT, status TEXT, issued_at INTEGER);
           CREATE TABLE e (id INTEGER PRIMARY KEY, type TEXT, ticket_id TEXT, payload TEXT, at INTEGER)`);
  const ins = db.prepare(`INSERT INTO t VALUES (?, ?, ?, 'waiting', ?)`);
  const ev = db.prepare(`INSERT INTO e (type, ticket_id, payload, at) VALUES ('ticket.issued', ?, ?, ?)`);
  const write = (i: number) => {
    const id = randomUUID();
    ins.run(id, services[i % 7], String(i), Date.now());
    ev.run(id, JSON.stringify({ serviceId: services[i % 7] }), Date.now());
  };
  return { db, write };
}

/** CPU per ticket of a bare better-sqlite3 transaction with the same durable writes (ticket row + event row, FULL sync). */
function bareIssueCpu(dir: string, n: number) {
  const { db, write } = bareDb(dir);
  const issue = db.transaction(write);
  const start = cpuMs();
  for (let i = 0; i < n; i++) issue(i);
  const per = (cpuMs() - start) / n;
  db.close();
  return per;
}

/**
 * One service day of 20,000 tickets issued through the floor (in process, real SQLite file, synchronous=FULL), with
 * six counters calling and finishing along the way: CPU of the issue command per ticket over the first 500 and the last 500.
 */
export function flatDay({ tickets = 20_000, window = 500 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'qms-bench-day-'));
  try {
    const clock = { now: Date.parse('2026-03-16T00:30:00Z') };
    const { db, floor } = floorOn(dir, clock);
    const officers = [1, 2, 3, 4, 5, 6].map((i) => ({ userId: floor.queries.users.byUsername(`canbo${i}`)!.id, role: 'staff' as const }));
    for (const [i, o] of officers.entries()) floor.signIn(i + 1, o);
    const windows: number[] = [];
    const userWindows: number[] = [];
    let spent = 0;
    let spentUser = 0;
    for (let i = 0; i < tickets; i++) {
      clock.now += 1000;
      const started = cpuMs();
      const startedUser = userMs();
      floor.issue({ serviceId: services[i % services.length]!, channel: 'kiosk', staffId: null });
      spent += cpuMs() - started;
      spentUser += userMs() - startedUser;
      if (i % window === window - 1) {
        windows.push(spent / window);
        userWindows.push(spentUser / window);
        spent = 0;
        spentUser = 0;
      }
      // A counter calls for each ticket issued (finishing the one before), so the day's finished tickets grow with
      // the day while the hall's queue stays about as long as in a real center.
      const c = 1 + (i % 6);
      floor.callNext(c, officers[c - 1]!);
    }
    db.close();
    const bare = bareIssueCpu(dir, 2000);
    const first = windows[0]!;
    const last = windows.at(-1)!;
    const userFirst = userWindows[0]!;
    const userLast = userWindows.at(-1)!;
    return { tickets, window, firstMs: round(first), lastMs: round(last), lastOverFirst: round(last / first), userFirstMs: round(userFirst), userLastMs: round(userLast), userLastOverFirst: round(userLast / userFirst), bareMs: round(bare), firstOverBare: round(first / bare), lastOverBare: round(last / bare) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Milliseconds for one display snapshot (what every socket gets on (re)connect) with `pastCalls` call events before today. */
export function snapshotCost({ pastCalls = [100, 1_000_000], samples = 30 } = {}) {
  const rows: { pastCalls: number; medianMs: number }[] = [];
  for (const n of pastCalls) {
    const dir = mkdtempSync(join(tmpdir(), 'qms-bench-snap-'));
    try {
      const clock = { now: Date.parse('2026-03-16T01:30:00Z') };
      const { db, floor } = floorOn(dir, clock);
      // A year of calls before today, straight into the event log (one transaction).
      const append = db.prepare(`INSERT INTO events (type, ticket_id, counter_id, staff_id, payload, at) VALUES ('ticket.called', ?, 1, NULL, '{}', ?)`);
      const yearAgo = clock.now - 365 * 24 * 3600_000;
      db.pragma('foreign_keys = OFF'); // the calls' old tickets are not needed for the figure
      db.transaction(() => {
        for (let i = 0; i < n; i++) append.run(`old-${i}`, yearAgo + Math.floor((i / n) * 360 * 24 * 3600_000));
      })();
      db.pragma('foreign_keys = ON');
      const officer = { userId: floor.queries.users.byUsername('canbo1')!.id, role: 'staff' as const };
      floor.signIn(1, officer);
      for (let i = 0; i < 5; i++) floor.issue({ serviceId: 'ho-tich', channel: 'kiosk', staffId: null });
      for (let i = 0; i < 3; i++) floor.callNext(1, officer);
      const times: number[] = [];
      for (let i = 0; i < samples; i++) {
        const t = performance.now();
        floor.snapshot({ withWaiting: false });
        times.push(performance.now() - t);
      }
      rows.push({ pastCalls: n, medianMs: round(median(times)) });
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log('snapshot:', snapshotCost());
  console.log('flat day:', flatDay());
}
