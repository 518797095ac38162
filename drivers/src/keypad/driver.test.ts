import { afterEach, describe, expect, it } from 'vitest';
import { ptyPair, until } from '../testing';
import { memoryPair, openSerial } from '../transport';
import { simulateKeypads } from '../sim/keypad';
import { decodeFrames, Command } from './codec';
import { createKeypadBus, type KeypadStatus } from './driver';
import type { KeypadKey } from './codec';

describe('keypad bus driver', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('over a socat PTY pair: three keypads on one bus, each press once, displays follow', async () => {
    const pty = await ptyPair();
    cleanups.push(pty.stop);
    const host = await openSerial({ path: pty.a, baudRate: 19200 });
    const device = await openSerial({ path: pty.b, baudRate: 19200 });
    cleanups.push(() => host.close(), () => device.close());
    const sim = simulateKeypads({ transport: device, addresses: [1, 2, 5] });
    cleanups.push(sim.close);
    const bus = createKeypadBus({ transport: host, addresses: [1, 2, 5], pollIntervalMs: 5 });
    cleanups.push(bus.close);
    const got: { address: number; key: KeypadKey }[] = [];
    bus.onKey((p) => got.push(p));

    bus.show(1, '1001');
    bus.show(5, '2003', true);
    sim.press(2, 'next');
    sim.press(2, 'recall');
    sim.press(5, 'finish');
    sim.press(1, 'noShow');
    await until(() => got.length === 4 && sim.display(5).text === '2003' && sim.display(1).text === '1001');
    await until(() => [1, 2, 5].every((a) => sim.pending(a) === 0));
    await new Promise((r) => setTimeout(r, 100)); // more polls go by: nothing is delivered twice
    expect(got.filter((p) => p.address === 2).map((p) => p.key)).toEqual(['next', 'recall']);
    expect(got.filter((p) => p.address !== 2)).toEqual(expect.arrayContaining([{ address: 5, key: 'finish' }, { address: 1, key: 'noShow' }]));
    expect(got).toHaveLength(4);
    expect(sim.display(5)).toEqual({ text: '2003', blink: true });
    expect(sim.display(2).text).toBe('');
    expect(bus.isOnline(2)).toBe(true);
  });

  it('a lost reply never doubles a press: the repeat carries the same sequence number', async () => {
    const { host, device } = memoryPair();
    // Drop the first KEY reply that carries a press, as line noise would.
    let dropped = 0;
    const lossy = {
      ...device,
      write: async (b: Buffer) => {
        const f = decodeFrames(b).frames[0];
        if (f && f.command === 0x81 && f.data.length === 2 && dropped === 0) {
          dropped++;
          return;
        }
        return device.write(b);
      },
    };
    const sim = simulateKeypads({ transport: lossy, addresses: [4] });
    const bus = createKeypadBus({ transport: host, addresses: [4], pollIntervalMs: 1, replyTimeoutMs: 30 });
    cleanups.push(sim.close, bus.close);
    const got: KeypadKey[] = [];
    bus.onKey((p) => got.push(p.key));
    sim.press(4, 'next');
    await until(() => got.length === 1 && sim.pending(4) === 0);
    await new Promise((r) => setTimeout(r, 50));
    expect(dropped).toBe(1);
    expect(got).toEqual(['next']);
  });

  it('reports a keypad that stops answering, and repaints its display when it comes back', async () => {
    const { host, device } = memoryPair();
    const sim = simulateKeypads({ transport: device, addresses: [1, 2] });
    const bus = createKeypadBus({ transport: host, addresses: [1, 2], pollIntervalMs: 1, replyTimeoutMs: 20, offlineAfter: 2 });
    cleanups.push(sim.close, bus.close);
    const statuses: KeypadStatus[] = [];
    bus.onStatus((s) => statuses.push(s));
    bus.show(2, '3007');
    await until(() => sim.display(2).text === '3007' && bus.isOnline(1) && bus.isOnline(2));
    sim.unplug(2, true);
    await until(() => !bus.isOnline(2));
    expect(statuses.at(-1)).toMatchObject({ address: 2, online: false });
    expect(statuses.at(-1)?.detail).toMatch(/no answer from keypad 2/);
    sim.unplug(2, false);
    expect(sim.display(2).text).toBe('');
    await until(() => bus.isOnline(2) && sim.display(2).text === '3007');
    expect(bus.isOnline(1)).toBe(true);
  });

  it('works through an RS-485 adapter that echoes every frame the server sends', async () => {
    const { host, device } = memoryPair();
    device.onData((b) => void device.write(b));
    const sim = simulateKeypads({ transport: device, addresses: [1, 2] });
    const bus = createKeypadBus({ transport: host, addresses: [1, 2], pollIntervalMs: 1, replyTimeoutMs: 30 });
    cleanups.push(sim.close, bus.close);
    const got: string[] = [];
    bus.onKey((p) => got.push(`${p.address}:${p.key}`));
    bus.show(2, '1005');
    sim.press(1, 'finish');
    sim.press(2, 'next');
    await until(() => got.length === 2 && sim.display(2).text === '1005' && sim.pending(1) + sim.pending(2) === 0);
    await new Promise((r) => setTimeout(r, 30));
    expect(got.sort()).toEqual(['1:finish', '2:next']);
  });

  it('polls only the configured addresses, and ignores a stranger on the bus', async () => {
    const { host, device } = memoryPair();
    const seen = new Set<number>();
    device.onData((b) => {
      for (const f of decodeFrames(b).frames) if (f.command === Command.poll) seen.add(f.address);
    });
    const sim = simulateKeypads({ transport: device, addresses: [3, 9] });
    const bus = createKeypadBus({ transport: host, addresses: [3], pollIntervalMs: 1 });
    cleanups.push(sim.close, bus.close);
    const got: number[] = [];
    bus.onKey((p) => got.push(p.address));
    sim.press(9, 'next');
    sim.press(3, 'next');
    await until(() => got.length === 1);
    await new Promise((r) => setTimeout(r, 30));
    expect(got).toEqual([3]);
    expect([...seen]).toEqual([3]);
    expect(sim.pending(9)).toBe(1);
  });
});
