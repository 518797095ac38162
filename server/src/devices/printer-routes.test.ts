import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { Floor } from '../floor';
import type { AppEnv } from '../http/env';
import { answerOnce, idempotent, jsonReply } from '../http/idempotency';
import { idempotencyQueries } from '../store/idempotency';
import { openDb } from '../store/open';
import type { TicketPrinting } from './printer';
import { printHeaders, printerHeader, ticketUrlHeader } from './printer-routes';

describe('the print headers of an issue', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qms-print-headers-'));
  const db = openDb(join(dir, 'qms.sqlite'));
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => vi.restoreAllMocks());

  const printing = { ticketUrl: (id: string) => `http://qms.local/t/${id}` } as unknown as TicketPrinting;
  const floor = { printRequestOf: (id: string) => (id === 't-2001' ? { printerId: 'printer-1', kioskId: 'k1', counterId: null } : null) } as unknown as Floor;
  const ticket = { id: 't-2001', number: '2001' };
  // No floor here: the command runs at once instead of in a group commit.
  const inline = { grouped: async <T>(command: () => T) => command() };
  const stored = idempotencyQueries(db);
  const app = new Hono<AppEnv>();
  app.post('/issue', printHeaders({ printing, floor }), idempotent(db, Date.now), (c) =>
    // as a floor command does: the reply is stored under the key with the command
    answerOnce(c, inline, (once) => (once && stored.complete(once.key, once.reply(ticket), Date.now()), ticket), (t) => jsonReply(201, t)),
  );
  app.post('/plain', printHeaders({ printing, floor }), (c) => c.json(ticket, 201));

  it('are read from the reply answerOnce kept, first and on a replay, without cloning the response; a route without it is cloned', async () => {
    const clone = vi.spyOn(Response.prototype, 'clone');
    for (const replay of ['', 'true']) {
      const res = await app.request('/issue', { method: 'POST', headers: { 'idempotency-key': 'tap-1' } });
      expect(res.status).toBe(201);
      expect(res.headers.get('idempotent-replay') ?? '').toBe(replay);
      expect(res.headers.get(printerHeader)).toBe('printer-1');
      expect(res.headers.get(ticketUrlHeader)).toBe('http://qms.local/t/t-2001');
      expect(await res.json()).toEqual(ticket);
    }
    expect(clone).not.toHaveBeenCalled();

    const plain = await app.request('/plain', { method: 'POST' });
    expect(plain.headers.get(printerHeader)).toBe('printer-1');
    expect(clone).toHaveBeenCalledTimes(1);
  });
});
