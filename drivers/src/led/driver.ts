import type { Transport } from '../transport';
import { LedCommand, decodeFrames, defaultLedProfile, encodeShow, type LedProfile } from './codec';

export interface LedBoardStatus {
  address: number;
  ok: boolean;
  detail: string;
}

export interface LedBusOptions {
  transport: Transport;
  profile?: LedProfile;
  /** How long to wait for a board's ACK (two-way boards only). */
  ackTimeoutMs?: number;
  /** Tries per frame before a board is reported as not answering. */
  attempts?: number;
  onStatus?: (s: LedBoardStatus) => void;
}

/**
 * Several LED boards on one RS-485 bus, by address. Frames go out one at a time (half duplex); a board
 * that falls behind gets only its latest text, never a backlog of old numbers.
 */
export function createLedBus(opts: LedBusOptions) {
  const p = opts.profile ?? defaultLedProfile;
  const ackTimeoutMs = opts.ackTimeoutMs ?? 200;
  const attempts = opts.attempts ?? 2;
  const wanted = new Map<number, { text: string; blink: boolean }>();
  const dirty: number[] = [];
  const health = new Map<number, boolean>();
  let rx: Buffer = Buffer.alloc(0);
  let waiter: { address: number; resolve: (ok: boolean) => void } | null = null;
  let running: Promise<void> | null = null;
  let closed = false;

  const offData = opts.transport.onData((chunk) => {
    const { frames, rest } = decodeFrames(Buffer.concat([rx, chunk]), p);
    rx = rest;
    for (const f of frames) if (f.command === LedCommand.ack && waiter?.address === f.address) waiter.resolve(true);
  });

  const said = new Map<number, string>();
  // Reported when health or what the board shows changes, so the admin panel's "shows 1023" stays true.
  const status = (address: number, ok: boolean, detail: string) => {
    if (health.get(address) === ok && said.get(address) === detail) return;
    health.set(address, ok);
    said.set(address, detail);
    opts.onStatus?.({ address, ok, detail });
  };

  async function send(address: number, frame: Buffer): Promise<boolean> {
    if (!p.ack) {
      await opts.transport.write(frame);
      return true;
    }
    for (let i = 0; i < attempts; i++) {
      const acked = new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), ackTimeoutMs);
        waiter = { address, resolve: (ok) => (clearTimeout(timer), resolve(ok)) };
      });
      await opts.transport.write(frame);
      const ok = await acked;
      waiter = null;
      if (ok) return true;
    }
    return false;
  }

  async function pump() {
    while (!closed && dirty.length > 0) {
      const address = dirty.shift() as number;
      const w = wanted.get(address);
      if (!w) continue;
      try {
        const ok = await send(address, encodeShow(address, w.text, p, w.blink));
        status(address, ok, ok ? `shows "${w.text}"` : 'does not answer (cable, address or power?)');
      } catch (e) {
        status(address, false, `cannot write: ${(e as Error).message}`);
      }
    }
  }

  return {
    /** Shows `text` on the board at `address` (replacing whatever is still waiting to be sent to it). */
    show(address: number, text: string, blink = false): Promise<void> {
      wanted.set(address, { text, blink });
      if (!dirty.includes(address)) dirty.push(address);
      running ??= pump().finally(() => (running = null));
      return running;
    },
    /** Sends every board its text again (after the link came back), or only the boards that did not answer. */
    refresh(which: 'all' | 'failing' = 'all'): Promise<void> {
      for (const a of wanted.keys()) if (!dirty.includes(a) && (which === 'all' || health.get(a) === false)) dirty.push(a);
      running ??= pump().finally(() => (running = null));
      return running;
    },
    /** Resolves once every queued frame is out. */
    idle: async () => {
      while (running) await running;
    },
    close() {
      closed = true;
      offData();
      waiter?.resolve(false);
    },
  };
}
export type LedBus = ReturnType<typeof createLedBus>;
