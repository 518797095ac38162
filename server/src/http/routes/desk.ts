import type { Context } from 'hono';
import { CounterQueueDto, MyDayDto, ProceduresDto, nextLocalDate, ratingLevels, startOfLocalDay, type CounterQueueDto as CounterQueue } from '@qms/protocol';
import { ticketDto } from '../../floor/views';
import { chooseNext, serviceDayOf, type QueueRules, type Ticket } from '../../queue';
import { keypadIdsAt } from '../../devices/keypad-config';
import { deskQueries } from '../../store/desk';
import { allow, currentUser } from '../auth';
import { ApiFailure } from '../errors';
import type { AppEnv } from '../env';
import { errorResponses, type Router } from '../router';
import type { RouteDeps } from './deps';

const PROCEDURE_MEMORY_DAYS = 90;

function counterIdOf(c: Context<AppEnv>): number {
  const raw = c.req.param('id') ?? '';
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1) throw new ApiFailure('unknown_counter', { counter: raw });
  return Number(raw);
}

/** Routes of the officer's desk console: the counter's queue, its usual procedures, the officer's own day. */
export function deskRoutes(r: Router, { floor, db, now, devices }: RouteDeps) {
  const q = deskQueries(db);
  const tz = floor.timeZone;
  const rules: QueueRules = {
    priorityCategories: floor.config.priorityCategories.map((p) => p.code),
    antiStarvationAfter: floor.config.antiStarvation.afterPriorityCalls,
    antiStarvationWaitSeconds: floor.config.antiStarvation.normalWaitMinutes * 60,
  };
  const counterOf = (c: Context<AppEnv>) => {
    const id = counterIdOf(c);
    const counter = floor.queries.counters.get(id);
    if (!counter) throw new ApiFailure('unknown_counter', { counter: id });
    return counter;
  };

  const keypadOf = (counterId: number): CounterQueue['keypad'] => {
    const [id] = keypadIdsAt(floor.config.hardware.keypads, counterId);
    if (!id) return null;
    const health = devices().find((d) => d.id === id);
    return { id, ok: health?.ok ?? false, detail: health?.detail ?? null };
  };

  r.doc({
    method: 'get',
    path: '/api/counters/:id/queue',
    summary: 'Who waits for this counter, in the order "call next" would take them; tickets held here; per field the count and the longest wait',
    access: 'staff, manager, admin',
    responses: { 200: { description: 'The queue of the counter', schema: CounterQueueDto }, ...errorResponses(401, 403, 404) },
  });
  r.app.get('/api/counters/:id/queue', allow('staff', 'manager', 'admin'), (c) => {
    const counter = counterOf(c);
    const at = now();
    const day = serviceDayOf(at, tz);
    let rest: Ticket[] = floor.queries.tickets.waiting(day);
    let streak = counter.priorityStreak;
    // Bookings: the floor's rules (their settings are stored, not in the config) and the counter's booked calls in a row.
    const booked = { bookedCallsInARow: floor.appointments.settings().bookedCallsInARow, walkInWaitSeconds: floor.appointments.settings().walkInWaitMinutes * 60 };
    let bookedStreak = floor.queries.appointments.bookedStreak(counter.id, startOfLocalDay(day, tz), booked.bookedCallsInARow);
    const ordered: Ticket[] = [];
    for (;;) {
      const choice = chooseNext({ counter, priorityStreak: streak, bookedStreak, waiting: rest, now: at, rules: { ...rules, ...booked } });
      if (!choice) break;
      ordered.push(choice.ticket);
      streak = choice.priorityStreak;
      bookedStreak = choice.reason === 'appointment' ? bookedStreak + 1 : 0;
      rest = rest.filter((t) => t.id !== choice.ticket.id);
    }
    const services: CounterQueue['services'] = counter.serviceIds.map((serviceId) => {
      const mine = ordered.filter((t) => t.serviceId === serviceId);
      const oldest = mine.reduce<number | null>((m, t) => (m === null || t.issuedAt < m ? t.issuedAt : m), null);
      return { serviceId, waiting: mine.length, longestWaitSeconds: oldest === null ? null : Math.max(0, Math.round((at - oldest) / 1000)) };
    });
    const reply: CounterQueue = {
      counterId: counter.id,
      waiting: ordered.map((t) => ticketDto(t, tz)),
      held: floor.queries.tickets.heldAt(day, counter.id).map((t) => ticketDto(t, tz)),
      services,
      keypad: keypadOf(counter.id),
    };
    return c.json(reply);
  });

  r.doc({
    method: 'get',
    path: '/api/counters/:id/procedures',
    summary: `Procedures (thủ tục) recorded at finish at this counter in the last ${PROCEDURE_MEMORY_DAYS} days, most used first`,
    access: 'staff, manager, admin',
    responses: { 200: { description: 'Procedure names', schema: ProceduresDto }, ...errorResponses(401, 403, 404) },
  });
  r.app.get('/api/counters/:id/procedures', allow('staff', 'manager', 'admin'), (c) => {
    const counter = counterOf(c);
    return c.json({ procedures: q.procedures(counter.id, now() - PROCEDURE_MEMORY_DAYS * 86_400_000) });
  });

  r.doc({
    method: 'get',
    path: '/api/me/day',
    summary: "The signed-in officer's own service day: served, no-shows, transfers, average service time, ratings received",
    access: 'staff, manager, admin',
    responses: { 200: { description: 'Figures of today', schema: MyDayDto }, ...errorResponses(401, 403) },
  });
  r.app.get('/api/me/day', allow('staff', 'manager', 'admin'), (c) => {
    const user = currentUser(c);
    const day = serviceDayOf(now(), tz);
    const from = startOfLocalDay(day, tz);
    const to = startOfLocalDay(nextLocalDate(day), tz);
    const d = q.day(user.id, from, to);
    const counts = Object.fromEntries(ratingLevels.map((l) => [l, d.ratings.find((x) => x.level === l)?.n ?? 0])) as Record<(typeof ratingLevels)[number], number>;
    const total = ratingLevels.reduce((n, l) => n + counts[l], 0);
    const reply: MyDayDto = {
      serviceDay: day,
      served: d.served,
      noShow: d.noShow,
      transferred: d.transferred,
      averageServiceSeconds: d.meanServiceSeconds === null ? null : Math.round(d.meanServiceSeconds),
      ratings: { ...counts, total },
      satisfactionRate: total === 0 ? null : (counts.very_satisfied + counts.satisfied) / total,
    };
    return c.json(reply);
  });
}
