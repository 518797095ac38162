import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CenterConfig, demoConfigPath, loadConfig } from '@qms/server';
import { assertContract } from './support/contract';
import { ratingKeyOf } from './support/rating-key';
import { client, kioskToken, officerAt, startTestServer, testClock, type TestServer } from './support/server';
import { until } from '@qms/drivers/testing';

const tablet = (n: number) => `demo-rating-token-000${n}`;
describe('rating rules, the same for tablet, phone and button box', () => {
  const clock = testClock();
  let server: TestServer;
  const desks = new Map<number, Awaited<ReturnType<typeof officerAt>>>();
  const serviceOf: Record<number, string> = { 3: 'chung-thuc', 4: 'dat-dai', 5: 'bao-tro-xa-hoi', 6: 'bhxh' };

  beforeAll(async () => {
    const config = CenterConfig.parse({
      ...loadConfig(demoConfigPath),
      hardware: { ratingBoxes: [{ id: 'box-5', counterId: 5, buttons: 3, transport: 'sim' }] },
    });
    server = await startTestServer({ config, now: clock.now });
    for (const n of [3, 4, 5, 6]) desks.set(n, await officerAt(server.url, n));
  });
  afterAll(() => server?.stop());

  /** A citizen takes a ticket, counter `n` calls and finishes it; returns the ticket id. */
  async function serveAt(n: number, dossierCode?: string): Promise<string> {
    const issued = await client(server.url, kioskToken).post('/api/tickets', { serviceId: serviceOf[n] });
    expect(issued.status).toBe(201);
    const desk = desks.get(n)!;
    const called = await desk.post(`/api/counters/${n}/call-next`);
    expect(called.body.ticket.id).toBe(issued.body.id);
    clock.advance(90_000);
    const finished = await desk.post(`/api/counters/${n}/finish`, dossierCode ? { dossierCode } : {});
    expect(finished.status).toBe(200);
    return issued.body.id as string;
  }
  const ratingRow = (ticketId: string) => server.db.prepare(`SELECT * FROM ratings WHERE ticket_id = ?`).get(ticketId) as Record<string, unknown> | undefined;
  const rate = (token: string | undefined, body: object, lang = 'vi') => client(server.url, token).post('/api/ratings', body, { 'accept-language': lang });
  /** The citizen's phone, with the key from the ticket's QR. */
  const phoneRate = (ticketId: string, level: string) => rate(undefined, { ticketId, level, key: ratingKeyOf(server, ticketId) });

  it('a tablet rates only the ticket its own counter finished last, once, with officer, field and dossier code', async () => {
    const first = await serveAt(3);
    const second = await serveAt(3, 'H12.34-260316-0042');
    const older = await rate(tablet(3), { ticketId: first, level: 'very_satisfied' });
    expect(older.status).toBe(403);
    expect(older.body.error).toEqual({ code: 'rating_wrong_counter', message: 'Thiết bị này chỉ đánh giá vé của quầy 3.' });
    const otherCounter = await rate(tablet(4), { ticketId: second, level: 'very_satisfied' }, 'en');
    expect(otherCounter.status).toBe(403);
    expect(otherCounter.body.error.message).toBe('This device rates only tickets of counter 4.');

    const ok = await rate(tablet(3), { ticketId: second, level: 'satisfied' });
    expect(ok.status).toBe(201);
    assertContract(server, 'post', '/api/ratings', ok);
    const canbo3 = server.db.prepare(`SELECT id FROM users WHERE username = 'canbo3'`).pluck().get();
    expect(ratingRow(second)).toMatchObject({ level: 'satisfied', channel: 'tablet', counter_id: 3, staff_id: canbo3, service_id: 'chung-thuc', dossier_code: 'H12.34-260316-0042' });

    for (const [token, level] of [[tablet(3), 'very_satisfied'], [undefined, 'very_satisfied']] as const) {
      const again = await rate(token, { ticketId: second, level, key: ratingKeyOf(server, second) });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('already_rated');
    }
    expect(server.db.prepare(`SELECT COUNT(*) FROM ratings WHERE counter_id = 3`).pluck().get()).toBe(1);
  });

  it('only a served ticket, only within the window: short for counter devices, longer for the phone', async () => {
    const issued = await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'dat-dai' });
    await desks.get(4)!.post('/api/counters/4/call-next');
    const early = await phoneRate(issued.body.id, 'satisfied');
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('not_served_yet');
    clock.advance(60_000);
    await desks.get(4)!.post('/api/counters/4/finish');
    const id = issued.body.id as string;

    clock.advance(121_000); // 60 s to answer + 45 s for reasons + 15 s grace
    const late = await rate(tablet(4), { ticketId: id, level: 'very_satisfied' });
    expect(late.status).toBe(409);
    expect(late.body.error).toEqual({ code: 'rating_window_closed', message: `Đã quá thời gian đánh giá vé ${issued.body.number}.` });
    const phone = await phoneRate(id, 'neutral');
    expect(phone.status).toBe(201);
    expect(ratingRow(id)).toMatchObject({ channel: 'phone', level: 'neutral', counter_id: 4 });

    const next = await serveAt(4);
    clock.advance(15 * 60_000 + 1000);
    const tooLate = await phoneRate(next, 'satisfied');
    expect(tooLate.status).toBe(409);
    expect(tooLate.body.error.code).toBe('rating_window_closed');
    expect(ratingRow(next)).toBeUndefined();
  });

  it('no answer in time is recorded as "not rated", apart from ratings, once; the device can no longer rate it', async () => {
    const id = await serveAt(6, 'BHXH-0007');
    const prompt = await client(server.url, tablet(6)).get('/api/ratings/prompt?counterId=6');
    assertContract(server, 'get', '/api/ratings/prompt', prompt);
    expect(prompt.body.prompt).toMatchObject({ ticketId: id, counterId: 6, staffName: 'Đặng Thị Giang', secondsLeft: 60 });

    clock.advance(61_000);
    expect((await client(server.url, tablet(6)).get('/api/ratings/prompt?counterId=6')).body.prompt).toBeNull();
    clock.advance(60_000);
    server.floor.ratings.expireUnanswered();
    server.floor.ratings.expireUnanswered();
    const skips = server.db.prepare(`SELECT ticket_id, counter_id, service_id, dossier_code, channel, reason FROM rating_skips WHERE ticket_id = ?`).all(id);
    expect(skips).toEqual([{ ticket_id: id, counter_id: 6, service_id: 'bhxh', dossier_code: 'BHXH-0007', channel: 'tablet', reason: 'timeout' }]);
    expect(ratingRow(id)).toBeUndefined();
    expect(server.db.prepare(`SELECT COUNT(*) FROM events WHERE type = 'rating.skipped' AND ticket_id = ?`).pluck().get(id)).toBe(1);

    const device = await rate(tablet(6), { ticketId: id, level: 'very_satisfied' });
    expect(device.body.error.code).toBe('rating_window_closed');
    // The citizen still holds the ticket and may answer from the phone within the longer window.
    expect((await phoneRate(id, 'satisfied')).status).toBe(201);
  });

  it('the button box follows the same rules: lights up after a finish, one press counts, then refuses', async () => {
    const box = () => server.ratingBoxes.sims.get('box-5')!;
    await until(() => server.registry.list().some((d) => d.id === 'box-5' && d.ok));
    await box().press(1);
    await until(() => box().mode() === 'refused');
    expect(server.db.prepare(`SELECT COUNT(*) FROM ratings WHERE counter_id = 5`).pluck().get()).toBe(0);

    const id = await serveAt(5);
    await until(() => box().mode() === 'ask');
    await box().press(3); // a 3-button box: the third is "Không hài lòng"
    await until(() => ratingRow(id) !== undefined);
    expect(ratingRow(id)).toMatchObject({ level: 'dissatisfied', channel: 'box', counter_id: 5, service_id: 'bao-tro-xa-hoi' });
    await until(() => box().mode() === 'thanks');
    await box().press(1);
    await until(() => box().mode() === 'refused');
    expect(server.db.prepare(`SELECT level FROM ratings WHERE counter_id = 5`).pluck().all()).toEqual(['dissatisfied']);
    expect((await phoneRate(id, 'very_satisfied')).body.error.code).toBe('already_rated');

    const late = await serveAt(5);
    clock.advance(61_000);
    await box().press(1);
    await until(() => box().mode() === 'refused');
    expect(ratingRow(late)).toBeUndefined();
  });

  it('levels must be on the configured scale and reasons from the list, only with a low rating', async () => {
    const id = await serveAt(3);
    const cases: [object, number, string][] = [
      [{ level: 'very_dissatisfied' }, 400, 'rating_level_not_offered'],
      [{ level: 'satisfied', reasons: ['attitude'] }, 400, 'reasons_only_when_low'],
      [{ level: 'dissatisfied', reasons: ['bribe'] }, 400, 'unknown_rating_reason'],
      [{ level: 'loved_it' }, 400, 'invalid_input'],
      [{ level: 'dissatisfied', comment: 'x'.repeat(1001) }, 400, 'invalid_input'],
    ];
    for (const [body, status, code] of cases) {
      const res = await rate(tablet(3), { ticketId: id, ...body });
      expect([res.status, res.body.error.code]).toEqual([status, code]);
    }
    expect(ratingRow(id)).toBeUndefined();
    const res = await rate(tablet(3), { ticketId: id, level: 'dissatisfied', reasons: ['waiting_time', 'came_back_several_times'], comment: '  Chờ lâu quá  ' });
    expect(res.status).toBe(201);
    expect(ratingRow(id)).toMatchObject({ reasons: '["waiting_time","came_back_several_times"]', comment: 'Chờ lâu quá' });
  });

  it('the prompt is only for that counter’s tablet; the question and the QR page’s status are public', async () => {
    expect((await client(server.url).get('/api/ratings/prompt?counterId=3')).status).toBe(401);
    expect((await client(server.url, tablet(4)).get('/api/ratings/prompt?counterId=3')).body.error.code).toBe('rating_counter_mismatch');
    expect((await client(server.url, tablet(3)).get('/api/ratings/prompt?counterId=x')).status).toBe(400);

    const question = await client(server.url).get('/api/ratings/question');
    assertContract(server, 'get', '/api/ratings/question', question);
    expect(question.body.levels.map((l: { vi: string }) => l.vi)).toEqual(['Rất hài lòng', 'Hài lòng', 'Bình thường', 'Không hài lòng']);

    const waiting = await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'chung-thuc' });
    const status = await client(server.url).get(`/api/tickets/${waiting.body.id}/rating`);
    assertContract(server, 'get', '/api/tickets/:id/rating', status);
    expect(status.body).toMatchObject({ blockedBy: 'not_served_yet', rating: null, rateUntil: null });
    await desks.get(3)!.post('/api/counters/3/call-next');
    await desks.get(3)!.post('/api/counters/3/finish');
    expect((await client(server.url).get(`/api/tickets/${waiting.body.id}/rating`)).body.blockedBy).toBeNull();
    await phoneRate(waiting.body.id, 'very_satisfied');
    expect((await client(server.url).get(`/api/tickets/${waiting.body.id}/rating`)).body).toMatchObject({ blockedBy: 'already_rated', rating: { level: 'very_satisfied', channel: 'phone' } });
    expect((await client(server.url).get('/api/tickets/nope/rating')).status).toBe(404);
  });
});

describe('officer photos for the tablet', () => {
  it('are served from rating.photoDir by username; missing ones are a 404, never a 500', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'qms-photos-'));
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    writeFileSync(join(dir, 'canbo3.png'), png);
    const server = await startTestServer({ config: CenterConfig.parse({ ...loadConfig(demoConfigPath), rating: { photoDir: dir } }) });
    try {
      const id = (name: string) => server.db.prepare(`SELECT id FROM users WHERE username = ?`).pluck().get(name);
      const res = await fetch(`${server.url}/api/staff/${id('canbo3')}/photo`);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
      expect((await client(server.url).get(`/api/staff/${id('canbo4')}/photo`)).status).toBe(404);
      expect((await client(server.url).get('/api/staff/abc/photo')).body.error.code).toBe('not_found');
    } finally {
      await server.stop();
    }
  });
});
