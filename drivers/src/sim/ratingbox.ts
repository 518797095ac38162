import type { Transport } from '../transport';
import { decodeBoxStream, encodeBoxHello, encodeBoxPress, type BoxMode } from '../ratingbox/codec';

export interface SimulatedRatingBoxOptions {
  /** The box's end of the link (`memoryPair().device`, or a PTY path opened with `openSerial`). */
  transport: Transport;
  buttons: 3 | 4 | 5;
  helloIntervalMs?: number;
  /** A press not acknowledged within this time is sent again, with the same sequence number, up to `retries` times. */
  retryMs?: number;
  retries?: number;
}

/** A rating box as the firmware behaves: hello at power-up and periodically, presses repeated until acknowledged. */
export function simulateRatingBox(opts: SimulatedRatingBoxOptions) {
  const { transport, buttons } = opts;
  const retryMs = opts.retryMs ?? 300;
  const retries = opts.retries ?? 5;
  let seq = 0;
  let mode: BoxMode = 'idle';
  let pending: Buffer = Buffer.alloc(0);
  const unacked = new Map<number, ReturnType<typeof setTimeout>>();
  const acked: number[] = [];
  const done = new Set<number>();
  const send = (buf: Buffer) => transport.write(buf).catch(() => undefined);

  const offData = transport.onData((chunk) => {
    const { messages, rest } = decodeBoxStream(Buffer.concat([pending, chunk]));
    pending = rest;
    for (const m of messages) {
      if (m.kind === 'mode') mode = m.mode;
      if (m.kind === 'ack') {
        clearTimeout(unacked.get(m.seq));
        unacked.delete(m.seq);
        if (!done.has(m.seq)) acked.push(m.seq);
        done.add(m.seq);
      }
    }
  });
  void send(encodeBoxHello(buttons));
  const hello = setInterval(() => void send(encodeBoxHello(buttons)), opts.helloIntervalMs ?? 5000);
  hello.unref?.();

  return {
    /** Presses button `n` (1 = best); resolves once the frame is written. */
    press(n: number) {
      if (!Number.isInteger(n) || n < 1 || n > buttons) throw new RangeError(`this box has buttons 1–${buttons}`);
      seq = (seq + 1) & 0xff;
      const mine = seq;
      done.delete(mine);
      const frame = encodeBoxPress(n, mine);
      let left = retries;
      const retry = () => {
        if (left-- <= 0 || done.has(mine)) return void unacked.delete(mine);
        unacked.set(mine, setTimeout(() => (done.has(mine) ? undefined : void send(frame).then(retry)), retryMs));
      };
      retry();
      return send(frame);
    },
    /** The lights as the server last set them. */
    mode: () => mode,
    /** Sequence numbers the server acknowledged, in order. */
    acked: () => [...acked],
    async stop() {
      clearInterval(hello);
      for (const t of unacked.values()) clearTimeout(t);
      offData();
      await transport.close();
    },
  };
}
export type SimulatedRatingBox = ReturnType<typeof simulateRatingBox>;
