import type { Transport } from '../transport';
import { LED_BROADCAST, LedCommand, decodeFrames, defaultLedProfile, encodeAck, type LedProfile } from '../led/codec';

interface SimBoard {
  text: string;
  blink: boolean;
  brightness: number;
  unplugged: boolean;
}

/**
 * LED boards on one bus, simulated on the device end of a transport: each obeys only frames with its
 * address (or the broadcast one) and a good checksum, and answers with an ACK when its profile says so
 * (never to a broadcast, which would collide on the bus).
 */
export function simulateLedBoards(opts: { transport: Transport; addresses: number[]; profile?: LedProfile }) {
  const p = opts.profile ?? defaultLedProfile;
  const boards = new Map<number, SimBoard>(opts.addresses.map((a) => [a, { text: '', blink: false, brightness: 15, unplugged: false }]));
  let buffer: Buffer = Buffer.alloc(0);
  let dropped = 0;
  const off = opts.transport.onData((chunk) => {
    const decoded = decodeFrames(Buffer.concat([buffer, chunk]), p);
    buffer = decoded.rest;
    dropped += decoded.dropped;
    for (const f of decoded.frames) {
      const targets = f.address === LED_BROADCAST ? [...boards.values()] : [boards.get(f.address)].filter((b) => b !== undefined);
      for (const b of targets) {
        if (b.unplugged) continue;
        if (f.command === LedCommand.show || f.command === LedCommand.blink) Object.assign(b, { text: f.data.toString('ascii'), blink: f.command === LedCommand.blink });
        else if (f.command === LedCommand.clear) Object.assign(b, { text: '', blink: false });
        else if (f.command === LedCommand.brightness) b.brightness = f.data[0] ?? b.brightness;
      }
      const board = boards.get(f.address);
      if (p.ack && board && !board.unplugged) void opts.transport.write(encodeAck(f.address, p)).catch(() => undefined);
    }
  });
  const board = (address: number) => {
    const b = boards.get(address);
    if (!b) throw new RangeError(`no simulated LED board ${address}`);
    return b;
  };
  return {
    /** What the board shows, padded to its width as the segments light up. */
    display: (address: number) => ({ text: board(address).text, blink: board(address).blink, brightness: board(address).brightness }),
    unplug: (address: number, unplugged: boolean) => void (board(address).unplugged = unplugged),
    /** Switched off and on: blank until it is sent a number again, as real boards come up. */
    powerCycle: (address: number) => void Object.assign(board(address), { text: '', blink: false }),
    /** Frames thrown away for noise or a bad checksum. */
    dropped: () => dropped,
    close: () => off(),
  };
}
export type SimulatedLedBoards = ReturnType<typeof simulateLedBoards>;
