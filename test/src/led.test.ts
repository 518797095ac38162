import { afterEach, describe, expect, it } from 'vitest';
import { openSerial, simulateLedBoards, type Transport } from '@qms/drivers';
import { ptyPair, until } from '@qms/drivers/testing';
import { client, demoConfig, kioskToken, officerAt, startTestServer, type TestServer } from './support/server';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function server(ledBoards: unknown): Promise<TestServer> {
  const base = demoConfig();
  const s = await startTestServer({ config: demoConfig({ hardware: { ...base.hardware, ledBoards } as typeof base.hardware }) });
  cleanups.push(() => s.stop());
  return s;
}

describe('LED counter boards bound to the floor', () => {
  it('a call shows the number on its counter\'s board (flashing), others keep theirs; health lists every board', async () => {
    const s = await server([{ id: 'hall', transport: 'sim', boards: [{ address: 1, counterId: 3 }, { address: 2, counterId: 4 }] }]);
    const sim = s.ledBoards.sims.get('hall')!;
    await client(s.url, kioskToken).post('/api/tickets', { serviceId: 'chung-thuc' });
    const desk = await officerAt(s.url, 3);
    await desk.post('/api/counters/3/call-next');
    await until(() => sim.display(1).text === '2001');
    expect(sim.display(1).blink).toBe(true);
    expect(sim.display(2).text).toBe('    ');

    const health = await client(s.url, kioskToken).get('/api/health');
    const leds = health.body.devices.filter((d: { kind: string }) => d.kind === 'led');
    expect(leds.map((d: { id: string; ok: boolean }) => [d.id, d.ok])).toEqual([['hall/1', true], ['hall/2', true]]);
    // What the admin panel says a board shows follows each call, not only changes of health.
    expect(leds[0].detail).toBe('quầy/counter 3: shows "2001"');

    // Finished and nobody called: the board goes blank rather than show a number nobody is called for.
    await desk.post('/api/counters/3/finish');
    await until(() => sim.display(1).text === '    ');
  });

  it('a board that stops answering turns red in health, and gets its number again when it is back', async () => {
    const s = await server([{ id: 'hall', transport: 'sim', refreshSeconds: 1, boards: [{ address: 5, counterId: 1 }] }]);
    const sim = s.ledBoards.sims.get('hall')!;
    await until(() => s.registry.list().some((d) => d.id === 'hall/5' && d.ok));
    sim.unplug(5, true);
    await client(s.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' });
    await (await officerAt(s.url, 1)).post('/api/counters/1/call-next');
    await until(() => s.registry.list().some((d) => d.id === 'hall/5' && !d.ok));
    sim.unplug(5, false);
    await until(() => s.registry.list().some((d) => d.id === 'hall/5' && d.ok));
    expect(sim.display(5).text).toBe('1001');
  });

  it('real serial: the server drives boards over a socat PTY pair', async () => {
    const pty = await ptyPair();
    cleanups.push(pty.stop);
    const device: Transport = await openSerial({ path: pty.b, baudRate: 9600 });
    cleanups.push(() => device.close());
    const profile = { stx: 2, etx: 3, address: 'ascii' as const, checksum: 'sum' as const, digits: 4, align: 'right' as const, ack: true };
    const boards = simulateLedBoards({ transport: device, addresses: [11, 12], profile });
    cleanups.push(() => boards.close());
    const s = await server([{ transport: 'serial', path: pty.a, baudRate: 9600, profile, boards: [{ address: 11, counterId: 2 }, { address: 12, counterId: 6 }] }]);
    const kiosk = client(s.url, kioskToken);
    await kiosk.post('/api/tickets', { serviceId: 'ho-tich' });
    await kiosk.post('/api/tickets', { serviceId: 'bhxh' });
    await (await officerAt(s.url, 2)).post('/api/counters/2/call-next');
    await (await officerAt(s.url, 6)).post('/api/counters/6/call-next');
    await until(() => boards.display(11).text === '1001' && boards.display(12).text === '7001');
    await until(() => s.registry.list().filter((d) => d.kind === 'led' && d.ok).length === 2);
  });

  it('a serial bus without a path or two boards sharing an address are refused in plain words', () => {
    const base = demoConfig();
    const parse = (ledBoards: unknown) => () => demoConfig({ hardware: { ...base.hardware, ledBoards } as typeof base.hardware });
    expect(parse([{ transport: 'serial', boards: [{ address: 1, counterId: 1 }] }])).toThrow(/needs a path/);
    expect(parse([{ transport: 'sim', boards: [{ address: 1, counterId: 1 }, { address: 1, counterId: 2 }] }])).toThrow(/share address 1/);
  });
});
