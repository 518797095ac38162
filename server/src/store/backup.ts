import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { localDate, localParts } from '@qms/protocol';
import type { Db } from './open';
import { backupVoiceClips } from './voice-backup';

export interface BackupOptions {
  db: Db;
  /** e.g. `data/backups`. */
  dir: string;
  /** A second target (USB disk, network share): its own copy, its failure reported and not fatal. */
  secondDir?: string | null;
  /** Local `HH:MM` times a copy is due (default midday and after closing). */
  times?: readonly string[];
  timeZone: string;
  now: () => number;
  /** Days of copies kept; older ones are removed. */
  keepDays?: number;
  checkEveryMs?: number;
  /** Officers' photos: copied whole to `<dir>/photos` with each copy (the latest only). */
  photoDir?: string;
  /** The voice studio's folder: the clips each copy names go to `<copy>.voice/` beside it, in every target. */
  voiceDir?: string;
  log?: (message: string) => void;
}

export interface BackupEntry {
  dir: string;
  file: string;
  /** Epoch ms the copy was taken (from its name, local time). */
  at: number;
  size: number;
  /** `PRAGMA integrity_check` on the copy said ok. */
  verified: boolean;
}

export interface BackupStatus {
  lastGoodAt: number | null;
  lastAttemptAt: number | null;
  /** The last attempt's failures, one per target; empty when it went well. */
  failures: { dir: string; message: string }[];
}

const namePattern = /^qms-(\d{4}-\d{2}-\d{2})-(\d{2})(\d{2})(\d{2})\.sqlite(\.bad)?$/;
const retryAfterMs = 10 * 60_000;

