import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startDailyBackups } from './backup';
import { openDb } from './open';

describe('daily backups', () => {
  it('one consistent copy per local day, the oldest removed past `keep`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qms-backup-'));
    const db = openDb(join(dir, 'qms.sqlite'));
    db.exec(`INSERT INTO services (id, code, name, name_en, prefix, width, start_number, default_service_seconds, satisfaction_target, sort)
             VALUES ('s', 'S', 'S', 'S', '1', 3, 1, 60, 0.95, 0)`);
    let now = Date.parse('2026-03-16T16:59:00Z'); // 23:59 in Hanoi
    const backups = startDailyBackups({ db, dir: join(dir, 'backups'), timeZone: 'Asia/Ho_Chi_Minh', now: () => now, keep: 3 });
    await backups.runOnce();
    expect(backups.list()).toEqual(['qms-2026-03-16.sqlite']);
    expect(await backups.runOnce()).toBeNull(); // same day: nothing new

    const copy = new Database(join(dir, 'backups', 'qms-2026-03-16.sqlite'), { readonly: true });
    expect(copy.prepare(`SELECT id FROM services`).pluck().all()).toEqual(['s']);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();

    for (let day = 0; day < 4; day++) {
      now += 24 * 3600_000;
      await backups.runOnce();
    }
    expect(backups.list()).toEqual(['qms-2026-03-18.sqlite', 'qms-2026-03-19.sqlite', 'qms-2026-03-20.sqlite']);
    await backups.stop();
    db.close();
  });

  it('copies the officers\' photos with each daily copy, replacing the previous copy whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qms-backup-'));
    const db = openDb(join(dir, 'qms.sqlite'));
    const photos = join(dir, 'photos');
    mkdirSync(photos);
    writeFileSync(join(photos, 'canbo1.jpg'), 'old jpeg');
    let now = Date.parse('2026-03-16T03:00:00Z');
    const backups = startDailyBackups({ db, dir: join(dir, 'backups'), timeZone: 'Asia/Ho_Chi_Minh', now: () => now, photoDir: photos });
    await backups.runOnce();
    expect(readdirSync(join(dir, 'backups', 'photos'))).toEqual(['canbo1.jpg']);

    rmSync(join(photos, 'canbo1.jpg'));
    writeFileSync(join(photos, 'canbo1.png'), 'new png');
    now += 24 * 3600_000;
    await backups.runOnce();
    expect(readdirSync(join(dir, 'backups', 'photos'))).toEqual(['canbo1.png']);
    expect(readFileSync(join(dir, 'backups', 'photos', 'canbo1.png'), 'utf8')).toBe('new png');
    expect(readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('.part'))).toEqual([]);
    await backups.stop();
    db.close();
  });
});
