import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, spawnServer, waitForExit } from './support/child-server';
import { client, kioskToken, login } from './support/server';

describe('a crash while a ticket is on its way to the printer', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'qms-print-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('after the restart the ticket is marked not printed, logged, and listed for reprint; a ticket not meant for paper is left alone', async () => {
    let port = await freePort();
    let child = await spawnServer({ port, dataDir });
    let base = `http://127.0.0.1:${port}`;
    const token = await login(base, 'canbo1');
    const desk = await client(base, token).post('/api/tickets', { serviceId: 'ho-tich' }); // no print asked
    expect(desk.status).toBe(201);
    child.kill('SIGKILL');
    await waitForExit(child);

    // The kiosk's ticket commits, then the process dies before the printer gets it: `printed` stays NULL.
    port = await freePort();
    child = await spawnServer({ port, dataDir, env: { QMS_FAULT: 'after-commit:issue' } });
    await expect(client(`http://127.0.0.1:${port}`, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' })).rejects.toThrow();
    await waitForExit(child);
    const db = new Database(join(dataDir, 'qms.sqlite'), { readonly: true });
    const stuck = db.prepare(`SELECT id, number, printed FROM tickets WHERE channel = 'kiosk'`).all() as { id: string; number: string; printed: number | null }[];
    db.close();
    expect(stuck).toHaveLength(1);
    expect(stuck[0]!.printed).toBeNull();

    port = await freePort();
    child = await spawnServer({ port, dataDir });
    base = `http://127.0.0.1:${port}`;
    try {
      const staff = client(base, token);
      const unprinted = await staff.get('/api/tickets/unprinted');
      expect(unprinted.status).toBe(200);
      expect(unprinted.body.map((t: { id: string }) => t.id)).toEqual([stuck[0]!.id]);
      const ticket = await staff.get(`/api/tickets/${stuck[0]!.id}`);
      expect(ticket.body.printed).toBe(false);
      expect(ticket.body.events.map((e: { type: string }) => e.type)).toEqual(['ticket.issued', 'ticket.print_failed']);
      expect(ticket.body.events[1].payload).toMatchObject({ printerId: 'printer-1', reason: 'interrupted' });
      expect((await staff.get(`/api/tickets/${desk.body.id}`)).body.printed).toBeNull();
      // The reprint works as for any unprinted ticket.
      const reprint = await client(base, await login(base, 'canbo1')).post(`/api/tickets/${stuck[0]!.id}/print`);
      expect(reprint.body).toMatchObject({ printed: true });
    } finally {
      child.kill('SIGKILL');
      await waitForExit(child);
    }
  }, 120_000);
});
