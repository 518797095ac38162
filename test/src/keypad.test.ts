import { openSerial, simulateKeypads } from '@qms/drivers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ptyPair, until } from '@qms/drivers/testing';
import { client, demoConfig, kioskToken, officerAt, startTestServer, type TestServer } from './support/server';

const config = demoConfig({
  hardware: { keypads: [{ id: 'hall', transport: 'sim', baudRate: 9600, pollIntervalMs: 2, replyTimeoutMs: 50, pads: [{ address: 1, counterId: 2 }, { address: 2, counterId: 3 }] }] },
});

describe('caller keypads bound to the floor', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config });
  });
  afterAll(() => server.stop());
  const sim = () => server.keypads.sims.get('hall')!;
  const events = (type: string, counterId: number) =>
    server.db.prepare(`SELECT staff_id AS staffId, payload FROM events WHERE type = ? AND counter_id = ? ORDER BY id`).all(type, counterId) as { staffId: number; payload: string }[];

  it('shows E1 while nobody is signed in at the counter, and acts on nothing', async () => {
    sim().press(1, 'next');
    await until(() => sim().display(1).text === 'E1');
    expect(sim().display(1).blink).toBe(true);
    expect(events('ticket.called', 2)).toEqual([]);
  });

  it('next, recall, no-show and finish act like the console for the officer signed in there', async () => {
    const kiosk = client(server.url, kioskToken);
    for (let i = 0; i < 3; i++) expect((await kiosk.post('/api/tickets', { serviceId: 'ho-tich' })).status).toBe(201);
    const desk = await officerAt(server.url, 2);
    const officerId = (await desk.get('/api/counters')).body.find((c: { id: number }) => c.id === 2).staff.id as number;

    sim().press(1, 'next');
    await until(() => sim().display(1).text === '1001');
    expect(sim().display(1).blink).toBe(false);
    sim().press(1, 'recall');
    await until(() => events('ticket.recalled', 2).length === 1);
    sim().press(1, 'noShow');
    await until(() => events('ticket.no_show', 2).length === 1);
    await until(() => sim().display(1).text === '');
    sim().press(1, 'next');
    sim().press(1, 'finish');
    await until(() => events('ticket.finished', 2).length === 1);
    expect([...events('ticket.called', 2), ...events('ticket.recalled', 2), ...events('ticket.finished', 2)].every((e) => e.staffId === officerId)).toBe(true);
    const counter = (await desk.get('/api/counters')).body.find((c: { id: number }) => c.id === 2);
    expect(counter.currentTicket).toBeNull();

    // The console's own button moves the keypad's display too.
    expect((await desk.post('/api/counters/2/call-next')).body.ticket.number).toBe('1003');
    await until(() => sim().display(1).text === '1003');
  });

  it('start serves the called ticket for the officer signed in there; when nothing is called it shows E2 and stores nothing', async () => {
    const ticketRow = (id: string) => server.db.prepare(`SELECT status, started_at AS startedAt FROM tickets WHERE id = ?`).get(id) as { status: string; startedAt: number | null };
    expect((await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' })).status).toBe(201);
    const desk = await officerAt(server.url, 2);
    const officerId = (await desk.get('/api/counters')).body.find((c: { id: number }) => c.id === 2).staff.id as number;
    const called = (await desk.post('/api/counters/2/call-next')).body.ticket as { id: string; number: string };
    await until(() => sim().display(1).text === called.number);
    const startedBefore = events('ticket.started', 2).length;

    sim().press(1, 'start');
    await until(() => events('ticket.started', 2).length === startedBefore + 1);
    expect(ticketRow(called.id)).toMatchObject({ status: 'serving', startedAt: expect.any(Number) });
    const [started] = server.db.prepare(`SELECT staff_id AS staffId, ticket_id AS ticketId FROM events WHERE type = 'ticket.started' AND counter_id = 2 ORDER BY id DESC LIMIT 1`).all();
    expect(started).toEqual({ staffId: officerId, ticketId: called.id });
    expect(sim().display(1)).toEqual({ text: called.number, blink: false });

    // Already being served: start again is not possible.
    sim().press(1, 'start');
    await until(() => sim().display(1).text === 'E2');
    expect(ticketRow(called.id).status).toBe('serving');

    sim().press(1, 'finish');
    await until(() => ticketRow(called.id).status === 'done' && sim().display(1).text === '');
    // Nothing called any more.
    sim().press(1, 'start');
    await until(() => sim().display(1).text === 'E2');
    expect(sim().display(1).blink).toBe(true);
    expect(events('ticket.started', 2)).toHaveLength(startedBefore + 1);
    expect(ticketRow(called.id).status).toBe('done');
    expect((await desk.get('/api/counters')).body.find((c: { id: number }) => c.id === 2).currentTicket).toBeNull();
  });

  it('says ---- when nobody waits and E2 when the action is not possible, then shows the number again', async () => {
    await officerAt(server.url, 3);
    sim().press(2, 'recall');
    await until(() => sim().display(2).text === 'E2');
    sim().press(2, 'next');
    await until(() => sim().display(2).text === '----');
    expect(events('ticket.called', 3)).toEqual([]);
  });

  it('is listed in health, one device per keypad', async () => {
    await until(() => server.registry.list().filter((d) => d.kind === 'keypad' && d.ok).length === 2);
    const health = (await client(server.url, kioskToken).get('/api/health')).body;
    const pads = health.devices.filter((d: { kind: string }) => d.kind === 'keypad');
    expect(pads.map((d: { id: string }) => d.id).sort()).toEqual(['hall/1', 'hall/2']);
    expect(pads[0].detail).toMatch(/^quầy\/counter \d: connected/);
  });

  it("the desk console's queue tells whether the counter's keypad answers", async () => {
    const desk = await officerAt(server.url, 3);
    expect((await desk.get('/api/counters/3/queue')).body.keypad).toMatchObject({ id: 'hall/2', ok: true });
    expect((await desk.get('/api/counters/4/queue')).body.keypad).toBeNull();
    sim().unplug(2, true);
    await until(() => server.registry.list().find((d) => d.id === 'hall/2')?.ok === false);
    expect((await desk.get('/api/counters/3/queue')).body.keypad).toMatchObject({ id: 'hall/2', ok: false, detail: expect.stringMatching(/no answer/) });
    sim().unplug(2, false);
  });
});

