import type { Channel, TicketStatus } from '@qms/protocol';
import type { Ticket } from '../queue';
import type { Db } from './open';

interface TicketRow {
  id: string;
  service_day: string;
  service_id: string;
  seq: number;
  number: string;
  priority: string | null;
  channel: string;
  status: string;
  counter_id: number | null;
  target_counter_id: number | null;
  queued_at: number;
  issued_at: number;
  first_called_at: number | null;
  called_at: number | null;
  started_at: number | null;
  finished_at: number | null;
  call_count: number;
  dossier_code: string | null;
  staff_id: number | null;
  printed: number | null;
  appointment_at: number | null;
}

const columns = `id, service_day, service_id, seq, number, priority, channel, status, counter_id, target_counter_id, queued_at,
  issued_at, first_called_at, called_at, started_at, finished_at, call_count, dossier_code, staff_id, printed, appointment_at`;

function toTicket(r: TicketRow): Ticket {
  return {
    id: r.id,
    serviceDay: r.service_day,
    serviceId: r.service_id,
    seq: r.seq,
    number: r.number,
    priority: r.priority,
    channel: r.channel as Channel,
    status: r.status as TicketStatus,
    counterId: r.counter_id,
    targetCounterId: r.target_counter_id,
    queuedAt: r.queued_at,
    issuedAt: r.issued_at,
    firstCalledAt: r.first_called_at,
    calledAt: r.called_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    callCount: r.call_count,
    dossierCode: r.dossier_code,
    staffId: r.staff_id,
    printed: r.printed === null ? null : r.printed === 1,
    appointmentAt: r.appointment_at,
  };
}

function toParams(t: Ticket) {
  return {
    id: t.id,
    service_day: t.serviceDay,
    service_id: t.serviceId,
    seq: t.seq,
    number: t.number,
    priority: t.priority,
    channel: t.channel,
    status: t.status,
    counter_id: t.counterId,
    target_counter_id: t.targetCounterId,
    queued_at: t.queuedAt,
    issued_at: t.issuedAt,
    first_called_at: t.firstCalledAt,
    called_at: t.calledAt,
    started_at: t.startedAt,
    finished_at: t.finishedAt,
    call_count: t.callCount,
    dossier_code: t.dossierCode,
    staff_id: t.staffId,
    printed: t.printed === null ? null : Number(t.printed),
    appointment_at: t.appointmentAt ?? null,
  };
}

