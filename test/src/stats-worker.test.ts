import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/src/store/open';
import { assertContract } from './support/contract';
import { client, kioskToken, login, startTestServer, testClock, type TestServer } from './support/server';

/** A year of history (2025) written straight into SQLite: `perDay` tickets every day, most served and rated. */
function fillYear(db: Db, perDay: number) {
  const days = 365;
  db.transaction(() => {
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1),
            s(id, k) AS (SELECT id, row_number() OVER (ORDER BY id) - 1 FROM services),
            t(i, day, svc, issued) AS (
              SELECT i, date('2025-01-01', '+' || (i / ?) || ' days'), (SELECT id FROM s WHERE k = i % (SELECT count(*) FROM s)),
                     (unixepoch('2025-01-01') + (i / ?) * 86400 + 3600) * 1000 + (i % ?) * 90000
              FROM n)
       INSERT INTO tickets (id, service_day, service_id, seq, number, channel, status, counter_id, queued_at, issued_at, first_called_at, called_at, started_at, finished_at, call_count)
       SELECT 'h' || i, day, svc, i, 'H' || i, CASE WHEN i % 7 = 0 THEN 'desk' ELSE 'kiosk' END, CASE WHEN i % 16 = 0 THEN 'no_show' ELSE 'done' END, 1 + i % 6,
              issued, issued, issued + (i % 40) * 45000, issued + (i % 40) * 45000, issued + (i % 40) * 45000 + 30000, issued + (i % 40) * 45000 + 30000 + (i % 23) * 40000, 1
       FROM t`,
    ).run(days * perDay, perDay, perDay, perDay);
    db.prepare(
      `INSERT INTO ratings (ticket_id, level, counter_id, service_id, channel, at)
       SELECT id, CASE WHEN seq % 9 = 0 THEN 'dissatisfied' WHEN seq % 2 = 0 THEN 'satisfied' ELSE 'very_satisfied' END, counter_id, service_id, 'tablet', finished_at + 20000
       FROM tickets WHERE id LIKE 'h%' AND status = 'done' AND seq % 3 <> 0`,
    ).run();
    db.prepare(`INSERT INTO events (type, ticket_id, counter_id, at) SELECT 'ticket.transferred', id, counter_id, started_at FROM tickets WHERE id LIKE 'h%' AND seq % 40 = 1`).run();
  })();
  return days * perDay;
}

describe('reports are computed off the event loop (stats worker thread)', () => {
  let server: TestServer;
  let manager: ReturnType<typeof client>;
  let managerToken: string;
  let issued: number;
  const clock = testClock();
  const year = '/api/stats/summary?from=2025-01-01&to=2025-12-31&groupBy=day';

  beforeAll(async () => {
    server = await startTestServer({ now: clock.now });
    issued = fillYear(server.db, 300);
    managerToken = await login(server.url, 'quanly');
    manager = client(server.url, managerToken);
    // Start the worker, so what follows measures a report being computed, not a thread starting.
    expect((await manager.get('/api/stats/summary?from=2025-01-01&to=2025-01-01')).status).toBe(200);
  }, 120_000);
  afterAll(async () => server?.stop());
  afterEach(() => void delete process.env.QMS_STATS_WORKER);

  /**
   * Sends a year summary, waits until the route has handed it to the stats code, then sends a kiosk ticket and a health
   * check; gives the order in which the three replies' headers came back. The test and the server share one event loop,
   * so if the summary held the loop, nothing else could even be sent before its reply was under way.
   */
  async function race() {
    const stats = server.stats;
    const summarize = stats.summarize;
    let handedOver!: () => void;
    const started = new Promise<void>((r) => (handedOver = r));
    stats.summarize = (req) => {
      handedOver();
      return summarize(req);
    };
    const order: string[] = [];
    const send = (label: string, path: string, init: RequestInit = {}) =>
      fetch(server.url + path, init).then(async (res) => {
        order.push(label);
        return { status: res.status, body: (await res.json()) as any };
      });
    try {
      const summary = send('summary', year, { headers: { authorization: `Bearer ${managerToken}` } });
      await started;
      const [ticket, health] = await Promise.all([
        send('ticket', '/api/tickets', { method: 'POST', headers: { authorization: `Bearer ${kioskToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ serviceId: 'ho-tich' }) }),
        send('health', '/api/health'),
      ]);
      return { order, summary: await summary, ticket, health };
    } finally {
      stats.summarize = summarize;
    }
  }

  it('a kiosk ticket and /api/health are answered while a year summary is being computed', async () => {
    const { order, summary, ticket, health } = await race();
    expect(ticket.status).toBe(201);
    expect(health.status).toBe(200);
    expect(summary.status).toBe(200);
    expect(summary.body.totals.issued).toBe(issued);
    expect(summary.body.groups).toHaveLength(365);
    expect(order.at(-1)).toBe('summary');
  });

  it('the same race in process (QMS_STATS_WORKER=off): the kiosk and health wait for the summary — what the test above rules out', async () => {
    process.env.QMS_STATS_WORKER = 'off';
    const { order, summary, ticket, health } = await race();
    expect([ticket.status, health.status, summary.status]).toEqual([201, 200, 200]);
    expect(summary.body.totals.issued).toBe(issued);
    expect(order[0]).toBe('summary');
  });

  it('the worker and the in-process path give the same figures', async () => {
    const path = '/api/stats/summary?from=2025-03-01&to=2025-05-31&groupBy=service';
    const inWorker = await manager.get(path);
    process.env.QMS_STATS_WORKER = 'off';
    const inProcess = await manager.get(path);
    expect(inWorker.status).toBe(200);
    expect(inWorker.body).toEqual(inProcess.body);
  });

  it('/api/stats/report gives the reports page in one request: the five groupings and the paragraph, as the separate routes do', async () => {
    const q = 'from=2025-06-01&to=2025-06-30';
    const page = await manager.get(`/api/stats/report?${q}&lang=en`);
    assertContract(server, 'get', '/api/stats/report', page);
    expect(page.body.text).toBe((await manager.get(`/api/stats/report-text?${q}&lang=en`)).body.text);
    for (const by of ['service', 'counter', 'staff', 'hour', 'weekday_hour']) {
      const one = (await manager.get(`/api/stats/summary?${q}&groupBy=${by}`)).body;
      expect(page.body.groups[by], by).toEqual(one.groups);
      expect(page.body.totals).toEqual(one.totals);
    }
    expect(page.body.totals.issued).toBe(30 * 300);
    const tooLong = await manager.get('/api/stats/report?from=2010-01-01&to=2025-12-31');
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.code).toBe('range_too_long');
    expect((await client(server.url).get(`/api/stats/report?${q}`)).status).toBe(401);
  });
});
