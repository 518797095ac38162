import { startOfLocalDay } from '@qms/protocol';
import type { TestServer } from './server';
import { client } from './server';

/** Deterministic pseudo-random numbers (mulberry32), so a failing run can be replayed. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Weighted like the centers' reports: mostly very satisfied or satisfied, a few neutral or dissatisfied.
const levels = [...Array<string>(12).fill('very_satisfied'), ...Array<string>(6).fill('satisfied'), 'neutral', 'dissatisfied'];

/** `key`: the ticket's rating key from its QR, which the phone page sends; the tablet needs none. */
async function rate(api: ReturnType<typeof client>, ticketId: string, level: string | undefined, key?: string) {
  const res = await api.post('/api/ratings', { ticketId, level, ...(key ? { key } : {}) });
  if (res.status !== 201) throw new Error(`rating failed: ${JSON.stringify(res.body)}`);
}

interface Pending {
  at: number;
  run: () => Promise<void> | void;
}

/**
 * Runs a month of a center through the real floor (issue, call, start, finish, no-show, transfer, cancel) with a
 * moving clock, and rates through the real HTTP route. Every day ends with two tickets transferred at closing time
 * and never called again.
 */
export async function simulateMonth(server: TestServer, clock: { set: (ms: number) => void }, days: string[], seed = 7) {
  const rnd = prng(seed);
  const tz = server.floor.timeZone;
  const { floor, db } = server;
  const services = floor.services.map((s) => s.id);
  const staff = db.prepare<[], { id: number; counter_id: number }>(`SELECT id, counter_id FROM users WHERE role = 'staff' AND counter_id IS NOT NULL`).all();
  const counters = db.prepare<[], { id: number; service_ids: string }>(`SELECT id, service_ids FROM counters`).all();
  const phone = client(server.url);

  for (const day of days) {
    const dayStart = startOfLocalDay(day, tz);
    const at = (h: number, m: number) => dayStart + (h * 60 + m) * 60_000;
    clock.set(at(7, 0));
    for (const s of staff) floor.signIn(s.counter_id, { userId: s.id, role: 'staff' });
    const arrivals = Array.from({ length: 25 + Math.floor(rnd() * 25) }, () => at(7, 30) + Math.floor(rnd() ** 1.6 * 9 * 3600_000)).sort((a, b) => a - b);
    const busyUntil = new Map(counters.map((c) => [c.id, 0]));
    const pending: Pending[] = [];
    for (let now = at(7, 30); now <= at(17, 30); now += 60_000) {
      clock.set(now);
      while (arrivals.length && arrivals[0]! <= now) {
        clock.set(arrivals.shift()!);
        const t = floor.issue({ serviceId: services[Math.floor(rnd() * services.length)]!, channel: rnd() < 0.85 ? 'kiosk' : 'desk', staffId: null });
        if (rnd() < 0.03) floor.cancel(t.id, null);
      }
      clock.set(now);
      for (const p of pending.filter((x) => x.at <= now)) {
        pending.splice(pending.indexOf(p), 1);
        clock.set(p.at);
        await p.run();
      }
      clock.set(now);
      // Device prompts left unanswered become "not rated" (rating.skipped) once their window has passed.
      if (now % (5 * 60_000) === 0) floor.ratings.expireUnanswered();
      for (const c of counters) {
        if (busyUntil.get(c.id)! > now) continue;
        const actor = { userId: staff.find((s) => s.counter_id === c.id)!.id, role: 'staff' as const };
        const called = floor.callNext(c.id, actor);
        if (!called) continue;
        const ticketId = called.id;
        const roll = rnd();
        if (roll < 0.07) {
          busyUntil.set(c.id, now + 2 * 60_000);
          pending.push({ at: now + 60_000, run: () => void floor.command(c.id, actor, { action: 'no-show' }) });
          continue;
        }
        const service = Math.round((2 + rnd() * 14) * 60_000 + rnd() * 59_000);
        busyUntil.set(c.id, now + service + 60_000);
        pending.push({ at: now + 20_000, run: () => void floor.command(c.id, actor, { action: 'start' }) });
        if (roll < 0.12) {
          const other = services.find((s) => !JSON.parse(c.service_ids).includes(s)) ?? services[0]!;
          pending.push({ at: now + service, run: () => void floor.command(c.id, actor, { action: 'transfer', serviceId: other }) });
          continue;
        }
        const dossier = rnd() < 0.4 ? `H${Math.floor(rnd() * 1e6)}` : undefined;
        pending.push({
          at: now + service,
          run: async () => {
            floor.command(c.id, actor, { action: 'finish', ...(dossier ? { dossierCode: dossier } : {}) });
            const how = rnd();
            const level = levels[Math.floor(rnd() * levels.length)];
            if (how < 0.5) await rate(phone, ticketId, level, floor.ratings.keyOf(ticketId));
            else if (how < 0.65) await rate(client(server.url, `demo-rating-token-000${c.id}`), ticketId, level);
            // The tablet's prompt runs out ("not rated"), then the citizen rates from the phone after all.
            else if (how < 0.72) pending.push({ at: now + service + 10 * 60_000, run: () => rate(phone, ticketId, level, floor.ratings.keyOf(ticketId)) });
          },
        });
      }
    }
    for (const p of pending.sort((a, b) => a.at - b.at)) {
      clock.set(p.at);
      await p.run();
    }
    // Closing time: two counters call one more ticket and transfer it (to another field, to a named counter); nobody
    // calls it again that day. The ticket row is waiting again (no counter), yet it was last called at that counter.
    // No rnd() here, so the days after draw the same numbers as before.
    for (const [i, c] of counters.slice(0, 2).entries()) {
      clock.set(at(17, 40) + i * 3 * 60_000);
      const mine: string[] = JSON.parse(c.service_ids);
      floor.issue({ serviceId: mine[0] ?? services[0]!, channel: 'kiosk', staffId: null });
      const actor = { userId: staff.find((s) => s.counter_id === c.id)!.id, role: 'staff' as const };
      if (!floor.callNext(c.id, actor)) continue;
      clock.set(at(17, 41) + i * 3 * 60_000);
      const other = counters.find((o) => o.id !== c.id)!;
      floor.command(c.id, actor, i === 0 ? { action: 'transfer', serviceId: services.find((s) => !mine.includes(s)) ?? services[0]! } : { action: 'transfer', counterId: other.id });
    }
    clock.set(at(23, 0));
    floor.ratings.expireUnanswered();
  }
}
