import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratingKeyOf } from './support/rating-key';
import { adminClient } from './support/admin';
import { client, kioskToken, login, officerAt, startTestServer, testClock, type TestServer } from './support/server';

describe('priority groups and the rating scale come from the setup, live', () => {
  const clock = testClock();
  let server: TestServer;
  let admin: ReturnType<typeof adminClient>;
  beforeAll(async () => {
    server = await startTestServer({ now: clock.now });
    admin = adminClient(server, await login(server.url, 'admin', 'admin'));
  });
  afterAll(() => server?.stop());
  const kiosk = () => client(server.url, kioskToken);

  it('an old setup with bare codes reads as groups with their known words', async () => {
    const center = await admin.get('/api/admin/center');
    expect(center.body.priorityCategories).toEqual([
      { code: 'elderly', name: 'Người cao tuổi', nameEn: 'Elderly person', icon: 'elderly' },
      { code: 'pregnant', name: 'Phụ nữ mang thai', nameEn: 'Pregnant woman', icon: 'pregnant' },
      { code: 'disability', name: 'Người khuyết tật', nameEn: 'Person with a disability', icon: 'disability' },
    ]);
    expect(center.body.ratingScale).toBe(4);
    // A setup row written before groups had words (bare codes) still reads.
    const row = server.db.prepare(`SELECT settings FROM center_settings WHERE id = 1`).get() as { settings: string };
    const settings = JSON.parse(row.settings) as { priorityCategories: unknown[] };
    settings.priorityCategories = ['elderly', 'pregnant'];
    server.db.prepare(`UPDATE center_settings SET settings = ? WHERE id = 1`).run(JSON.stringify(settings));
    expect((await admin.get('/api/admin/center')).body.priorityCategories.map((p: { name: string }) => p.name)).toEqual(['Người cao tuổi', 'Phụ nữ mang thai']);
  });

  it('a group added in the setup is in the snapshot and issues; a removed one is refused in plain words', async () => {
    const groups = [
      { code: 'elderly', name: 'Người cao tuổi', nameEn: 'Elderly person', icon: 'elderly' },
      { code: 'nguoi_co_cong', name: 'Người có công với cách mạng', nameEn: 'Person with meritorious service', icon: 'veteran' },
    ];
    const res = await admin.patch('/api/admin/center', { priorityCategories: groups });
    expect(res.status).toBe(200);
    expect(res.body.priorityCategories).toEqual(groups);
    const snap = server.floor.snapshot({ withWaiting: false });
    expect(snap.priorityCategories).toEqual(['elderly', 'nguoi_co_cong']);
    expect(snap.priorities).toEqual(groups);
    const issued = await kiosk().post('/api/tickets', { serviceId: 'ho-tich', priority: 'nguoi_co_cong' });
    expect(issued.status).toBe(201);

    await admin.patch('/api/admin/center', { priorityCategories: [groups[0]] });
    const refused = await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich', priority: 'nguoi_co_cong' }, { 'accept-language': 'vi' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('unknown_priority');
    expect(refused.body.error.message).toContain('Loại ưu tiên "nguoi_co_cong" không có hoặc đã được bỏ tại trung tâm. Các loại ưu tiên hiện có: Người cao tuổi.');
    // The ticket issued before keeps its group.
    expect((await kiosk().get(`/api/tickets/${issued.body.id}`)).body.priority).toBe('nguoi_co_cong');
  });

  it('two groups with one code are refused on their field and nothing is saved', async () => {
    const before = (await admin.get('/api/admin/center')).body;
    const bad = await admin.patch('/api/admin/center', { priorityCategories: [{ code: 'elderly', name: 'A' }, { code: 'elderly', name: 'B' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('duplicate_priority');
    expect(bad.body.error.message).toMatch(/Mã loại ưu tiên "elderly" bị trùng/);
    const badScale = await admin.patch('/api/admin/center', { ratingScale: 7 });
    expect(badScale.status).toBe(400);
    expect((await admin.get('/api/admin/center')).body).toEqual(before);
  });

  it('the rating scale changes live: the question, the accepted levels and the change log follow; stored ratings keep their level', async () => {
    const desk = await officerAt(server.url, 3);
    const serve = async () => {
      const t = await kiosk().post('/api/tickets', { serviceId: 'chung-thuc' });
      expect((await desk.post('/api/counters/3/call-next')).body.ticket.id).toBe(t.body.id);
      clock.advance(60_000);
      expect((await desk.post('/api/counters/3/finish')).status).toBe(200);
      return t.body.id as string;
    };
    const phoneRate = (ticketId: string, level: string) => client(server.url).post('/api/ratings', { ticketId, level, key: ratingKeyOf(server, ticketId) });
    const first = await serve();
    expect((await phoneRate(first, 'neutral')).status).toBe(201);
    expect((await client(server.url).get('/api/ratings/question')).body.levels).toHaveLength(4);

    expect((await admin.patch('/api/admin/center', { ratingScale: 3 })).body.ratingScale).toBe(3);
    const question = (await client(server.url).get('/api/ratings/question')).body;
    expect(question.levels.map((l: { level: string }) => l.level)).toEqual(['very_satisfied', 'satisfied', 'dissatisfied']);
    const second = await serve();
    const refused = await phoneRate(second, 'neutral');
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('rating_level_not_offered');
    expect((await phoneRate(second, 'satisfied')).status).toBe(201);
    // The rating given on the 4-level scale is still "neutral".
    expect((server.db.prepare(`SELECT level FROM ratings WHERE ticket_id = ?`).get(first) as { level: string }).level).toBe('neutral');

    const log = await admin.get('/api/admin/audit?entity=center');
    const change = log.body.entries.find((e: { before: { ratingScale?: number } | null; after: { ratingScale?: number } | null }) => e.before?.ratingScale === 4 && e.after?.ratingScale === 3);
    expect(change).toMatchObject({ type: 'setup.center.updated' });
    await admin.patch('/api/admin/center', { ratingScale: 5 });
    expect((await client(server.url).get('/api/ratings/question')).body.levels).toHaveLength(5);
  });
});
