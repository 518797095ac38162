import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import type { Db } from './open';

/** Per service day, per service: the highest sequence number ever issued. */
export type HighWater = Record<string, Record<string, number>>;

/**
 * The highest ticket numbers issued, kept in a small file beside the database (not in it), so a database restored
 * from an earlier copy never hands out again a number a citizen already holds. Read at start, where it raises the
 * database's day sequences (that raise is committed with fsync), then written with fsync once (`record(…, { sync: true })`).
 * After each issuing commit it is written (temp file, rename) WITHOUT fsync: a restore happens while the OS runs, so
 * the page cache holds the newest mark even if the server process died; only a power cut can lose an unsynced write,
 * and then the database (whose commits are fsync'd) is itself the newest, so the start's max(database, file) is right.
 */
export function highWaterFile(path: string, fsync: (fd: number) => void = fsyncSync) {
  let cached: HighWater | null = null;
  let live: { fd: number; size: number } | null = null;
  let sequences: { db: Db; get: (day: string) => { service_id: string; last_seq: number }[] } | null = null;
  const read = (): HighWater => {
    try {
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as HighWater) : {};
    } catch {
      return {};
    }
  };

  /**
   * Records the database's sequences of `day` (keeping only that day and the one before it in the file); fsynced
   * only with `sync` (at start). The file's content is kept in memory after the first read: the server is its only writer.
   */
  const record = (db: Db, day: string, opts: { sync?: boolean } = {}) => {
    if (sequences?.db !== db) {
      const st = db.prepare<[string], { service_id: string; last_seq: number }>(`SELECT service_id, last_seq FROM day_sequences WHERE service_day = ?`);
      sequences = { db, get: (d) => st.all(d) };
    }
    const rows = sequences.get(day);
    const known = (cached ??= read());
    const next: HighWater = {};
    for (const d of Object.keys(known).sort().slice(-1)) if (d < day) next[d] = known[d]!;
    next[day] = { ...known[day] };
    for (const r of rows) next[day][r.service_id] = Math.max(next[day][r.service_id] ?? 0, r.last_seq);
    const text = JSON.stringify(next);
    if (opts.sync || live === null) {
      // Temp file, fsync, rename: the file is replaced whole. Then it stays open for the writes that follow.
      if (live !== null) closeSync(live.fd);
      live = null;
      const tmp = `${path}.tmp`;
      const fd = openSync(tmp, 'w', 0o600);
      try {
        writeSync(fd, text);
        if (opts.sync) fsync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, path);
      live = { fd: openSync(path, 'r+'), size: text.length };
    } else {
      // One write in place from the start, padded with spaces to the length before (JSON allows them after the value):
      // the kernel copies a write within one page at once, so a killed process leaves the old text or the new one.
      writeSync(live.fd, text.padEnd(live.size), 0);
      live.size = Math.max(live.size, text.length);
    }
    cached = next;
  };

  /** Raises each day sequence of the database to the file's mark; returns the sequences it raised. */
  const restore = (db: Db): { day: string; serviceId: string; from: number | null; to: number }[] => {
    const raised: { day: string; serviceId: string; from: number | null; to: number }[] = [];
    const current = db.prepare<[string, string], number>(`SELECT last_seq FROM day_sequences WHERE service_day = ? AND service_id = ?`).pluck();
    const save = db.prepare(
      `INSERT INTO day_sequences (service_day, service_id, last_seq) VALUES (?, ?, ?)
       ON CONFLICT (service_day, service_id) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)`,
    );
    const exists = db.prepare<[string], number>(`SELECT 1 FROM services WHERE id = ?`).pluck();
    const known = read();
    cached = known;
    db.transaction(() => {
      for (const [day, services] of Object.entries(known)) {
        for (const [serviceId, seq] of Object.entries(services)) {
          if (typeof seq !== 'number' || !exists.get(serviceId)) continue;
          const from = current.get(day, serviceId) ?? null;
          if (from !== null && from >= seq) continue;
          save.run(day, serviceId, seq);
          raised.push({ day, serviceId, from, to: seq });
        }
      }
    })();
    return raised;
  };

  const close = () => {
    if (live !== null) closeSync(live.fd);
    live = null;
  };

  return { read, record, restore, close };
}
