import type { RatingCounts } from '@qms/protocol';
import type { HubEvent } from '@qms/protocol/hub';
import type { Client, Pool } from './db/pool';

const n = (v: unknown) => (Number.isInteger(v) ? (v as number) : 0);

/**
 * Applies a batch's paper-ballot events. Entered batches are kept under the center's ballot id (the first one the hub
 * received wins if a restored center reuses an id: that center is flagged diverged anyway); voided ones are marked.
 */
export async function applyPaperEvents(c: Client, centerId: number, events: readonly HubEvent[]) {
  for (const e of events) {
    const p = e.payload;
    if (e.type === 'paper_ballot.entered' && typeof p.serviceId === 'string' && typeof p.from === 'string' && typeof p.to === 'string') {
      await c.query(
        `INSERT INTO paper_ballots (center_id, ballot_id, service_id, period_from, period_to, very_satisfied, satisfied, neutral, dissatisfied, very_dissatisfied)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
        [centerId, n(p.id), p.serviceId, p.from, p.to, n(p.very_satisfied), n(p.satisfied), n(p.neutral), n(p.dissatisfied), n(p.very_dissatisfied)],
      );
    } else if (e.type === 'paper_ballot.voided') {
      await c.query('UPDATE paper_ballots SET voided = true WHERE center_id = $1 AND ballot_id = $2', [centerId, n(p.id)]);
    }
  }
}

export interface PaperSums {
  byCenter: Map<number, RatingCounts>;
  byService: Map<string, RatingCounts>;
  total: RatingCounts;
}

const empty = (): RatingCounts => ({ very_satisfied: 0, satisfied: 0, neutral: 0, dissatisfied: 0, very_dissatisfied: 0, total: 0 });
const levels = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied'] as const;

/** Live paper batches whose whole survey period lies inside from…to (of one center if given), summed per center, per field and in all. */
export async function paperSums(pool: Pool, from: string, to: string, centerId?: number): Promise<PaperSums> {
  const { rows } = await pool.query<{ center_id: number; service_id: string } & Record<(typeof levels)[number], number>>(
    `SELECT center_id, service_id, very_satisfied, satisfied, neutral, dissatisfied, very_dissatisfied FROM paper_ballots
     WHERE period_from >= $1 AND period_to <= $2 AND NOT voided AND ($3::int IS NULL OR center_id = $3)`,
    [from, to, centerId ?? null],
  );
  const sums: PaperSums = { byCenter: new Map(), byService: new Map(), total: empty() };
  for (const r of rows) {
    const targets = [
      sums.total,
      sums.byCenter.get(r.center_id) ?? sums.byCenter.set(r.center_id, empty()).get(r.center_id)!,
      sums.byService.get(r.service_id) ?? sums.byService.set(r.service_id, empty()).get(r.service_id)!,
    ];
    for (const t of targets) {
      for (const k of levels) t[k] += r[k];
      t.total += levels.reduce((s, k) => s + r[k], 0);
    }
  }
  return sums;
}
