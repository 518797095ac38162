import { readFileSync } from 'node:fs';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeEscPos, splitTickets, type SimPrinter } from '@qms/drivers';
import type { ClientToServerEvents, FloorEvent, ServerToClientEvents } from '@qms/protocol';
import { CenterConfig } from '@qms/server';
import { assertContract } from './support/contract';
import { client, demoConfig, kioskToken, login, officerAt, startTestServer, type TestServer } from './support/server';
import { waitFor } from '@qms/drivers/testing';

const row = (s: TestServer, id: string) => s.db.prepare(`SELECT number, printed FROM tickets WHERE id = ?`).get(id) as { number: string; printed: number | null };
const eventsOf = (s: TestServer, id: string) =>
  (s.db.prepare(`SELECT type, payload FROM events WHERE ticket_id = ? ORDER BY id`).all(id) as { type: string; payload: string }[]).map((e) => ({ type: e.type, ...JSON.parse(e.payload) }));

describe('printing issued tickets', () => {
  const servers: TestServer[] = [];
  const sockets: Socket[] = [];
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  });
  const start = async (config = demoConfig()) => {
    const s = await startTestServer({ config });
    servers.push(s);
    return { s, sim: s.printing.simulators().get('printer-1') as SimPrinter };
  };

  it('a kiosk ticket comes out of the printer: the 201 is unchanged, the paper has the number and a QR to /t/<id>?k=<key>', async () => {
    const { s, sim } = await start(demoConfig({ publicUrl: 'http://qms.hcc.local:8080' }));
    const res = await client(s.url, kioskToken).post('/api/tickets', { serviceId: 'chung-thuc' });
    assertContract(s, 'post', '/api/tickets', res);
    expect(res.status).toBe(201);
    expect(res.headers.get('x-qms-printer')).toBe('printer-1');
    await waitFor('the printed mark', () => row(s, res.body.id).printed === 1);
    // "Printed" means the printer took the job; the simulated paper comes out a moment later.
    const file = await waitFor('the paper', () => sim.printed()[0]);
    const [paper] = splitTickets(decodeEscPos(readFileSync(file.bin)), 576);
    expect(paper).toMatchObject({ cut: true, qrPayloads: [`http://qms.hcc.local:8080/t/${res.body.id}?k=${s.floor.ratings.keyOf(res.body.id)}`] });
    expect(paper!.maxRasterWidth).toBeLessThanOrEqual(576);
    expect(readFileSync(sim.preview(file)).subarray(1, 4).toString()).toBe('PNG');
    expect(eventsOf(s, res.body.id).map((e) => e.type)).toEqual(['ticket.issued', 'ticket.printed']);
    const health = await client(s.url, kioskToken).get('/api/health');
    expect(health.body.devices).toContainEqual(expect.objectContaining({ id: 'printer-1', kind: 'printer', ok: true }));
    const seen = await client(s.url).get(`/api/tickets/${res.body.id}`);
    expect(seen.body.printed).toBe(true);
  });

  it('out of paper: the ticket is kept, marked not printed, logged with the reason, and the kiosk and staff hear of it', async () => {
    const { s, sim } = await start();
    const kiosk: Socket<ServerToClientEvents, ClientToServerEvents> = io(s.url, { auth: { role: 'kiosk', token: kioskToken }, transports: ['websocket'] });
    const staffToken = await login(s.url, 'canbo1');
    const staff: Socket<ServerToClientEvents, ClientToServerEvents> = io(s.url, { auth: { role: 'counter', counterId: 1, token: staffToken }, transports: ['websocket'] });
    sockets.push(kiosk, staff);
    const atKiosk: FloorEvent[] = [];
    const atStaff: FloorEvent[] = [];
    kiosk.on('event', (e) => atKiosk.push(e));
    staff.on('event', (e) => atStaff.push(e));
    await waitFor('sockets', () => kiosk.connected && staff.connected);

    sim.setStatus({ paperOut: true });
    const res = await client(s.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
    expect(res.status).toBe(201);
    await waitFor('the not-printed mark', () => row(s, res.body.id).printed === 0);
    expect(row(s, res.body.id).number).toBe('1001');
    expect(eventsOf(s, res.body.id).at(-1)).toMatchObject({ type: 'ticket.print_failed', printerId: 'printer-1', reason: 'paper_out' });
    const update = await waitFor('ticket.updated at the kiosk', () => atKiosk.find((e) => e.type === 'ticket.updated' && e.ticket.id === res.body.id));
    expect(update).toMatchObject({ change: 'printed', ticket: { printed: false, number: '1001' } });
    const status = await waitFor('device.status for staff', () => atStaff.find((e) => e.type === 'device.status' && e.deviceId === 'printer-1' && !e.ok));
    expect(status).toMatchObject({ kind: 'printer', detail: expect.stringContaining('hết giấy') });
    expect(sim.printed()).toHaveLength(0);
    const desk = await officerAt(s.url, 2);
    const unprinted = await desk.get('/api/tickets/unprinted');
    assertContract(s, 'get', '/api/tickets/unprinted', unprinted);
    expect(unprinted.body.map((t: { number: string }) => t.number)).toEqual(['1001']);

    // Paper refilled: the officer reprints it.
    sim.setStatus({ paperOut: false });
    const reprint = await desk.post(`/api/tickets/${res.body.id}/print`);
    assertContract(s, 'post', '/api/tickets/:id/print', reprint);
    expect(reprint.body).toEqual({ printed: true, printerId: 'printer-1', reason: null });
    expect(row(s, res.body.id).printed).toBe(1);
    expect((await desk.get('/api/tickets/unprinted')).body).toEqual([]);
    expect((await client(s.url, kioskToken).get('/api/tickets/unprinted')).status).toBe(403);
    await waitFor('printer ok again', () => atStaff.find((e) => e.type === 'device.status' && e.deviceId === 'printer-1' && e.ok));
  });

  it('a desk ticket prints only with print: true; a retried kiosk request prints once', async () => {
    const { s, sim } = await start();
    const desk = await officerAt(s.url, 3);
    const quiet = await desk.post('/api/tickets', { serviceId: 'chung-thuc' });
    expect(quiet.headers.get('x-qms-printer')).toBe('none');
    const printed = await desk.post('/api/tickets', { serviceId: 'chung-thuc', print: true });
    expect(printed.status).toBe(201);
    expect(printed.body.channel).toBe('desk');
    await waitFor('the desk ticket printed', () => row(s, printed.body.id).printed === 1);
    expect(row(s, quiet.body.id).printed).toBeNull();

    const kiosk = client(s.url, kioskToken);
    const first = await kiosk.post('/api/tickets', { serviceId: 'bhxh' }, { 'idempotency-key': 'tap-1' });
    await waitFor('kiosk ticket printed', () => row(s, first.body.id).printed === 1);
    const again = await kiosk.post('/api/tickets', { serviceId: 'bhxh' }, { 'idempotency-key': 'tap-1' });
    expect(again.body.id).toBe(first.body.id);
    await new Promise((r) => setTimeout(r, 200));
    expect(sim.printed()).toHaveLength(2);
    expect(eventsOf(s, first.body.id).filter((e) => e.type === 'ticket.printed')).toHaveLength(1);
  });

  it('printing listens to the floor bus: a ticket issued by a floor command outside HTTP is printed too, once', async () => {
    const { s, sim } = await start();
    const t = s.floor.issue({ serviceId: 'dat-dai', channel: 'kiosk', staffId: null, print: { printerId: 'printer-1', kioskId: 'kiosk-1', counterId: null } });
    await waitFor('the printed mark', () => row(s, t.id).printed === 1);
    const plain = s.floor.issue({ serviceId: 'dat-dai', channel: 'api', staffId: null });
    await waitFor('the paper', () => sim.printed()[0]);
    await new Promise((r) => setTimeout(r, 200));
    expect(sim.printed()).toHaveLength(1);
    expect(row(s, plain.id).printed).toBeNull();
    expect(eventsOf(s, t.id).map((e) => e.type)).toEqual(['ticket.issued', 'ticket.printed']);
  });

  it('reprint: unknown tickets are 404, kiosks may not reprint, bad print flags are 400 in Vietnamese', async () => {
    const { s } = await start();
    const desk = await officerAt(s.url, 1);
    const missing = await desk.post('/api/tickets/no-such-ticket/print');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('unknown_ticket');
    const byKiosk = await client(s.url, kioskToken).post('/api/tickets/whatever/print');
    expect(byKiosk.status).toBe(403);
    const bad = await desk.post('/api/tickets', { serviceId: 'ho-tich', print: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/không hợp lệ/);
  });

  it('with no printer configured nothing is printed and the reprint says so', async () => {
    const base = demoConfig();
    const { s } = await start(CenterConfig.parse({ ...base, hardware: { ...base.hardware, printers: [] } }));
    const res = await client(s.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
    expect(res.headers.get('x-qms-printer')).toBe('none');
    const reprint = await (await officerAt(s.url, 1)).post(`/api/tickets/${res.body.id}/print`);
    expect(reprint.status).toBe(409);
    expect(reprint.body.error.code).toBe('no_printer');
    expect(row(s, res.body.id).printed).toBeNull();
  });

  it('config: a serial printer needs a path, a network printer a host', () => {
    const base = demoConfig();
    const parse = (printers: unknown[]) => CenterConfig.safeParse({ ...base, hardware: { ...base.hardware, printers } });
    expect(parse([{ id: 'p', transport: 'serial' }]).error?.message).toMatch(/needs a path/);
    expect(parse([{ id: 'p', transport: 'tcp' }]).error?.message).toMatch(/needs a host/);
    expect(parse([{ id: 'p', transport: 'usb', path: '/dev/usb/lp0', paperWidth: 57 }]).success).toBe(false);
    const ok = parse([{ id: 'p', transport: 'tcp', host: '192.168.1.50' }]);
    expect(ok.data?.hardware.printers?.[0]).toMatchObject({ port: 9100, paperWidth: 80, cut: 'full', layout: { title: 'SỐ THỨ TỰ' } });
  });
});
