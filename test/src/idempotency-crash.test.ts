import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, spawnServer, waitForExit } from './support/child-server';
import { client, kioskToken, login } from './support/server';

/** A request the server commits and then dies on (`QMS_FAULT=after-commit:<label>` kills it before the reply). */
async function crashAfterCommit(dataDir: string, label: string, send: (base: string) => Promise<unknown>) {
  const port = await freePort();
  const child = await spawnServer({ port, dataDir, env: { QMS_FAULT: `after-commit:${label}` } });
  const exit = waitForExit(child);
  await expect(send(`http://127.0.0.1:${port}`)).rejects.toThrow(); // the connection drops: no reply
  await exit;
  expect(child.signalCode).toBe('SIGKILL');
}

function rows<T>(dataDir: string, sql: string): T[] {
  const db = new Database(join(dataDir, 'qms.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe('a retry after a crash between the commit and the reply', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'qms-idem-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('issue: the kiosk retry with the same key gets the first ticket back; one ticket, one number', async () => {
    await crashAfterCommit(dataDir, 'issue', (base) => client(base, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' }, { 'idempotency-key': 'tap-1' }));
    const committed = rows<{ id: string; number: string }>(dataDir, `SELECT id, number FROM tickets`);
    expect(committed).toHaveLength(1); // the command did commit before the kill

    const port = await freePort();
    const child = await spawnServer({ port, dataDir });
    try {
      const base = `http://127.0.0.1:${port}`;
      const retry = await client(base, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' }, { 'idempotency-key': 'tap-1' });
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replay')).toBe('true');
      expect(retry.body).toMatchObject({ id: committed[0]!.id, number: committed[0]!.number });
      expect(rows(dataDir, `SELECT id FROM tickets`)).toHaveLength(1);
      // A new tap (new key) takes the next number.
      const next = await client(base, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' }, { 'idempotency-key': 'tap-2' });
      expect(next.status).toBe(201);
      expect(Number(next.body.number.slice(1))).toBe(Number(committed[0]!.number.slice(1)) + 1);
    } finally {
      child.kill('SIGKILL');
      await waitForExit(child);
    }
  }, 120_000);

  it('call-next: the retry answers the ticket called before the crash and calls nobody else', async () => {
    const port = await freePort();
    let child = await spawnServer({ port, dataDir });
    const base = `http://127.0.0.1:${port}`;
    const token = await login(base, 'canbo1');
    const officer = client(base, token);
    try {
      expect((await officer.post('/api/counters/1/sign-in')).status).toBe(200);
      expect((await client(base, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' })).status).toBe(201);
    } finally {
      child.kill('SIGKILL');
      await waitForExit(child);
    }
    const before = rows<{ id: string }>(dataDir, `SELECT id FROM tickets WHERE status = 'waiting' ORDER BY queued_at`);
    expect(before.length).toBeGreaterThanOrEqual(2);

    await crashAfterCommit(dataDir, 'call-next', (b) => client(b, token).post('/api/counters/1/call-next', {}, { 'idempotency-key': 'press-1' }));
    const called = rows<{ id: string }>(dataDir, `SELECT id FROM tickets WHERE status = 'called'`);
    expect(called).toHaveLength(1);

    const port2 = await freePort();
    child = await spawnServer({ port: port2, dataDir });
    try {
      const retry = await client(`http://127.0.0.1:${port2}`, token).post('/api/counters/1/call-next', {}, { 'idempotency-key': 'press-1' });
      expect(retry.status).toBe(200);
      expect(retry.body.ticket.id).toBe(called[0]!.id);
      expect(rows(dataDir, `SELECT id FROM tickets WHERE status = 'called'`)).toEqual(called);
      expect(rows(dataDir, `SELECT id FROM tickets WHERE status = 'done'`)).toHaveLength(0);
    } finally {
      child.kill('SIGKILL');
      await waitForExit(child);
    }
  }, 120_000);
});
