import { toLocalIso, type PaperBallot, type PaperBallotBody, type PaperLeftOut, type RatingCounts } from '@qms/protocol';
import type { Db } from '../store/open';
import { emptyCounts } from '@qms/protocol/figures';

interface BallotRow {
  id: number;
  service_id: string;
  period_from: string;
  period_to: string;
  very_satisfied: number;
  satisfied: number;
  neutral: number;
  dissatisfied: number;
  very_dissatisfied: number;
  note: string | null;
  entered_by_name: string | null;
  entered_at: number;
  voided_at: number | null;
}

const levels = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied'] as const;

/** Paper ballots whose whole survey period lies inside from…to, so no batch is counted in two adjacent months. */
export function paperBallotsIn(db: Db, from: string, to: string, timeZone: string, withVoided = false): PaperBallot[] {
  return db
    .prepare<[string, string], BallotRow>(
      `SELECT p.*, u.name AS entered_by_name FROM paper_ballots p LEFT JOIN users u ON u.id = p.entered_by
       WHERE p.period_from >= ? AND p.period_to <= ? ${withVoided ? '' : 'AND p.voided_at IS NULL'} ORDER BY p.period_from, p.id`,
    )
    .all(from, to)
    .map((r) => ({
      id: r.id,
      serviceId: r.service_id,
      from: r.period_from,
      to: r.period_to,
      counts: countsOf(r),
      note: r.note,
      enteredBy: r.entered_by_name,
      enteredAt: toLocalIso(r.entered_at, timeZone),
      voided: r.voided_at !== null,
    }));
}

/** Live batches that lie partly outside from…to (so `paperBallotsIn` leaves them out), to tell the manager. */
export function paperBallotsStraddling(db: Db, from: string, to: string): PaperLeftOut {
  const row = db
    .prepare<[string, string, string, string], { batches: number; ballots: number | null }>(
      `SELECT COUNT(*) AS batches, SUM(very_satisfied + satisfied + neutral + dissatisfied + very_dissatisfied) AS ballots FROM paper_ballots
       WHERE voided_at IS NULL AND period_from <= ? AND period_to >= ? AND (period_from < ? OR period_to > ?)`,
    )
    .get(to, from, from, to)!;
  return { batches: row.batches, ballots: row.ballots ?? 0 };
}

function countsOf(r: Pick<BallotRow, (typeof levels)[number]>): RatingCounts {
  const c = emptyCounts();
  for (const l of levels) {
    c[l] = r[l];
    c.total += r[l];
  }
  return c;
}

/** Sums ballots per field. */
export function paperCountsByService(ballots: readonly PaperBallot[]): Map<string, RatingCounts> {
  const m = new Map<string, RatingCounts>();
  for (const b of ballots) {
    const c = m.get(b.serviceId) ?? emptyCounts();
    for (const l of [...levels, 'total'] as const) c[l] += b.counts[l];
    m.set(b.serviceId, c);
  }
  return m;
}

export function sumCounts(all: Iterable<RatingCounts>): RatingCounts {
  const c = emptyCounts();
  for (const x of all) for (const l of [...levels, 'total'] as const) c[l] += x[l];
  return c;
}

export function insertPaperBallot(db: Db, body: PaperBallotBody, enteredBy: number | null, now: number): number {
  const r = db
    .prepare(
      `INSERT INTO paper_ballots (service_id, period_from, period_to, very_satisfied, satisfied, neutral, dissatisfied, very_dissatisfied, note, entered_by, entered_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(body.serviceId, body.from, body.to, ...levels.map((l) => body[l]), body.note ?? null, enteredBy, now);
  return Number(r.lastInsertRowid);
}

/** Marks a batch void (a typing mistake); history is kept. Returns false when there is no such live batch. */
export function voidPaperBallot(db: Db, id: number, by: number | null, now: number): boolean {
  return db.prepare(`UPDATE paper_ballots SET voided_at = ?, voided_by = ? WHERE id = ? AND voided_at IS NULL`).run(now, by, id).changes === 1;
}