describe('a keypad bus that cannot be reached', () => {
  it('a missing serial port is reported in health, and the server still serves', async () => {
    const server = await startTestServer({
      config: demoConfig({ hardware: { keypads: [{ id: 'gone', transport: 'serial', path: '/dev/ttyUSB-none', baudRate: 9600, pollIntervalMs: 20, replyTimeoutMs: 150, pads: [{ address: 1, counterId: 1 }] }] } }),
    });
    try {
      await until(() => server.registry.list().some((d) => d.id === 'gone/1'));
      const health = (await client(server.url, kioskToken).get('/api/health')).body;
      const pad = health.devices.find((d: { id: string }) => d.id === 'gone/1');
      expect(pad).toMatchObject({ kind: 'keypad', ok: false });
      expect(pad.detail).toMatch(/Cannot open serial port \/dev\/ttyUSB-none/);
      expect((await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' })).status).toBe(201);
    } finally {
      await server.stop();
    }
  });

  it('a keypad that stops answering on a real serial line goes to not ok', async () => {
    const pty = await ptyPair();
    const link = await openSerial({ path: pty.b, baudRate: 115200 });
    const sim = simulateKeypads({ transport: link, addresses: [4] });
    const server = await startTestServer({
      config: demoConfig({ hardware: { keypads: [{ id: 'line', transport: 'serial', path: pty.a, baudRate: 115200, pollIntervalMs: 2, replyTimeoutMs: 40, pads: [{ address: 4, counterId: 5 }] }] } }),
    });
    try {
      const pad = () => server.registry.list().find((d) => d.id === 'line/4');
      await until(() => pad()?.ok === true);
      sim.unplug(4, true);
      await until(() => pad()?.ok === false);
      expect(pad()?.detail).toMatch(/quầy\/counter 5: no answer from keypad 4/);
      sim.unplug(4, false);
      await until(() => pad()?.ok === true);
    } finally {
      sim.close();
      await server.stop();
      await link.close();
      pty.stop();
    }
  });
});