/** `qms-2026-03-16-120000.sqlite`: local date and time, so copies sort by name and read at a glance. */
export function backupName(ms: number, timeZone: string, prefix = 'qms'): string {
  const p = localParts(ms, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${prefix}-${localDate(ms, timeZone)}-${two(p.hour)}${two(p.minute)}${two(p.second)}.sqlite`;
}

/**
 * Copies of the database taken with SQLite's online backup while the floor keeps working: at the configured local
 * times (a time missed while the server was off is made up at the next check), on demand, and at start when there
 * is no good copy of the last day. Each copy is written as `.part`, checked with `integrity_check` opened read-only,
 * then renamed; a copy that fails the check is kept as `.bad` for inspection and reported.
 */
export function startBackups(opts: BackupOptions) {
  const { db, dir, timeZone, now, keepDays = 14, checkEveryMs = 60_000, photoDir, voiceDir } = opts;
  const times = [...(opts.times ?? ['12:00', '17:30'])].sort();
  const log = (message: string) => opts.log?.(message);
  const targets = [dir, ...(opts.secondDir ? [opts.secondDir] : [])];
  let running: Promise<BackupEntry[]> = Promise.resolve([]);
  const status: BackupStatus = { lastGoodAt: null, lastAttemptAt: null, failures: [] };
  status.lastGoodAt = list().find((e) => e.dir === dir && e.verified)?.at ?? null;
  makePrivate(dir);

  function list(): BackupEntry[] {
    const entries: BackupEntry[] = [];
    for (const d of targets) {
      let files: string[];
      try {
        files = readdirSync(d);
      } catch {
        continue;
      }
      for (const file of files) {
        const m = namePattern.exec(file);
        if (!m) continue;
        entries.push({ dir: d, file, at: atOf(m), size: statSync(join(d, file)).size, verified: !m[5] });
      }
    }
    return entries.sort((a, b) => b.at - a.at || a.dir.localeCompare(b.dir));
  }

  function atOf(m: RegExpExecArray): number {
    // The name is local time; find the instant by the day's offset at noon UTC (good enough for a listing).
    const guess = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`);
    const local = localParts(guess, timeZone);
    const drift = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second) - guess;
    return guess - drift;
  }

  async function copyTo(target: string, name: string): Promise<BackupEntry> {
    mkdirSync(target, { recursive: true, mode: 0o700 });
    if (target === dir) chmodSync(target, 0o700);
    const path = join(target, name);
    const part = `${path}.part`;
    try {
      await db.backup(part);
      chmodSync(part, 0o600);
      standalone(part);
      const check = await verify(part);
      renameSync(part, check === 'ok' ? path : `${path}.bad`);
      if (check !== 'ok') throw new Error(`integrity_check: ${check}`);
      return { dir: target, file: name, at: now(), size: statSync(path).size, verified: true };
    } finally {
      for (const f of [part, `${part}-wal`, `${part}-shm`]) rmSync(f, { force: true });
    }
  }

  function prune() {
    const oldest = localDate(now() - keepDays * 24 * 3600_000, timeZone);
    for (const e of list()) if (e.file.slice(4, 14) < oldest) rmSync(join(e.dir, e.file), { force: true });
    for (const d of targets.filter((t) => existsSync(t))) {
      for (const f of readdirSync(d)) if (/^qms-.*\.voice(\.part)?$/.test(f) && f.slice(4, 14) < oldest) rmSync(join(d, f), { recursive: true, force: true });
    }
  }

  /** Takes one copy in every target now; resolves with the good ones (failures are in `status()`). */
  function runNow(): Promise<BackupEntry[]> {
    running = running.then(async () => {
      const at = now();
      const name = backupName(at, timeZone);
      const done: BackupEntry[] = [];
      const failures: BackupStatus['failures'] = [];
      for (const target of targets) {
        try {
          done.push(await copyTo(target, name));
        } catch (e) {
          failures.push({ dir: target, message: (e as Error).message });
          log(`Sao lưu cơ sở dữ liệu vào ${target} thất bại / database backup to ${target} failed: ${(e as Error).message}`);
          continue;
        }
        if (!voiceDir) continue;
        try {
          backupVoiceClips(join(target, name), voiceDir, target, name);
        } catch (e) {
          // The database copy is good and kept; the warning says its recordings are not with it.
          failures.push({ dir: target, message: `voice clips: ${(e as Error).message}` });
          log(`Sao lưu giọng đọc vào ${target} thất bại / voice clip backup to ${target} failed: ${(e as Error).message}`);
        }
      }
      status.lastAttemptAt = at;
      status.failures = failures;
      if (done.length > 0) status.lastGoodAt = at;
      try {
        prune();
      } catch (e) {
        log(`Xóa bản sao cũ thất bại / removing old backups failed: ${(e as Error).message}`);
      }
      if (photoDir && done.some((e) => e.dir === dir)) copyPhotos(photoDir, join(dir, 'photos'), log);
      return done;
    });
    return running;
  }

  /** The latest due time already passed (today's, else yesterday's last), as epoch ms. */
  function lastDue(at: number): number {
    const p = localParts(at, timeZone);
    const minute = p.hour * 60 + p.minute;
    const todays = times.filter((t) => toMinutes(t) <= minute);
    const dayStart = at - (minute * 60 + p.second) * 1000 - (at % 1000);
    if (todays.length > 0) return dayStart + toMinutes(todays[todays.length - 1]!) * 60_000;
    return dayStart - 24 * 3600_000 + toMinutes(times[times.length - 1]!) * 60_000;
  }

  let lastTry = 0;
  let inFlight = false;
  /** Takes a copy when one is due (none since the last due time); after a failure, tries again every 10 minutes. */
  function check(): Promise<BackupEntry[]> | null {
    const at = now();
    const due = status.lastGoodAt === null || status.lastGoodAt < lastDue(at);
    const waiting = status.failures.length > 0 && at - lastTry < retryAfterMs;
    if (!due || waiting || inFlight) return null;
    lastTry = at;
    inFlight = true;
    return runNow().finally(() => (inFlight = false));
  }

  void check();
  const timer = setInterval(() => void check(), checkEveryMs);
  timer.unref();
  return {
    dir,
    runNow,
    check,
    list,
    status: (): BackupStatus => ({ ...status, failures: [...status.failures] }),
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
export type Backups = ReturnType<typeof startBackups>;

/** Copies made by an earlier release were world-readable (0644); they hold the same data as the database. */
function makePrivate(dir: string) {
  try {
    chmodSync(dir, 0o700);
    for (const f of readdirSync(dir)) if (/\.sqlite(\.bad)?$/.test(f)) chmodSync(join(dir, f), 0o600);
  } catch {
    // No folder yet: the first copy creates it private.
  }
}

/**
 * The copy keeps the database's WAL mode, so opening it (even read-only) would leave `-wal`/`-shm` files beside it:
 * switched to a rollback journal it is one self-contained file, as a restore wants it (the server sets WAL again).
 */
function standalone(path: string) {
  const copy = new Database(path, { fileMustExist: true });
  try {
    copy.pragma('synchronous = FULL');
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** `ok`, or what SQLite found wrong, from the copy opened read-only in a worker thread (the check reads every page). */
export function verify(path: string): Promise<string> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./verify-worker.mjs', import.meta.url), { workerData: { path }, execArgv: [] });
    let answered = false;
    worker.once('message', (m: string) => {
      answered = true;
      resolve(m);
    });
    worker.once('error', (e) => {
      answered = true;
      resolve(e.message);
    });
    worker.once('exit', (code) => {
      if (!answered) resolve(`the check stopped (exit code ${code})`);
    });
  });
}

function toMinutes(t: string): number {
  const [h, m] = t.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Replaces the copy whole, so a photo removed or changed in type is not restored beside the current one. */
function copyPhotos(from: string, to: string, log: (m: string) => void) {
  if (!existsSync(from)) return;
  try {
    rmSync(`${to}.part`, { recursive: true, force: true });
    cpSync(from, `${to}.part`, { recursive: true });
    rmSync(to, { recursive: true, force: true });
    renameSync(`${to}.part`, to);
  } catch (e) {
    log(`Sao lưu ảnh cán bộ thất bại / photo backup failed: ${(e as Error).message}`);
  }
}
