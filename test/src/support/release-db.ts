import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';

/** A populated database written by release 0.1.0 (made by make-release-db.ts), and the figures it computed from it. */
export const releaseFixture = fileURLToPath(new URL('../../fixtures/release-0.1.0.sqlite', import.meta.url));
export const releaseSummaries = releaseFixture.replace(/\.sqlite$/, '.summary.json');

/** The report queries whose answers must not change when the database is upgraded. */
export const summaryQueries = [
  'from=2026-03-01&to=2026-03-31',
  'from=2026-03-01&to=2026-03-31&groupBy=service',
  'from=2026-03-01&to=2026-03-31&groupBy=counter',
  'from=2026-03-02&to=2026-03-04&groupBy=day',
];

const tables = ['tickets', 'events', 'ratings', 'paper_ballots', 'users', 'counters', 'services', 'day_sequences', 'secrets'];

/** Rows per table, and what must survive in them word for word. */
export function contentsOf(db: Database.Database) {
  const count = (t: string) => db.prepare<[], number>(`SELECT count(*) FROM ${t}`).pluck().get();
  return {
    counts: Object.fromEntries(tables.map((t) => [t, count(t)])),
    tickets: db.prepare(`SELECT id, service_day, service_id, number, status, counter_id, issued_at, finished_at FROM tickets ORDER BY id`).all(),
    ratings: db.prepare(`SELECT ticket_id, level, counter_id, staff_id, at FROM ratings ORDER BY ticket_id`).all(),
    paper: db.prepare(`SELECT service_id, period_from, period_to, very_satisfied, satisfied, neutral, dissatisfied, very_dissatisfied, note FROM paper_ballots ORDER BY id`).all(),
    ratingKey: db.prepare<[], Buffer>(`SELECT rating_key FROM secrets WHERE id = 1`).pluck().get()?.toString('hex'),
  };
}
