import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { bareDb, floorOn } from './floor-cost';
import { median } from './stats';

/**
 * What one fsync'd commit costs the thread that makes it: the issue command's (the server's schema with its indexes
 * and rollups) against the bare endpoint's (a ticket row and an event row), in one process on one disk, taken turn
 * about after `warmup` rounds each. Each commit is timed alone (BEGIN, the writes, then the clock around COMMIT).
 * While each command commits with its own fsync on the main thread, 1 / (the command's commit) bounds tickets per
 * second whatever else is saved.
 */
export function commitCost({ rounds = 2000, warmup = 3000 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'qms-commit-cost-'));
  const clock = { now: Date.parse('2026-03-16T01:30:00Z') };
  const { db, floor } = floorOn(dir, clock);
  const bare = bareDb(dir);
  const services = floor.config.services.map((s) => s.id);
  const timedCommit = (d: Database.Database, writes: () => void) => {
    d.exec('BEGIN IMMEDIATE');
    writes();
    const t0 = process.hrtime.bigint();
    d.exec('COMMIT');
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  let i = 0;
  // The command runs as in the server, its reply stored under an Idempotency-Key as the kiosk's and the desk's are;
  // inside the open transaction its own becomes a savepoint.
  const once = () => ({ key: randomUUID(), reply: (r: unknown) => ({ status: 201, body: JSON.stringify(r) }) });
  const command = () => timedCommit(db, () => void floor.issue({ serviceId: services[i++ % services.length]!, channel: 'kiosk', staffId: null }, once()));
  const bareWrite = () => timedCommit(bare.db, () => bare.write(i++));
  const next = () => (clock.now += 50);

  for (let w = 0; w < warmup; w++, next()) {
    command();
    bareWrite();
  }
  // Timed with SQLite's automatic checkpoints, as the server runs.
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let r = 0; r < rounds; r++, next()) {
    ours.push(command());
    theirs.push(bareWrite());
  }

  // Pages counted apart: from a truncated WAL with automatic checkpoints off, the file grows by every frame.
  const pagesPer = (d: Database.Database, write: () => void, n = 200) => {
    d.pragma('wal_autocheckpoint = 0');
    d.pragma('wal_checkpoint(TRUNCATE)');
    for (let k = 0; k < n; k++, next()) write();
    return (statSync(`${d.name}-wal`).size - 32) / (24 + Number(d.pragma('page_size', { simple: true }))) / n;
  };
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const result = {
    rounds,
    command: { medianMs: median(ours), meanMs: mean(ours), pages: pagesPer(db, command) },
    bare: { medianMs: median(theirs), meanMs: mean(theirs), pages: pagesPer(bare.db, bareWrite) },
    groupOf4: pagesByTree(db, () => db.transaction(() => [0, 1, 2, 3].forEach(() => floor.issue({ serviceId: services[i++ % services.length]!, channel: 'kiosk', staffId: null }, once())))(), next),
  };
  db.close();
  bare.db.close();
  return result;
}

/**
 * The pages `n` commits of `write` put in the WAL, per commit, by the b-tree (table or index) each page belongs to: read
 * from the frames' headers after a truncated WAL, automatic checkpoints off.
 */
function pagesByTree(db: Database.Database, write: () => void, next: () => void, n = 100) {
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('wal_checkpoint(TRUNCATE)');
  for (let k = 0; k < n; k++, next()) write();
  const wal = readFileSync(`${db.name}-wal`);
  const pageSize = Number(db.pragma('page_size', { simple: true }));
  const owner = new Map((db.prepare('SELECT pageno, name FROM dbstat').all() as { pageno: number; name: string }[]).map((r) => [r.pageno, r.name]));
  const trees = new Map<string, number>();
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    const tree = owner.get(wal.readUInt32BE(at)) ?? '(free)';
    trees.set(tree, (trees.get(tree) ?? 0) + 1 / n);
  }
  return { pages: [...trees.values()].reduce((a, b) => a + b, 0), trees: [...trees].sort((a, b) => b[1] - a[1]) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = commitCost({ rounds: Number(process.argv[2] ?? 2000) });
  const line = (x: typeof r.command) => `median ${x.medianMs.toFixed(3)} ms, mean ${x.meanMs.toFixed(3)} ms, ${x.pages.toFixed(1)} WAL pages`;
  console.log(`commit of one issue command: ${line(r.command)}\nbare endpoint's commit: ${line(r.bare)}\n(${r.rounds} rounds each, taken turn about)`);
  console.log(`a group commit of four issue commands: ${r.groupOf4.pages.toFixed(1)} WAL pages — ${r.groupOf4.trees.map(([t, p]) => `${t} ${p.toFixed(2)}`).join(', ')}`);
}
