import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { highWaterFile } from './high-water';
import { openDb } from './open';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'qms-hw-'));
  const db = openDb(join(dir, 'qms.sqlite'));
  for (const id of ['a', 'b']) {
    db.prepare(`INSERT INTO services (id, code, name, name_en, prefix, width, start_number, default_service_seconds, satisfaction_target, sort)
                VALUES (?, ?, ?, ?, ?, 3, 1, 60, 0.95, 0)`).run(id, id, id, id, id);
  }
  const seq = db.prepare(`INSERT INTO day_sequences (service_day, service_id, last_seq) VALUES (?, ?, ?)
                          ON CONFLICT (service_day, service_id) DO UPDATE SET last_seq = excluded.last_seq`);
  const last = (day: string, id: string) => db.prepare(`SELECT last_seq FROM day_sequences WHERE service_day = ? AND service_id = ?`).pluck().get(day, id);
  return { dir, db, seq, last, file: join(dir, 'numbering.json') };
}

describe('numbering high-water mark', () => {
  it('records the day’s sequences privately, keeps the day before, and never lowers a mark', () => {
    const { db, seq, file } = setup();
    const mark = highWaterFile(file);
    seq.run('2026-03-15', 'a', 40);
    mark.record(db, '2026-03-15');
    seq.run('2026-03-16', 'a', 7);
    seq.run('2026-03-16', 'b', 3);
    mark.record(db, '2026-03-16');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ '2026-03-15': { a: 40 }, '2026-03-16': { a: 7, b: 3 } });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    seq.run('2026-03-16', 'a', 2); // a database behind the mark (restored) does not pull it down
    mark.record(db, '2026-03-16');
    expect(mark.read()['2026-03-16']).toEqual({ a: 7, b: 3 });
    seq.run('2026-03-17', 'a', 1);
    mark.record(db, '2026-03-17');
    expect(Object.keys(mark.read())).toEqual(['2026-03-16', '2026-03-17']);
    db.close();
  });

  it('is written without fsync after each ticket; with fsync only when asked (at start)', () => {
    const { db, seq, file } = setup();
    const synced: number[] = [];
    const mark = highWaterFile(file, (fd) => synced.push(fd));
    seq.run('2026-03-16', 'a', 1);
    mark.record(db, '2026-03-16', { sync: true });
    for (let n = 2; n <= 5; n++) {
      seq.run('2026-03-16', 'a', n);
      mark.record(db, '2026-03-16');
    }
    expect(synced).toHaveLength(1);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ '2026-03-16': { a: 5 } }); // what a restore reads, process crash or not
    seq.run('2026-03-17', 'b', 1); // shorter than before: written over the old text, padded
    mark.record(db, '2026-03-17');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ '2026-03-16': { a: 5 }, '2026-03-17': { b: 1 } });
    mark.record(db, '2026-03-18');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ '2026-03-17': { b: 1 }, '2026-03-18': {} });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    mark.close();
    db.close();
  });

  it('at start raises only the sequences behind the mark, for fields that still exist', () => {
    const { db, seq, last, file } = setup();
    seq.run('2026-03-16', 'a', 9);
    seq.run('2026-03-16', 'b', 3);
    writeFileSync(file, JSON.stringify({ '2026-03-16': { a: 5, b: 12, gone: 4, c: 'x' } }));
    expect(highWaterFile(file).restore(db)).toEqual([{ day: '2026-03-16', serviceId: 'b', from: 3, to: 12 }]);
    expect([last('2026-03-16', 'a'), last('2026-03-16', 'b')]).toEqual([9, 12]);
    writeFileSync(file, '{"2026-03-16": {"a": 5'); // torn or hand-broken: ignored, nothing raised
    expect(highWaterFile(file).restore(db)).toEqual([]);
    db.close();
  });
});
