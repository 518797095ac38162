import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEscPos, splitTickets, type SimPrinter } from '@qms/drivers';
import { waitFor } from '@qms/drivers/testing';
import { assertContract } from './support/contract';
import { keyFromIssue, ratingKeyOf, ticketUrlOf } from './support/rating-key';
import { client, demoConfig, kioskToken, login, officerAt, startTestServer, testClock, type TestServer } from './support/server';

const tablet2 = 'demo-rating-token-0002';

describe('the rating key: only the ticket’s QR lets a phone rate', () => {
  const clock = testClock();
  let server: TestServer;
  let desk: Awaited<ReturnType<typeof officerAt>>;
  beforeAll(async () => {
    server = await startTestServer({ config: demoConfig({ publicUrl: 'http://qms.hcc.local:8080' }), now: clock.now, withScreens: true });
    desk = await officerAt(server.url, 2);
  });
  afterAll(() => server?.stop());

  /** A citizen takes a ticket at the kiosk; counter 2 calls and finishes it. */
  async function served() {
    const issued = await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
    expect(issued.status).toBe(201);
    expect((await desk.post('/api/counters/2/call-next')).body.ticket.id).toBe(issued.body.id);
    clock.advance(60_000);
    expect((await desk.post('/api/counters/2/finish')).status).toBe(200);
    return { id: issued.body.id as string, number: issued.body.number as string, key: keyFromIssue(issued), url: ticketUrlOf(issued).href };
  }
  const post = (token: string | undefined, body: object, lang = 'vi') => client(server.url, token).post('/api/ratings', body, { 'accept-language': lang });
  const stored = (ticketId: string) => ({
    ratings: server.db.prepare(`SELECT COUNT(*) FROM ratings WHERE ticket_id = ?`).pluck().get(ticketId),
    events: server.db.prepare(`SELECT COUNT(*) FROM events WHERE type = 'rating.received' AND ticket_id = ?`).pluck().get(ticketId),
  });

  it('the kiosk’s link and the printed QR are <publicUrl>/t/<id>?k=<key>, the key 12 base64url characters', async () => {
    const issued = await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'chung-thuc' });
    const id = issued.body.id as string;
    const key = ratingKeyOf(server, id);
    expect(key).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(issued.headers.get('x-qms-ticket-url')).toBe(`http://qms.hcc.local:8080/t/${id}?k=${key}`);

    const sim = server.printing.simulators().get('printer-1') as SimPrinter;
    const payloads = () => sim.printed().flatMap((f) => splitTickets(decodeEscPos(readFileSync(f.bin)), 576).flatMap((t) => t.qrPayloads));
    const onPaper = await waitFor('the printed QR', () => payloads().find((p) => p.includes(id)));
    expect(onPaper).toBe(`http://qms.hcc.local:8080/t/${id}?k=${key}`);
    // Another ticket has another key: the key of one ticket rates no other.
    const other = await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'chung-thuc' });
    expect(keyFromIssue(other)).not.toBe(key);
  });

  it('/t/<id> sends the phone to its page with the key, and without one when the link had none', async () => {
    const go = (path: string) => fetch(server.url + path, { redirect: 'manual' });
    const withKey = await go('/t/abc-123?k=Zx_9-aB3cD4e');
    expect(withKey.status).toBe(302);
    expect(withKey.headers.get('location')).toBe('/rating/phone/?ticket=abc-123&k=Zx_9-aB3cD4e');
    expect((await go('/t/abc-123')).headers.get('location')).toBe('/rating/phone/?ticket=abc-123');
    expect((await go('/t/abc-123?k=a%26b')).headers.get('location')).toBe('/rating/phone/?ticket=abc-123&k=a%26b');
  });

  it('without the key, with a wrong one or another ticket’s, the phone is refused in plain words and nothing is stored', async () => {
    const t = await served();
    const other = await served();
    const missing = await post(undefined, { ticketId: t.id, level: 'satisfied' });
    expect(missing.status).toBe(403);
    assertContract(server, 'post', '/api/ratings', missing);
    expect(missing.body.error).toEqual({ code: 'rating_key_missing', message: 'Thiếu mã đánh giá: hãy quét mã QR trên phiếu của ông/bà.' });
    const wrong = await post(undefined, { ticketId: t.id, level: 'satisfied', key: 'AAAAAAAAAAAA' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toEqual({ code: 'rating_key_wrong', message: 'Mã đánh giá không đúng: hãy quét mã QR trên phiếu của ông/bà.' });
    const english = await post(undefined, { ticketId: t.id, level: 'satisfied', key: other.key }, 'en');
    expect(english.status).toBe(403);
    expect(english.body.error).toEqual({ code: 'rating_key_wrong', message: 'The rating code is not right: scan the QR code on your ticket.' });
    for (const key of [t.key.slice(0, 11), `${t.key}x`, `${t.key.slice(0, 11)}${t.key.endsWith('A') ? 'B' : 'A'}`]) {
      expect((await post(undefined, { ticketId: t.id, level: 'satisfied', key })).body.error.code).toBe('rating_key_wrong');
    }
    // A kiosk's token is no rating device: it needs the key like anyone else.
    expect((await post(kioskToken, { ticketId: t.id, level: 'satisfied' })).body.error.code).toBe('rating_key_missing');
    expect(stored(t.id)).toEqual({ ratings: 0, events: 0 });

    const ok = await post(undefined, { ticketId: t.id, level: 'satisfied', key: t.key });
    expect(ok.status).toBe(201);
    assertContract(server, 'post', '/api/ratings', ok);
    expect(server.db.prepare(`SELECT channel, level FROM ratings WHERE ticket_id = ?`).get(t.id)).toEqual({ channel: 'phone', level: 'satisfied' });
    // One rating per ticket and the phone's window stay as they were, with the key too.
    expect((await post(undefined, { ticketId: t.id, level: 'neutral', key: t.key })).body.error.code).toBe('already_rated');
    clock.advance(15 * 60_000 + 1000);
    expect((await post(undefined, { ticketId: other.id, level: 'neutral', key: other.key })).body.error.code).toBe('rating_window_closed');
  });

  it('a signed-in officer, manager or admin is refused even with the right key; the tablet keeps its own rules', async () => {
    const t = await served();
    const accounts = [desk, client(server.url, await login(server.url, 'canbo3')), client(server.url, await login(server.url, 'quanly')), client(server.url, await login(server.url, 'admin', 'admin'))];
    for (const account of accounts) {
      const res = await account.post('/api/ratings', { ticketId: t.id, level: 'very_satisfied', key: t.key });
      expect(res.status).toBe(403);
      expect(res.body.error).toEqual({ code: 'rating_by_staff', message: 'Cán bộ không thể đánh giá thay công dân.' });
    }
    expect((await desk.post('/api/ratings', { ticketId: t.id, level: 'satisfied' }, { 'accept-language': 'en' })).body.error.message).toBe(
      'Staff cannot rate on behalf of a citizen.',
    );
    expect(stored(t.id)).toEqual({ ratings: 0, events: 0 });

    const byTablet = await post(tablet2, { ticketId: t.id, level: 'neutral' });
    expect(byTablet.status).toBe(201);
    expect(server.db.prepare(`SELECT channel FROM ratings WHERE ticket_id = ?`).pluck().get(t.id)).toBe('tablet');
  });
});

