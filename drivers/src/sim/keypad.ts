import type { Transport } from '../transport';
import { Command, ackFrame, decodeFrames, keyReplyFrame, parseDisplay, type KeypadKey } from '../keypad/codec';

interface SimPad {
  pending: { seq: number; key: KeypadKey }[];
  seq: number;
  text: string;
  blink: boolean;
  frozen: boolean;
}

/**
 * Keypads on one bus, simulated on the device end of a transport: each answers only frames with its
 * address and a good CRC, keeps presses until the master acknowledges them, and shows what it is told.
 */
export function simulateKeypads(opts: { transport: Transport; addresses: number[] }) {
  const pads = new Map<number, SimPad>(opts.addresses.map((a) => [a, { pending: [], seq: 0, text: '', blink: false, frozen: false }]));
  let buffer: Buffer = Buffer.alloc(0);
  const off = opts.transport.onData((chunk) => {
    const { frames, rest } = decodeFrames(Buffer.concat([buffer, chunk]));
    buffer = rest;
    for (const f of frames) {
      const pad = pads.get(f.address);
      if (!pad || pad.frozen) continue;
      if (f.command === Command.poll) {
        const ack = f.data[0] ?? 0;
        if (pad.pending[0]?.seq === ack) pad.pending.shift();
        void opts.transport.write(keyReplyFrame(f.address, pad.pending[0] ?? null)).catch(() => undefined);
      } else if (f.command === Command.display) {
        const shown = parseDisplay(f);
        if (shown) Object.assign(pad, shown);
        void opts.transport.write(ackFrame(f.address)).catch(() => undefined);
      }
    }
  });
  const pad = (address: number) => {
    const p = pads.get(address);
    if (!p) throw new RangeError(`no simulated keypad ${address}`);
    return p;
  };
  return {
    /** The officer presses a key. */
    press(address: number, key: KeypadKey) {
      const p = pad(address);
      p.seq = p.seq >= 255 ? 1 : p.seq + 1;
      p.pending.push({ seq: p.seq, key });
    },
    display: (address: number) => ({ text: pad(address).text, blink: pad(address).blink }),
    /** Pressed but not yet taken by the master. */
    pending: (address: number) => pad(address).pending.length,
    /** Unplugged (true) or plugged back after a power cycle (false): it stops answering, then starts blank. */
    unplug(address: number, unplugged: boolean) {
      const p = pad(address);
      p.frozen = unplugged;
      // A real keypad starts its press counter at a random value after power-up, so the master's memory of the
      // last sequence number cannot swallow its first press (except with a 1-in-255 chance).
      if (!unplugged) Object.assign(p, { text: '', blink: false, pending: [], seq: 1 + Math.floor(Math.random() * 254) });
    },
    close: () => off(),
  };
}
export type SimulatedKeypads = ReturnType<typeof simulateKeypads>;
