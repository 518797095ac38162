// One day's rollup row (a center × field × day) from its tickets: the encoded FigureRollup (the centers' own rollup
// format, @qms/protocol/figures) plus plain columns of its counts for SQL overviews.
import { FigureRollup, type TicketFact } from '@qms/protocol/figures';

/** The city's wait target (15 minutes): a wait-bucket edge, so rollups serve "within target" exactly. */
export const targetWaitSeconds = 15 * 60;

export interface DayRow {
  center_id: number;
  day: string;
  service_id: string;
  figures: Buffer;
  [column: string]: unknown;
}

const levels = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied'] as const;

/** A day's row from its tickets (in a fixed order, so a rebuild writes the same row). */
export function rowOfFacts(centerId: number, day: string, serviceId: string, facts: readonly TicketFact[]): DayRow {
  const r = new FigureRollup();
  for (const t of facts) r.add(t);
  return {
    center_id: centerId,
    day,
    service_id: serviceId,
    issued: r.issued,
    served: r.served,
    no_show: r.noShow,
    cancelled: r.cancelled,
    transferred: r.transferred,
    called: r.wait.n,
    wait_seconds_sum: r.wait.sum / 1000,
    wait_seconds_max: r.wait.n ? r.wait.max / 1000 : null,
    service_timed: r.service.n,
    service_seconds_sum: r.service.sum / 1000,
    service_seconds_max: r.service.n ? r.service.max / 1000 : null,
    ...Object.fromEntries(levels.map((k, i) => [k, r.ratings[i]])),
    ratings_with_dossier: r.withDossier,
    ratings_skipped: r.skipped,
    figures: Buffer.from(r.encode()),
  };
}

export const dayColumns = [
  'center_id', 'day', 'service_id', 'issued', 'served', 'no_show', 'cancelled', 'transferred', 'called', 'wait_seconds_sum', 'wait_seconds_max',
  'service_timed', 'service_seconds_sum', 'service_seconds_max', ...levels, 'ratings_with_dossier', 'ratings_skipped', 'figures',
] as const;
