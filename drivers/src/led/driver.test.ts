import { afterEach, describe, expect, it } from 'vitest';
import { ptyPair, until } from '../testing';
import { memoryPair, openSerial, type Transport } from '../transport';
import { simulateLedBoards } from '../sim/led';
import { defaultLedProfile } from './codec';
import { createLedBus, type LedBoardStatus } from './driver';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function serialBus(profile = defaultLedProfile) {
  const pty = await ptyPair();
  cleanups.push(pty.stop);
  const host: Transport = await openSerial({ path: pty.a, baudRate: 9600 });
  const device: Transport = await openSerial({ path: pty.b, baudRate: 9600 });
  cleanups.push(() => host.close(), () => device.close());
  const boards = simulateLedBoards({ transport: device, addresses: [1, 2, 3], profile });
  const statuses: LedBoardStatus[] = [];
  const bus = createLedBus({ transport: host, profile, ackTimeoutMs: 150, onStatus: (s) => statuses.push(s) });
  cleanups.push(() => bus.close(), () => boards.close());
  return { bus, boards, statuses };
}

describe('LED bus driver over a socat PTY pair', () => {
  it('several boards on one bus, each shows its own number and answers', async () => {
    const { bus, boards, statuses } = await serialBus();
    await Promise.all([bus.show(1, '1001'), bus.show(2, '2015'), bus.show(3, '7')]);
    await bus.idle();
    expect([1, 2, 3].map((a) => boards.display(a).text)).toEqual(['1001', '2015', '   7']);
    expect(statuses.map((s) => [s.address, s.ok])).toEqual([[1, true], [2, true], [3, true]]);
  });

  it('a board that stops answering is reported, and again when it is back', async () => {
    const { bus, boards, statuses } = await serialBus();
    await bus.show(2, '1001');
    boards.unplug(2, true);
    await bus.show(2, '1002');
    expect(statuses.at(-1)).toMatchObject({ address: 2, ok: false });
    expect(boards.display(2).text).toBe('1001');
    boards.unplug(2, false);
    await bus.refresh();
    expect(statuses.at(-1)).toMatchObject({ address: 2, ok: true });
    expect(boards.display(2).text).toBe('1002');
  });

  it('refresh sends the failing boards again, or every board', async () => {
    const { bus, boards, statuses } = await serialBus();
    await Promise.all([bus.show(1, '1001'), bus.show(2, '2002')]);
    boards.unplug(2, true);
    await bus.show(2, '2003');
    boards.powerCycle(1); // answered before, so nothing says it went blank
    boards.unplug(2, false);
    await bus.refresh('failing');
    expect(statuses.at(-1)).toMatchObject({ address: 2, ok: true });
    expect([boards.display(1).text, boards.display(2).text]).toEqual(['', '2003']);
    await bus.refresh('all');
    expect(boards.display(1).text).toBe('1001');
  });

  it('one-way boards with ASCII addresses and a sum checksum', async () => {
    const profile = { ...defaultLedProfile, ack: false, address: 'ascii' as const, checksum: 'sum' as const, digits: 3 };
    const { bus, boards } = await serialBus(profile);
    await bus.show(3, '42');
    // No answer to wait for: wait for the board to show the bytes.
    await until(() => boards.display(3).text === ' 42');
    expect(boards.display(3).text).toBe(' 42');
    expect(boards.display(1).text).toBe('');
  });
});

describe('LED bus driver in memory', () => {
  it('a board that falls behind gets only the latest number', async () => {
    const pair = memoryPair();
    const boards = simulateLedBoards({ transport: pair.device, addresses: [1, 2] });
    const written: Buffer[] = [];
    const host: Transport = { ...pair.host, write: (b) => (written.push(b), pair.host.write(b)) };
    const bus = createLedBus({ transport: host });
    void bus.show(2, '0001');
    void bus.show(1, '1001');
    void bus.show(1, '1002');
    await bus.show(1, '1003');
    await bus.idle();
    expect(boards.display(1).text).toBe('1003');
    expect(boards.display(2).text).toBe('0001');
    expect(written).toHaveLength(2);
    bus.close();
    boards.close();
  });
});
