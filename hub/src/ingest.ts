import { createHash } from 'node:crypto';
import type { HubEvent, HubPushReply } from '@qms/protocol/hub';
import type { Client, Pool } from './db/pool';
import { inTransaction } from './db/pool';
import { foldTicket, type FactEvent, type HubTicketFact } from './facts';
import { applyPaperEvents } from './paper';
import { rewriteRollups } from './rollups';

/** The identity of an event's content: the same event sent twice hashes the same; another event under its id does not. */
export function contentHash(e: HubEvent): string {
  return createHash('sha256')
    .update(JSON.stringify([e.id, e.type, e.ticketId, e.counterId, e.staffId, e.payload, e.at, e.serviceDay ?? null]))
    .digest('hex');
}

const monthStart = (ms: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};
const nextMonth = (ms: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
};

/** Creates the month partitions the events fall in (UTC months), before they are inserted. */
async function ensurePartitions(c: Client, times: readonly number[]) {
  for (const start of new Set(times.map(monthStart))) {
    const d = new Date(start);
    const name = `events_${d.getUTCFullYear()}_${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    const exists = async () => ((await c.query('SELECT 1 FROM pg_class WHERE relname = $1', [name])).rowCount ?? 0) > 0;
    if (await exists()) continue;
    // Two centers' first events of a month may arrive together: one creates the partition, the other waits for it.
    await c.query('SELECT pg_advisory_xact_lock(7310002)');
    if (!(await exists())) {
      await c.query(`CREATE TABLE ${name} PARTITION OF events FOR VALUES FROM ('${new Date(start).toISOString()}') TO ('${new Date(nextMonth(start)).toISOString()}')`);
    }
  }
}

/**
 * Stores a center's batch once: an event already held with the same content is skipped; one whose id the hub holds
 * with other content is kept as well, marked diverged, and the center is flagged. The facts of every ticket the new
 * events touch are folded again from all of that ticket's events, in the same transaction.
 */
export async function ingest(pool: Pool, centerId: number, events: readonly HubEvent[], now: () => number): Promise<HubPushReply> {
  // Partitions first, in their own transaction: creating one locks the whole events table, which must not happen while
  // this batch (or another center's) holds a lock on it and waits for the creator (a deadlock between two centers'
  // first events of a month).
  await inTransaction(pool, (c) => ensurePartitions(c, events.map((e) => e.at)));
  return inTransaction(pool, async (c) => {
    // One batch of a center at a time: a retry racing its original cannot both see "new".
    await c.query('SELECT pg_advisory_xact_lock(7310003, $1)', [centerId]);
    const hashes = events.map(contentHash);
    const held = await c.query<{ event_id: number; content_hash: string }>('SELECT event_id, content_hash FROM events WHERE center_id = $1 AND event_id = ANY($2::bigint[])', [
      centerId,
      events.map((e) => e.id),
    ]);
    const heldById = new Map<number, Set<string>>();
    for (const r of held.rows) (heldById.get(r.event_id) ?? heldById.set(r.event_id, new Set()).get(r.event_id)!).add(r.content_hash);

    const fresh: { e: HubEvent; hash: string; diverged: boolean }[] = [];
    let duplicates = 0;
    for (const [i, e] of events.entries()) {
      const hash = hashes[i]!;
      const same = heldById.get(e.id);
      if (same?.has(hash)) duplicates++;
      else fresh.push({ e, hash, diverged: same !== undefined });
    }
    const diverged = fresh.filter((f) => f.diverged);

    if (fresh.length) {
      await c.query(
        `INSERT INTO events (center_id, event_id, content_hash, at, type, ticket_id, counter_id, staff_id, payload, service_day, diverged)
         SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::int[], $8::int[], $9::jsonb[], $10::date[], $11::boolean[])
         ON CONFLICT DO NOTHING`,
        [
          centerId,
          fresh.map((f) => f.e.id),
          fresh.map((f) => f.hash),
          fresh.map((f) => new Date(f.e.at).toISOString()),
          fresh.map((f) => f.e.type),
          fresh.map((f) => f.e.ticketId),
          fresh.map((f) => f.e.counterId),
          fresh.map((f) => f.e.staffId),
          fresh.map((f) => JSON.stringify(f.e.payload)),
          fresh.map((f) => f.e.serviceDay ?? null),
          fresh.map((f) => f.diverged),
        ],
      );
      await applyPaperEvents(
        c,
        centerId,
        fresh.map((f) => f.e),
      );
      await refoldTickets(c, centerId, [...new Set(fresh.flatMap((f) => (f.e.ticketId ? [f.e.ticketId] : [])))]);
    }
    const last = events[events.length - 1]!.id;
    await c.query(
      `UPDATE centers SET last_contact_at = $2, last_event_id = GREATEST(COALESCE(last_event_id, 0), $3), events_stored = events_stored + $4,
         diverged_first_at = CASE WHEN $5::int > 0 THEN COALESCE(diverged_first_at, $2) ELSE diverged_first_at END,
         diverged_events = diverged_events + $5,
         diverged_from_event = CASE WHEN $5::int > 0 THEN LEAST(COALESCE(diverged_from_event, $6), $6) ELSE diverged_from_event END
       WHERE id = $1`,
      [centerId, new Date(now()), last, fresh.length, diverged.length, diverged[0]?.e.id ?? 0],
    );
    return { through: last, stored: fresh.length, duplicates, diverged: diverged.length };
  });
}

/** Folds the tickets' facts again from all their events, then the rollups of the days they belong to. */
async function refoldTickets(c: Client, centerId: number, ticketIds: string[]) {
  if (ticketIds.length === 0) return;
  const { rows } = await c.query<{ ticket_id: string; type: string; payload: Record<string, unknown>; at: Date; service_day: string | null }>(
    `SELECT ticket_id, type, payload, at, service_day FROM events WHERE center_id = $1 AND ticket_id = ANY($2::text[])
     ORDER BY ticket_id, event_id, diverged, received_at`,
    [centerId, ticketIds],
  );
  const byTicket = new Map<string, FactEvent[]>();
  for (const r of rows) {
    const list = byTicket.get(r.ticket_id) ?? byTicket.set(r.ticket_id, []).get(r.ticket_id)!;
    list.push({ type: r.type, ticketId: r.ticket_id, payload: r.payload, at: r.at.getTime(), serviceDay: r.service_day });
  }
  const facts = [...byTicket.values()].flatMap((es) => foldTicket(es) ?? []);
  if (facts.length === 0) return;
  // A fact may move to another day only if its issue event changed (a diverged history): both days are rewritten.
  const previousDays = await c.query<{ day: string }>('SELECT DISTINCT service_day AS day FROM ticket_facts WHERE center_id = $1 AND ticket_id = ANY($2::text[])', [centerId, ticketIds]);
  await upsertFacts(c, centerId, facts);
  await rewriteRollups(c, centerId, [...new Set([...previousDays.rows.map((r) => r.day), ...facts.map((f) => f.serviceDay)])]);
}

/** Writes ticket facts (new or folded again) of a center. */
export async function upsertFacts(c: Client, centerId: number, facts: readonly HubTicketFact[]) {
  const col = <K extends keyof (typeof facts)[number]>(k: K) => facts.map((f) => f[k]);
  await c.query(
    `INSERT INTO ticket_facts (center_id, ticket_id, service_id, service_day, status, channel, issued_at, first_called_at, started_at, finished_at,
       transferred, rating_skipped, rating, rating_channel, rating_dossier)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[],
       $11::boolean[], $12::boolean[], $13::text[], $14::text[], $15::boolean[])
     ON CONFLICT (center_id, ticket_id) DO UPDATE SET service_id = excluded.service_id, service_day = excluded.service_day, status = excluded.status,
       channel = excluded.channel, issued_at = excluded.issued_at, first_called_at = excluded.first_called_at, started_at = excluded.started_at,
       finished_at = excluded.finished_at, transferred = excluded.transferred, rating_skipped = excluded.rating_skipped, rating = excluded.rating,
       rating_channel = excluded.rating_channel, rating_dossier = excluded.rating_dossier`,
    [
      centerId,
      col('ticketId'),
      col('serviceId'),
      col('serviceDay'),
      col('status'),
      col('channel'),
      col('issuedAt'),
      col('firstCalledAt'),
      col('startedAt'),
      col('finishedAt'),
      col('transferred'),
      col('ratingSkipped'),
      col('rating'),
      col('ratingChannel'),
      col('ratingDossier'),
    ],
  );
}