export function ticketQueries(db: Db) {
  const insert = db.prepare(
    `INSERT INTO tickets (${columns}) VALUES (${columns
      .split(',')
      .map((c) => `@${c.trim()}`)
      .join(', ')})`,
  );
  const update = db.prepare(
    `UPDATE tickets SET service_id=@service_id, status=@status, counter_id=@counter_id, target_counter_id=@target_counter_id,
      queued_at=@queued_at, first_called_at=@first_called_at, called_at=@called_at, started_at=@started_at, finished_at=@finished_at,
      call_count=@call_count, dossier_code=@dossier_code, staff_id=@staff_id, printed=@printed WHERE id=@id`,
  );
  // Only the column that changes: a whole-row update rewrites the ticket's entry in every index that holds a column it sets.
  const printed = db.prepare<[number, string]>(`UPDATE tickets SET printed = ? WHERE id = ?`);
  const byId = db.prepare<[string], TicketRow>(`SELECT ${columns} FROM tickets WHERE id = ?`);
  const waitingOfDay = db.prepare<[string], TicketRow>(`SELECT ${columns} FROM tickets WHERE status = 'waiting' AND service_day = ? ORDER BY queued_at, seq`);
  const waitingInService = db.prepare<[string, string], TicketRow>(
    `SELECT ${columns} FROM tickets WHERE service_day = ? AND service_id = ? AND status = 'waiting' ORDER BY queued_at, seq`,
  );
  // What `chooseNext` can pick (queue/routing.ts): every filter it applies depends only on the partition's columns, and
  // within a partition it takes the oldest (queued_at, seq), except among bookings (earliest slot): so the first ticket
  // of each partition and every booking give the same choice as the whole queue, without reading the whole queue.
  const candidatesForCounter = db.prepare<{ day: string; counter: number; services: string; priority: number }, TicketRow>(
    `SELECT ${columns} FROM (
       SELECT ${columns}, row_number() OVER (
           PARTITION BY target_counter_id IS NULL, priority IS NULL, service_id, first_called_at IS NULL, channel = 'appointment' AND appointment_at IS NOT NULL
           ORDER BY queued_at, seq) AS nth
       FROM tickets WHERE status = 'waiting' AND service_day = @day AND (target_counter_id = @counter OR (target_counter_id IS NULL
         AND (service_id IN (SELECT value FROM json_each(@services)) OR (@priority AND priority IS NOT NULL AND first_called_at IS NULL)))))
     WHERE nth = 1 OR (channel = 'appointment' AND appointment_at IS NOT NULL)
     ORDER BY queued_at, seq`,
  );
  const heldAtCounter = db.prepare<[string, number], TicketRow>(
    `SELECT ${columns} FROM tickets WHERE status = 'on_hold' AND service_day = ? AND counter_id = ? ORDER BY queued_at`,
  );
  const waitingCounts = db.prepare<[string], { service_id: string; total: number; priority: number }>(
    `SELECT service_id, count(*) AS total, count(priority) AS priority FROM tickets WHERE status = 'waiting' AND service_day = ? GROUP BY service_id`,
  );
  const issuedCount = db.prepare<[string, string], { n: number }>(`SELECT count(*) AS n FROM tickets WHERE service_day = ? AND service_id = ?`);
  const recentService = db.prepare<[string, string], { s: number }>(
    `SELECT (finished_at - coalesce(started_at, first_called_at)) / 1000.0 AS s FROM tickets
     WHERE service_day = ? AND service_id = ? AND status = 'done' ORDER BY finished_at DESC LIMIT 20`,
  );
  const staleOpen = db.prepare<[string], TicketRow>(
    `SELECT ${columns} FROM tickets WHERE service_day < ? AND status IN ('waiting', 'called', 'serving', 'on_hold')`,
  );
  const lastSeq = db.prepare<[string, string], { last_seq: number }>(`SELECT last_seq FROM day_sequences WHERE service_day = ? AND service_id = ?`);
  const saveSeq = db.prepare(
    `INSERT INTO day_sequences (service_day, service_id, last_seq) VALUES (?, ?, ?)
     ON CONFLICT (service_day, service_id) DO UPDATE SET last_seq = excluded.last_seq`,
  );

  return {
    insert: (t: Ticket) => void insert.run(toParams(t)),
    update: (t: Ticket) => void update.run(toParams(t)),
    setPrinted: (id: string, done: boolean) => void printed.run(done ? 1 : 0, id),
    get: (id: string): Ticket | null => {
      const r = byId.get(id);
      return r ? toTicket(r) : null;
    },
    waiting: (serviceDay: string): Ticket[] => waitingOfDay.all(serviceDay).map(toTicket),
    /** The field's waiting tickets only (who is ahead of a ticket is counted within its field). */
    waitingIn: (serviceDay: string, serviceId: string): Ticket[] => waitingInService.all(serviceDay, serviceId).map(toTicket),
    /**
     * What `chooseNext` picks from among the waiting tickets a counter may call (sent to it, or of its fields, or, at
     * the priority counter, priority tickets not yet called): the oldest of each kind and every booking.
     */
    callCandidates: (serviceDay: string, c: { id: number; serviceIds: string[]; priority: boolean }): Ticket[] =>
      candidatesForCounter.all({ day: serviceDay, counter: c.id, services: JSON.stringify(c.serviceIds), priority: c.priority ? 1 : 0 }).map(toTicket),
    heldAt: (serviceDay: string, counterId: number): Ticket[] => heldAtCounter.all(serviceDay, counterId).map(toTicket),
    /** Waiting tickets per service: all of them, and the priority ones. */
    waitingCounts: (serviceDay: string): Map<string, { total: number; priority: number }> =>
      new Map(waitingCounts.all(serviceDay).map((r) => [r.service_id, { total: r.total, priority: r.priority }])),
    issuedCount: (serviceDay: string, serviceId: string): number => issuedCount.get(serviceDay, serviceId)?.n ?? 0,
    recentServiceSeconds: (serviceDay: string, serviceId: string): number[] => recentService.all(serviceDay, serviceId).map((r) => r.s),
    openBefore: (serviceDay: string): Ticket[] => staleOpen.all(serviceDay).map(toTicket),
    lastSeq: (serviceDay: string, serviceId: string): number | null => lastSeq.get(serviceDay, serviceId)?.last_seq ?? null,
    saveSeq: (serviceDay: string, serviceId: string, seq: number) => void saveSeq.run(serviceDay, serviceId, seq),
  };
}
export type TicketQueries = ReturnType<typeof ticketQueries>;
