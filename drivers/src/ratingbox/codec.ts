/**
 * Rating button box frame format (RS-232 / USB-serial, 9600 8N1, one box per port).
 *
 *   02 | cmd | len | data[len] | chk | 03
 *
 * `chk` is the XOR of cmd, len and every data byte; `len` is 0–16. The box speaks on its own (a press, a
 * hello every few seconds); the server answers presses with an ack and sets the lights with a mode frame.
 * A box repeats an unacknowledged press with the same sequence number, so the server must ignore repeats.
 * See docs/hardware/rating-box.md.
 */

export const BOX_STX = 0x02;
export const BOX_ETX = 0x03;
export const BOX_MAX_DATA = 16;

/** Box → server. */
export const BoxReport = {
  /** data: [buttons, fwMajor, fwMinor] — at power-up and every few seconds. */
  hello: 0x48,
  /** data: [button, seq] — button 1 is the best level (leftmost); seq counts presses modulo 256. */
  press: 0x4b,
} as const;

/** Server → box. */
export const BoxCommand = {
  /** data: [seq] — the press with this sequence number was taken. */
  ack: 0x41,
  /** data: [mode] — which lights are on. */
  mode: 0x4d,
} as const;

export const boxModes = { idle: 0, ask: 1, thanks: 2, refused: 3 } as const;
export type BoxMode = keyof typeof boxModes;
const modeByCode = new Map<number, BoxMode>(Object.entries(boxModes).map(([k, v]) => [v, k as BoxMode]));

export type BoxMessage =
  | { kind: 'hello'; buttons: number; firmware: string }
  | { kind: 'press'; button: number; seq: number }
  | { kind: 'ack'; seq: number }
  | { kind: 'mode'; mode: BoxMode };

export function boxChecksum(cmd: number, data: Uint8Array): number {
  let x = cmd ^ data.length;
  for (const b of data) x ^= b;
  return x;
}

export function encodeBoxFrame(cmd: number, data: number[] = []): Buffer {
  if (data.length > BOX_MAX_DATA) throw new RangeError(`a rating box frame carries at most ${BOX_MAX_DATA} data bytes`);
  if (data.some((b) => !Number.isInteger(b) || b < 0 || b > 255)) throw new RangeError('data bytes must be integers 0–255');
  const body = Buffer.from(data);
  return Buffer.from([BOX_STX, cmd, body.length, ...body, boxChecksum(cmd, body), BOX_ETX]);
}

export const encodeBoxHello = (buttons: number, fwMajor = 1, fwMinor = 0) => encodeBoxFrame(BoxReport.hello, [buttons, fwMajor, fwMinor]);
export const encodeBoxPress = (button: number, seq: number) => encodeBoxFrame(BoxReport.press, [button, seq & 0xff]);
export const encodeBoxAck = (seq: number) => encodeBoxFrame(BoxCommand.ack, [seq & 0xff]);
export const encodeBoxMode = (mode: BoxMode) => encodeBoxFrame(BoxCommand.mode, [boxModes[mode]]);

/** A frame's meaning, or null for a well-formed frame this version does not know (ignored, as the box does). */
export function interpretBoxFrame(cmd: number, data: Buffer): BoxMessage | null {
  if (cmd === BoxReport.hello && data.length >= 3) return { kind: 'hello', buttons: data[0]!, firmware: `${data[1]}.${data[2]}` };
  if (cmd === BoxReport.press && data.length === 2 && data[0]! >= 1 && data[0]! <= 5) return { kind: 'press', button: data[0]!, seq: data[1]! };
  if (cmd === BoxCommand.ack && data.length === 1) return { kind: 'ack', seq: data[0]! };
  const mode = cmd === BoxCommand.mode && data.length === 1 ? modeByCode.get(data[0]!) : undefined;
  return mode ? { kind: 'mode', mode } : null;
}

export interface BoxDecodeResult {
  messages: BoxMessage[];
  /** Bytes of a frame not complete yet: prepend them to the next chunk. */
  rest: Buffer;
  /** Bytes dropped: line noise, or frames with a bad checksum or end byte. */
  dropped: number;
}

/**
 * Splits a byte stream into messages. Noise before a start byte and broken frames are skipped, resyncing on
 * the next 0x02, so one bad byte on the line loses at most one press (which the box then repeats).
 */
export function decodeBoxStream(input: Buffer): BoxDecodeResult {
  const messages: BoxMessage[] = [];
  let dropped = 0;
  let i = 0;
  while (i < input.length) {
    if (input[i] !== BOX_STX) {
      i++;
      dropped++;
      continue;
    }
    if (i + 3 > input.length) break;
    const cmd = input[i + 1]!;
    const len = input[i + 2]!;
    if (len > BOX_MAX_DATA) {
      i++;
      dropped++;
      continue;
    }
    const end = i + 3 + len + 2;
    if (end > input.length) break;
    const data = input.subarray(i + 3, i + 3 + len);
    if (input[end - 2] !== boxChecksum(cmd, data) || input[end - 1] !== BOX_ETX) {
      i++;
      dropped++;
      continue;
    }
    const m = interpretBoxFrame(cmd, Buffer.from(data));
    if (m) messages.push(m);
    i = end;
  }
  return { messages, rest: Buffer.from(input.subarray(i)), dropped };
}
