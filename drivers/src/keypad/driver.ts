import type { Transport } from '../transport';
import { Listeners } from '../transport';
import { Reply, decodeFrames, displayFrame, displayText, parseKeyReply, pollFrame, type Frame, type KeypadKey } from './codec';

export interface KeypadBusOptions {
  transport: Transport;
  /** Keypad addresses on this bus. */
  addresses: number[];
  /** Pause after a full round of polls (ms); the bus is otherwise polled back to back. */
  pollIntervalMs?: number;
  /** How long a keypad has to answer a frame. */
  replyTimeoutMs?: number;
  /** Missed answers in a row before a keypad counts as offline. */
  offlineAfter?: number;
}

export interface KeypadStatus {
  address: number;
  online: boolean;
  detail: string;
}

/**
 * The master of one RS-485 keypad bus: polls every keypad in turn, hands each key press over exactly
 * once (a press is repeated until acknowledged in the next poll, and a repeat is recognised by its
 * sequence number), and keeps each keypad's display showing the last text asked for.
 */
export function createKeypadBus(opts: KeypadBusOptions) {
  const { transport } = opts;
  const replyTimeoutMs = opts.replyTimeoutMs ?? 150;
  const pollIntervalMs = opts.pollIntervalMs ?? 20;
  const offlineAfter = opts.offlineAfter ?? 3;
  const keys = new Listeners<{ address: number; key: KeypadKey }>();
  const statuses = new Listeners<KeypadStatus>();
  const pads = new Map(
    opts.addresses.map((a) => [a, { lastSeq: 0, misses: 0, online: null as boolean | null, wanted: '', shown: null as string | null }]),
  );
  let buffer: Buffer = Buffer.alloc(0);
  let waiter: { address: number; resolve: (f: Frame | null) => void } | null = null;
  let running = true;

  const offData = transport.onData((chunk) => {
    const { frames, rest } = decodeFrames(Buffer.concat([buffer, chunk]));
    buffer = rest;
    for (const f of frames) {
      // A reply from the keypad being asked; anything else (a late answer after a timeout) is ignored.
      if (waiter && f.address === waiter.address && (f.command === Reply.key || f.command === Reply.ack)) {
        const w = waiter;
        waiter = null;
        w.resolve(f);
      }
    }
  });

  function ask(address: number, frame: Buffer): Promise<Frame | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        if (waiter?.resolve === done) waiter = null;
        resolve(null);
      }, replyTimeoutMs);
      const done = (f: Frame | null) => {
        clearTimeout(timer);
        resolve(f);
      };
      waiter = { address, resolve: done };
      buffer = Buffer.alloc(0);
      transport.write(frame).catch(() => done(null));
    });
  }

  function mark(address: number, answered: boolean) {
    const pad = pads.get(address)!;
    pad.misses = answered ? 0 : pad.misses + 1;
    const online = answered ? true : pad.misses >= offlineAfter ? false : pad.online;
    if (online === pad.online || online === null) return;
    pad.online = online;
    // A keypad that comes back (power cycle) has lost its display text.
    if (!online) pad.shown = null;
    statuses.emit({ address, online, detail: online ? 'connected' : `no answer from keypad ${address} on ${transport.description}` });
  }

  async function serve(address: number) {
    const pad = pads.get(address)!;
    if (pad.shown !== pad.wanted) {
      // `wanted` starts with '*' when the text should blink.
      const text = pad.wanted;
      const reply = await ask(address, displayFrame(address, text.replace(/^\*/, ''), text.startsWith('*')));
      mark(address, reply !== null);
      if (reply?.command === Reply.ack) pad.shown = text;
      if (!running) return;
    }
    const reply = await ask(address, pollFrame(address, pad.lastSeq));
    mark(address, reply !== null);
    const press = reply ? parseKeyReply(reply) : null;
    if (press && press.seq !== pad.lastSeq) {
      pad.lastSeq = press.seq;
      if (press.key) keys.emit({ address, key: press.key });
    }
  }

  const loop = (async () => {
    while (running) {
      for (const address of pads.keys()) {
        if (!running) break;
        await serve(address);
      }
      await new Promise((r) => setTimeout(r, pollIntervalMs));
    }
  })();

  return {
    /** Key presses, each delivered once. */
    onKey: (l: (press: { address: number; key: KeypadKey }) => void) => keys.add(l),
    /** A keypad answered for the first time, or stopped answering. */
    onStatus: (l: (s: KeypadStatus) => void) => statuses.add(l),
    /** Shows `text` (digits, A–Z, '-', at most 6) on the keypad; sent before its next poll and again after it comes back. */
    show(address: number, text: string, blink = false) {
      const pad = pads.get(address);
      if (!pad) throw new RangeError(`no keypad ${address} on ${transport.description}`);
      pad.wanted = (blink ? '*' : '') + displayText(text);
    },
    isOnline: (address: number) => pads.get(address)?.online === true,
    async close() {
      running = false;
      await loop;
      offData();
    },
  };
}
export type KeypadBus = ReturnType<typeof createKeypadBus>;
