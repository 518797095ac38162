import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { localDate } from '@qms/protocol';
import type { Db } from './open';
import type { Logger } from '../log';

export interface BackupOptions {
  db: Db;
  /** e.g. `data/backups`; copy it off the machine (USB disk, network share) for a real off-site copy. */
  dir: string;
  timeZone: string;
  now: () => number;
  /** Daily copies kept; older ones are removed. */
  keep?: number;
  checkEveryMs?: number;
  /** Officers' photos: copied whole to `<dir>/photos` with each daily copy (the latest only). */
  photoDir?: string;
  log?: Logger;
}

/**
 * One consistent copy of the database a day (`qms-YYYY-MM-DD.sqlite`, local date), taken with SQLite's online
 * backup while the floor keeps working; checked at start and every hour.
 */
export function startDailyBackups({ db, dir, timeZone, now, keep = 14, checkEveryMs = 3600_000, photoDir, log }: BackupOptions) {
  mkdirSync(dir, { recursive: true });
  let running: Promise<string | null> = Promise.resolve(null);
  const existing = () => readdirSync(dir).filter((f) => /^qms-\d{4}-\d{2}-\d{2}\.sqlite$/.test(f)).sort();

  const runOnce = (): Promise<string | null> => {
    running = running.then(async () => {
      const name = `qms-${localDate(now(), timeZone)}.sqlite`;
      if (existing().includes(name)) return null;
      const path = join(dir, name);
      try {
        await db.backup(`${path}.part`);
        renameSync(`${path}.part`, path);
      } catch (e) {
        rmSync(`${path}.part`, { force: true });
        log?.error({ err: e }, 'Sao lưu cơ sở dữ liệu thất bại / database backup failed');
        return null;
      }
      for (const old of existing().slice(0, -keep)) rmSync(join(dir, old), { force: true });
      if (photoDir) copyPhotos(photoDir, join(dir, 'photos'), log);
      return path;
    });
    return running;
  };

  void runOnce();
  const timer = setInterval(() => void runOnce(), checkEveryMs);
  timer.unref();
  return {
    runOnce,
    list: existing,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** Replaces the copy whole, so a photo removed or changed in type is not restored beside the current one. */
function copyPhotos(from: string, to: string, log: Logger | undefined) {
  if (!existsSync(from)) return;
  try {
    rmSync(`${to}.part`, { recursive: true, force: true });
    cpSync(from, `${to}.part`, { recursive: true });
    rmSync(to, { recursive: true, force: true });
    renameSync(`${to}.part`, to);
  } catch (e) {
    log?.error({ err: e }, 'Sao lưu ảnh cán bộ thất bại / photo backup failed');
  }
}
