import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startBackups, verify } from './backup';
import { openDb } from './open';

const tz = 'Asia/Ho_Chi_Minh';
const at = (local: string) => Date.parse(`${local}+07:00`);

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'qms-backup-'));
  const db = openDb(join(dir, 'qms.sqlite'));
  db.exec(`INSERT INTO services (id, code, name, name_en, prefix, width, start_number, default_service_seconds, satisfaction_target, sort)
           VALUES ('s', 'S', 'S', 'S', '1', 3, 1, 60, 0.95, 0)`);
  const ticket = (n: number) =>
    db.exec(`INSERT INTO tickets (id, service_day, service_id, seq, number, channel, status, queued_at, issued_at) VALUES ('t${n}', '2026-03-16', 's', ${n}, '1${String(n).padStart(3, '0')}', 'kiosk', 'waiting', 0, 0)`);
  return { dir, db, ticket };
}

const ticketsIn = (file: string) => {
  const copy = new Database(file, { readonly: true });
  try {
    return copy.prepare(`SELECT count(*) FROM tickets`).pluck().get();
  } finally {
    copy.close();
  }
};

describe('backups', () => {
  it('are taken at the configured local times with the day’s tickets in them, verified and private', async () => {
    const { dir, db, ticket } = setup();
    let now = at('2026-03-16T07:30:00');
    const backups = startBackups({ db, dir: join(dir, 'backups'), timeZone: tz, now: () => now, times: ['12:00', '17:30'], checkEveryMs: 3600_000 });
    await backups.stop(); // the copy at start (there was none) is done; checks are driven by hand below
    expect(backups.list()).toHaveLength(1);
    for (let n = 1; n <= 5; n++) ticket(n);

    now = at('2026-03-16T11:59:00');
    expect(backups.check()).toBeNull(); // not due before midday
    now = at('2026-03-16T12:00:30');
    const [midday] = (await backups.check())!;
    expect(midday!.file).toBe('qms-2026-03-16-120030.sqlite');
    expect(ticketsIn(join(dir, 'backups', midday!.file))).toBe(5);
    expect(statSync(join(dir, 'backups', midday!.file)).mode & 0o777).toBe(0o600);
    now = at('2026-03-16T15:00:00');
    expect(backups.check()).toBeNull(); // midday's copy is there

    for (let n = 6; n <= 8; n++) ticket(n);
    now = at('2026-03-16T17:31:00');
    await backups.check();
    const latest = backups.list()[0]!;
    expect(latest).toMatchObject({ file: 'qms-2026-03-16-173100.sqlite', verified: true, at: now });
    expect(ticketsIn(join(latest.dir, latest.file))).toBe(8);
    expect(backups.status()).toMatchObject({ lastGoodAt: now, failures: [] });
    // Each copy is one self-contained file: nothing beside it, no WAL needed to read it.
    expect(readdirSync(join(dir, 'backups'))).toEqual(['qms-2026-03-16-073000.sqlite', 'qms-2026-03-16-120030.sqlite', 'qms-2026-03-16-173100.sqlite']);
    const copy = new Database(join(latest.dir, latest.file), { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    db.close();
  });

  it('a time missed while the server was off is made up at start', async () => {
    const { dir, db } = setup();
    let now = at('2026-03-16T11:00:00');
    const first = startBackups({ db, dir: join(dir, 'backups'), timeZone: tz, now: () => now });
    await first.stop();
    now = at('2026-03-16T13:10:00'); // off from 11:00 to 13:10: midday was missed
    const second = startBackups({ db, dir: join(dir, 'backups'), timeZone: tz, now: () => now });
    await second.stop();
    expect(second.list().map((e) => e.file)).toEqual(['qms-2026-03-16-131000.sqlite', 'qms-2026-03-16-110000.sqlite']);
    db.close();
  });

  it('keeps `keepDays` days of copies', async () => {
    const { dir, db } = setup();
    let now = at('2026-03-16T12:05:00');
    const backups = startBackups({ db, dir: join(dir, 'backups'), timeZone: tz, now: () => now, times: ['12:00'], keepDays: 2, checkEveryMs: 3600_000, voiceDir: join(dir, 'voice') });
    await backups.stop();
    for (let day = 0; day < 4; day++) {
      now += 24 * 3600_000;
      await backups.check();
    }
    expect(backups.list().map((e) => e.file.slice(4, 14))).toEqual(['2026-03-20', '2026-03-19', '2026-03-18']);
    // The voice clips' folders go with their copies.
    expect(readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('.voice')).map((f) => f.slice(4, 14))).toEqual(['2026-03-18', '2026-03-19', '2026-03-20']);
    db.close();
  });

  it('a second folder that fails is reported and the main copy is still made', async () => {
    const { dir, db } = setup();
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const now = at('2026-03-16T12:05:00');
    const log: string[] = [];
    const backups = startBackups({ db, dir: join(dir, 'backups'), secondDir: join(blocker, 'usb'), timeZone: tz, now: () => now, log: (m) => log.push(m) });
    await backups.stop();
    expect(backups.list()).toMatchObject([{ dir: join(dir, 'backups'), verified: true }]);
    expect(backups.status()).toMatchObject({ lastGoodAt: now, failures: [{ dir: join(blocker, 'usb') }] });
    expect(log.join('\n')).toMatch(/thất bại.*failed/);

    const usb = join(dir, 'usb');
    const both = startBackups({ db, dir: join(dir, 'backups'), secondDir: usb, timeZone: tz, now: () => now + 1000 });
    await both.runNow();
    await both.stop();
    expect(both.list().filter((e) => e.dir === usb)).toMatchObject([{ verified: true }]);
    expect(both.status().failures).toEqual([]);
    db.close();
  });

  it('verification reads the copy and finds damage', async () => {
    const { dir, db } = setup();
    db.close();
    expect(await verify(join(dir, 'qms.sqlite'))).toBe('ok');
    const bad = join(dir, 'bad.sqlite');
    writeFileSync(bad, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 7)]));
    expect(await verify(bad)).not.toBe('ok');
  });
});
