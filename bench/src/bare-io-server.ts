import { randomUUID } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';
import { Hono } from 'hono';
import { Server } from 'socket.io';

// The bare baseline of a call: Hono + better-sqlite3 + socket.io. POST /call writes what a call writes at least (the
// ticket row and an event row, one transaction, WAL, synchronous=FULL), answers the ticket, and broadcasts one event of
// the same size as the project's `ticket.called` to every connected socket with one `io.emit`. Nothing else.
const db = new Database(process.env.BARE_DB!);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`CREATE TABLE IF NOT EXISTS t (id TEXT PRIMARY KEY, status TEXT, called_at INTEGER);
         CREATE TABLE IF NOT EXISTS e (id INTEGER PRIMARY KEY, type TEXT, ticket_id TEXT, payload TEXT, at INTEGER)`);
const up = db.prepare(`INSERT INTO t VALUES (?, 'called', ?) ON CONFLICT (id) DO UPDATE SET status = 'called', called_at = excluded.called_at`);
const ev = db.prepare(`INSERT INTO e (type, ticket_id, payload, at) VALUES ('ticket.called', ?, ?, ?)`);
let seq = 0;
const call = db.transaction(() => {
  const now = Date.now();
  const ticket = { id: randomUUID(), number: String(1000 + ++seq), serviceId: 'ho-tich', status: 'called', counterId: 1, calledAt: new Date(now).toISOString() };
  up.run(ticket.id, now);
  ev.run(ticket.id, JSON.stringify({ counterId: 1 }), now);
  return ticket;
});
const app = new Hono();
app.get('/api/health', (c) => c.json({ ok: true }));
let io: Server | null = null;
app.post('/call', (c) => {
  const ticket = call();
  io?.emit('event', { type: 'ticket.called', seq, at: ticket.calledAt, call: { ticket, counterId: 1, counterNumber: 1, recall: false, at: ticket.calledAt } });
  return c.json({ ticket });
});
const http = serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }) as HttpServer;
io = new Server(http, { serveClient: false });
