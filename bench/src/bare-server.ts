import { randomUUID } from 'node:crypto';
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';
import { Hono } from 'hono';

// The bare baseline: Hono + better-sqlite3 doing the same durable writes as issuing a ticket (a ticket row and an
// event row in one transaction, WAL, synchronous=FULL) and answering the ticket as JSON. Nothing else.
const db = new Database(process.env.BARE_DB!);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`CREATE TABLE IF NOT EXISTS t (id TEXT PRIMARY KEY, service_id TEXT, seq INTEGER, status TEXT, issued_at INTEGER);
         CREATE TABLE IF NOT EXISTS e (id INTEGER PRIMARY KEY, type TEXT, ticket_id TEXT, payload TEXT, at INTEGER)`);
const ins = db.prepare(`INSERT INTO t VALUES (?, ?, ?, 'waiting', ?)`);
const ev = db.prepare(`INSERT INTO e (type, ticket_id, payload, at) VALUES ('ticket.issued', ?, ?, ?)`);
let seq = 0;
const issue = db.transaction((serviceId: string) => {
  const t = { id: randomUUID(), serviceId, seq: ++seq, status: 'waiting', issuedAt: Date.now() };
  ins.run(t.id, serviceId, t.seq, t.issuedAt);
  ev.run(t.id, JSON.stringify({ serviceId }), t.issuedAt);
  return t;
});
const app = new Hono();
app.get('/api/health', (c) => c.json({ ok: true }));
app.post('/api/tickets', async (c) => c.json(issue(((await c.req.json()) as { serviceId: string }).serviceId), 201));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