describe('the rating key survives a restart and a backup restore', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'qms-key-'));
    dirs.push(d);
    return d;
  };

  it('the same ticket keeps the same key; a key printed before the restart still rates; another center has other keys', async () => {
    const dataDir = tempDir();
    const first = await startTestServer({ dataDir });
    const issued = await client(first.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
    const id = issued.body.id as string;
    const key = keyFromIssue(issued);
    const desk = await officerAt(first.url, 2);
    await desk.post('/api/counters/2/call-next');
    await desk.post('/api/counters/2/finish');
    const backupDir = tempDir();
    await first.db.backup(join(backupDir, 'qms.sqlite'));
    await first.stop();

    const again = await startTestServer({ dataDir });
    try {
      expect(again.db.prepare(`SELECT COUNT(*) FROM secrets`).pluck().get()).toBe(1);
      expect(ratingKeyOf(again, id)).toBe(key);
      const rated = await client(again.url).post('/api/ratings', { ticketId: id, level: 'very_satisfied', key });
      expect(rated.status).toBe(201);
    } finally {
      await again.stop();
    }

    const restored = await startTestServer({ dataDir: backupDir });
    try {
      expect(ratingKeyOf(restored, id)).toBe(key);
    } finally {
      await restored.stop();
    }

    const elsewhere = await startTestServer({ dataDir: tempDir() });
    try {
      expect(ratingKeyOf(elsewhere, id)).not.toBe(key);
    } finally {
      await elsewhere.stop();
    }
  });
});
