import { afterEach, describe, expect, it } from 'vitest';
import { ptyPair, until } from '../testing';
import { memoryPair, openSerial } from '../transport';
import { encodeBoxPress } from './codec';
import { createRatingBoxDriver, type RatingBoxStatus } from './driver';
import { simulateRatingBox } from '../sim/ratingbox';

describe('rating box driver', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('over a socat PTY pair: hello, one press per tap despite repeats, acks, lights, silence', async () => {
    const pty = await ptyPair();
    cleanups.push(pty.stop);
    const host = await openSerial({ path: pty.a, baudRate: 9600 });
    const boxEnd = await openSerial({ path: pty.b, baudRate: 9600 });
    const driver = createRatingBoxDriver({ transport: host, silenceMs: 600 });
    cleanups.push(() => driver.close());
    const statuses: RatingBoxStatus[] = [];
    const presses: number[] = [];
    driver.onStatus((s) => statuses.push(s));
    driver.onPress((p) => presses.push(p.button));

    const box = simulateRatingBox({ transport: boxEnd, buttons: 4, helloIntervalMs: 100, retryMs: 50 });
    await until(() => driver.status().online);
    expect(driver.status()).toMatchObject({ online: true, buttons: 4, firmware: '1.0' });

    await box.press(2);
    await until(() => box.acked().length === 1);
    expect(presses).toEqual([2]);
    expect(box.acked()).toEqual([1]);

    // The box's own retry of a press the server already took (its ack was lost on the line).
    await boxEnd.write(encodeBoxPress(2, 1));
    await box.press(1);
    await until(() => presses.length === 2);
    await new Promise((r) => setTimeout(r, 150));
    expect(presses).toEqual([2, 1]);

    await driver.setMode('ask');
    await until(() => box.mode() === 'ask');
    await driver.setMode('thanks');
    await until(() => box.mode() === 'thanks');

    await box.stop();
    await until(() => !driver.status().online, 20_000);
    expect(statuses.at(-1)).toMatchObject({ online: false, detail: 'mất tín hiệu / no signal' });
  });

  it('a press is emitted even if the box never said hello (it was powered before the server started)', async () => {
    const { host, device } = memoryPair();
    const driver = createRatingBoxDriver({ transport: host });
    cleanups.push(() => driver.close());
    const presses: number[] = [];
    driver.onPress((p) => presses.push(p.button));
    await device.write(Buffer.concat([Buffer.from([0x55]), encodeBoxPress(3, 42)]));
    await until(() => presses.length === 1);
    expect(presses).toEqual([3]);
    expect(driver.status().online).toBe(true);
  });
});
