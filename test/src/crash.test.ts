import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, spawnServer, waitForExit } from './support/child-server';
import { kioskToken } from './support/server';

const services = ['ho-tich', 'chung-thuc', 'dat-dai'];

async function issue(base: string, serviceId: string) {
  const res = await fetch(`${base}/api/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${kioskToken}` },
    body: JSON.stringify({ serviceId }),
  });
  return { status: res.status, body: (await res.json()) as { id: string; number: string; serviceDay: string } };
}

describe('SIGKILL while tickets are being issued', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'qms-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every ticket that got a 201 and never issues a number twice', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const acknowledged: { id: string; number: string; serviceDay: string }[] = [];

    for (let round = 0; round < 3; round++) {
      const child = await spawnServer({ port, dataDir });
      let stop = false;
      // Eight kiosks hammering at once, so requests are in flight when the kill lands.
      const workers = Array.from({ length: 8 }, async (_, w) => {
        for (let i = 0; !stop; i++) {
          try {
            const res = await issue(base, services[(w + i) % services.length]!);
            if (res.status === 201) acknowledged.push(res.body);
            else throw new Error(`unexpected ${res.status}`);
          } catch (e) {
            if (!stop) throw e;
          }
        }
      });
      const before = acknowledged.length;
      while (acknowledged.length < before + 60) await new Promise((r) => setTimeout(r, 5));
      child.kill('SIGKILL');
      stop = true;
      await Promise.allSettled(workers);
      await waitForExit(child);
    }

    const child = await spawnServer({ port, dataDir });
    try {
      for (const t of acknowledged) {
        const res = await fetch(`${base}/api/tickets/${t.id}`);
        expect(res.status, `ticket ${t.number} acknowledged before the kill`).toBe(200);
        expect(((await res.json()) as { number: string }).number).toBe(t.number);
      }
      // Numbering continues after the highest number ever handed out, also for writes that were committed but not acknowledged.
      const after = await issue(base, 'ho-tich');
      expect(after.status).toBe(201);
      const db = new Database(join(dataDir, 'qms.sqlite'), { readonly: true });
      const maxSeq = db
        .prepare(`SELECT max(seq) AS m FROM tickets WHERE service_id = 'ho-tich' AND service_day = ? AND id != ?`)
        .get(after.body.serviceDay, after.body.id) as { m: number | null };
      const dupes = db.prepare(`SELECT service_day, number, count(*) AS n FROM tickets GROUP BY service_day, number HAVING n > 1`).all();
      const lost = db.prepare(`SELECT count(*) AS n FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.ticket_id = t.id AND e.type = 'ticket.issued')`).get() as { n: number };
      db.close();
      expect(Number(after.body.number.slice(1))).toBe((maxSeq.m ?? 0) + 1);
      expect(dupes).toEqual([]);
      expect(lost.n).toBe(0);
      expect(new Set(acknowledged.map((t) => `${t.serviceDay} ${t.number}`)).size).toBe(acknowledged.length);
      expect(acknowledged.length).toBeGreaterThanOrEqual(180);
    } finally {
      child.kill('SIGKILL');
      await waitForExit(child);
    }
  }, 120_000);
});
