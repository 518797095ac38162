/**
 * Caller keypad frame format (RS-485 multi-drop, half duplex; the server is the only master).
 *
 *   A5 | addr | cmd | len | data[len] | crc
 *
 * `addr` 1–247 is the keypad's address on the bus; `crc` is CRC-8 (polynomial 0x07, init 0x00) over
 * addr, cmd, len and data. A keypad speaks only when polled, so two keypads never talk at once.
 * See docs/hardware/keypad.md.
 */

export const FRAME_START = 0xa5;
export const MAX_DATA = 32;
export const MIN_ADDRESS = 1;
export const MAX_ADDRESS = 247;

/** Master → keypad. */
export const Command = {
  /** data: [ackSeq] — the sequence number of the last key press the master took (0: none yet). */
  poll: 0x01,
  /** data: [flags, ...ascii] — the number shown on the keypad; flags bit 0 = blink. */
  display: 0x02,
} as const;

/** Keypad → master. */
export const Reply = {
  /** data: [] when no key is pending, or [seq, key]: the oldest press not yet acknowledged. */
  key: 0x81,
  /** data: [] — display text taken. */
  ack: 0x82,
} as const;

export const keyCodes = { next: 0x01, recall: 0x02, noShow: 0x03, finish: 0x04, start: 0x05 } as const;
export type KeypadKey = keyof typeof keyCodes;
const keyByCode = new Map(Object.entries(keyCodes).map(([k, v]) => [v, k as KeypadKey]));

export const DISPLAY_CHARS = 6;

export interface Frame {
  address: number;
  command: number;
  data: Buffer;
}

/** CRC-8/SMBUS: polynomial 0x07, init 0x00, no reflection; check value of "123456789" is 0xF4. */
export function crc8(bytes: Uint8Array): number {
  let crc = 0;
  for (const b of bytes) {
    crc ^= b;
    for (let i = 0; i < 8; i++) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}

export function encodeFrame({ address, command, data }: Frame): Buffer {
  if (!Number.isInteger(address) || address < MIN_ADDRESS || address > MAX_ADDRESS) throw new RangeError(`keypad address ${address} is outside ${MIN_ADDRESS}–${MAX_ADDRESS}`);
  if (data.length > MAX_DATA) throw new RangeError(`keypad frame data is ${data.length} bytes; at most ${MAX_DATA}`);
  const body = Buffer.concat([Buffer.from([address, command & 0xff, data.length]), data]);
  return Buffer.concat([Buffer.from([FRAME_START]), body, Buffer.from([crc8(body)])]);
}

export interface DecodeResult {
  frames: Frame[];
  /** Bytes of a frame not complete yet; give them back with the next chunk. */
  rest: Buffer;
  /** Bytes thrown away: line noise, or a frame whose CRC did not match. */
  dropped: number;
}

/** Splits a byte stream into frames; resynchronises on the next start byte after noise or a bad CRC. */
export function decodeFrames(input: Buffer): DecodeResult {
  const frames: Frame[] = [];
  let i = 0;
  let dropped = 0;
  while (i < input.length) {
    if (input[i] !== FRAME_START) {
      i++;
      dropped++;
      continue;
    }
    if (input.length - i < 4) break;
    const len = input[i + 3]!;
    if (len > MAX_DATA) {
      i++;
      dropped++;
      continue;
    }
    const end = i + 4 + len + 1;
    if (end > input.length) break;
    const body = input.subarray(i + 1, end - 1);
    if (crc8(body) !== input[end - 1]) {
      i++;
      dropped++;
      continue;
    }
    frames.push({ address: body[0]!, command: body[1]!, data: Buffer.from(body.subarray(3)) });
    i = end;
  }
  return { frames, rest: Buffer.from(input.subarray(i)), dropped };
}

export const pollFrame = (address: number, ackSeq: number): Buffer => encodeFrame({ address, command: Command.poll, data: Buffer.from([ackSeq & 0xff]) });

/** Letters the seven-segment display can show: digits, A–Z, space and '-'. */
export function displayText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'D')
    .toUpperCase()
    .replace(/[^0-9A-Z -]/g, '')
    .slice(-DISPLAY_CHARS);
}

export const displayFrame = (address: number, text: string, blink = false): Buffer =>
  encodeFrame({ address, command: Command.display, data: Buffer.concat([Buffer.from([blink ? 1 : 0]), Buffer.from(displayText(text), 'ascii')]) });

export type KeyReply = { seq: number; key: KeypadKey } | { seq: number; key: null; code: number } | null;

/** The key press in a KEY reply, null when none is pending; an unknown key code is reported, not dropped. */
export function parseKeyReply(frame: Frame): KeyReply {
  if (frame.command !== Reply.key || frame.data.length < 2) return null;
  const seq = frame.data[0]!;
  const code = frame.data[1]!;
  const key = keyByCode.get(code as (typeof keyCodes)[KeypadKey]);
  return key ? { seq, key } : { seq, key: null, code };
}

export function parseDisplay(frame: Frame): { text: string; blink: boolean } | null {
  if (frame.command !== Command.display || frame.data.length < 1) return null;
  return { blink: (frame.data[0]! & 1) === 1, text: frame.data.subarray(1).toString('ascii') };
}

export const keyReplyFrame = (address: number, press: { seq: number; key: KeypadKey } | null): Buffer =>
  encodeFrame({ address, command: Reply.key, data: press ? Buffer.from([press.seq, keyCodes[press.key]]) : Buffer.alloc(0) });

export const ackFrame = (address: number): Buffer => encodeFrame({ address, command: Reply.ack, data: Buffer.alloc(0) });
