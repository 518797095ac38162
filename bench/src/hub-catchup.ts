import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { startTestPostgres } from '@qms/hub/testing';
import { benchServer } from './child';

// Catch-up of one center after `days` offline: its event log pushed to a real hub (own process) on a throwaway
// PostgreSQL, while the floor's /api/health is sampled. `npx tsx bench/src/hub-catchup.ts [days]`; figures in docs/hub.md.

const root = fileURLToPath(new URL('../../', import.meta.url));
const perDay = 300;
const services = ['ho-tich', 'chung-thuc', 'dat-dai', 'xay-dung', 'bao-tro-xa-hoi', 'nguoi-co-cong', 'bhxh'];
const levels = ['very_satisfied', 'satisfied', 'satisfied', 'neutral', 'dissatisfied'];

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.max(0, Math.ceil(p * s.length) - 1)]! * 10) / 10;
};

/** `days` of 300 tickets a day, each issued, called, started, finished and half of them rated: about 5 events a ticket. */
function fillHistory(file: string, days: number) {
  const db = new Database(file);
  const start = Date.parse('2026-01-05T01:00:00Z');
  const ticket = db.prepare(
    `INSERT INTO tickets (id, service_day, service_id, seq, number, channel, status, counter_id, queued_at, issued_at, first_called_at, called_at, started_at, finished_at, call_count)
     VALUES (?, ?, ?, ?, ?, 'kiosk', 'done', 1, ?, ?, ?, ?, ?, ?, 1)`,
  );
  const event = db.prepare('INSERT INTO events (type, ticket_id, counter_id, staff_id, payload, at) VALUES (?, ?, ?, NULL, ?, ?)');
  let events = 0;
  db.transaction(() => {
    for (let d = 0; d < days; d++) {
      const day = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
      for (let i = 0; i < perDay; i++) {
        const id = `b${d}-${i}`;
        const service = services[i % services.length]!;
        const issued = start + d * 86_400_000 + i * 100_000;
        const called = issued + 300_000 + (i % 13) * 60_000;
        const finished = called + 400_000 + (i % 7) * 30_000;
        ticket.run(id, day, service, i + 1, `${d}-${i}`, issued, issued, called, called, called + 20_000, finished);
        event.run('ticket.issued', id, null, JSON.stringify({ serviceId: service, number: `${i + 1}`, priority: null, channel: 'kiosk' }), issued);
        event.run('ticket.called', id, 1, JSON.stringify({ from: 'waiting' }), called);
        event.run('ticket.started', id, 1, JSON.stringify({ from: 'called' }), called + 20_000);
        event.run('ticket.finished', id, 1, JSON.stringify({ from: 'serving' }), finished);
        events += 4;
        if (i % 2 === 0) {
          event.run('rating.received', id, 1, JSON.stringify({ level: levels[i % levels.length], channel: 'device', reasons: [] }), finished + 30_000);
          events++;
        }
      }
    }
  })();
  const total = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  db.close();
  return { added: events, total };
}

/** A running hub to push to: the city bench's loaded one, or (alone) a fresh one on a throwaway PostgreSQL. */
export interface CatchUpHub {
  url: string;
  token: string;
}

async function freshHub() {
  const pg = await startTestPostgres();
  const hubPort = await freePort();
  if (spawnSync(process.execPath, ['hub/build.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0) throw new Error('hub build failed');
  const hub = spawn(process.execPath, ['hub/dist/main.mjs'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: await pg.createDatabase('catchup'), HUB_PORT: String(hubPort), HUB_ADMIN_PASSWORD: 'bench-admin-1' },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${hubPort}`;
  for (let i = 0; i < 300 && !(await fetch(`${url}/api/health`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
  const { token } = (await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'bench-admin-1' }) }).then((r) => r.json())) as { token: string };
  return { url, token, stop: () => (hub.kill('SIGTERM'), pg.stop()) };
}

export async function hubCatchUp(existing?: CatchUpHub, days = 30) {
  const fresh = existing ? null : await freshHub();
  const { url: hubUrl, token } = existing ?? fresh!;
  const code = `BENCH-${Date.now().toString(36).toUpperCase()}`;
  try {
    const post = (path: string, body: unknown, auth?: string) =>
      fetch(hubUrl + path, { method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<any>);
    const { key } = await post('/api/hub/centers', { code, name: 'Trung tâm đo' }, token);

    // The center's database: created by a first start, then filled with its offline history.
    const dir = mkdtempSync(join(tmpdir(), 'qms-catchup-'));
    await (await benchServer({ dataDir: dir })).stop();
    const { added, total } = fillHistory(`${dir}/qms.sqlite`, days);

    const center = await benchServer({ dataDir: dir, env: { QMS_HUB_URL: hubUrl, QMS_HUB_KEY: key } });
    const t0 = performance.now();
    const during: number[] = [];
    let caughtUpMs = 0;
    let lastCheck = 0;
    for (;;) {
      const s = performance.now();
      await fetch(`${center.base}/api/health`).then((r) => r.text());
      during.push(performance.now() - s);
      if (performance.now() - lastCheck > 500) {
        lastCheck = performance.now();
        const list = (await fetch(`${hubUrl}/api/hub/centers`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json())) as { code: string; lastEventId: number | null }[];
        if ((list.find((c) => c.code === code)?.lastEventId ?? 0) >= total) {
          caughtUpMs = performance.now() - t0;
          break;
        }
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const idle: number[] = [];
    for (let i = 0; i < 60; i++) {
      const s = performance.now();
      await fetch(`${center.base}/api/health`).then((r) => r.text());
      idle.push(performance.now() - s);
      await new Promise((r) => setTimeout(r, 50));
    }
    await center.stop();
    return {
      days,
      tickets: days * perDay,
      events: total,
      synthetic: added,
      catchUpSeconds: Math.round(caughtUpMs / 100) / 10,
      eventsPerSecond: Math.round(total / (caughtUpMs / 1000)),
      healthDuring: { samples: during.length, p50: pct(during, 0.5), p95: pct(during, 0.95), max: pct(during, 1) },
      healthAfter: { samples: idle.length, p50: pct(idle, 0.5), p95: pct(idle, 0.95), max: pct(idle, 1) },
    };
  } finally {
    fresh?.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.env.LOG_LEVEL ??= 'warn';
  console.log(JSON.stringify(await hubCatchUp(undefined, Number(process.argv[2] ?? 30)), null, 2));
}
