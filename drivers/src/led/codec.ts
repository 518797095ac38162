/**
 * Frames of RS-485 LED counter boards (the 3–5 digit number above a counter). Pure functions over Buffer.
 *
 *   STX | ADDR | CMD | LEN | DATA… | CHK | ETX
 *
 * STX/ETX default to 0x02/0x03; ADDR is one byte (1–254, 255 = every board) or two ASCII decimal digits
 * ("07") for boards set with DIP switches that way; LEN is the number of DATA bytes; CHK is the XOR (or the
 * 8-bit sum) of ADDR … DATA, or absent. A board answers a frame addressed to it, when `ack` is on, with
 * `STX | ADDR | 0x06 | 0 | CHK | ETX`. See docs/hardware/led.md.
 */
export interface LedProfile {
  stx: number;
  etx: number;
  address: 'binary' | 'ascii';
  checksum: 'xor' | 'sum' | 'none';
  /** How many characters the board shows; text is padded or cut to this width. */
  digits: number;
  align: 'right' | 'left';
  /** Whether boards answer each frame with an ACK (two-way RS-485 boards). */
  ack: boolean;
}

export const defaultLedProfile: LedProfile = { stx: 0x02, etx: 0x03, address: 'binary', checksum: 'xor', digits: 4, align: 'right', ack: true };

export const LedCommand = { show: 0x31, brightness: 0x32, clear: 0x33, blink: 0x34, ack: 0x06 } as const;
export type LedCommandCode = (typeof LedCommand)[keyof typeof LedCommand];

export const LED_BROADCAST = 255;
export const LED_MIN_ADDRESS = 1;
export const LED_MAX_ADDRESS = 254;

export interface LedFrame {
  address: number;
  command: number;
  data: Buffer;
}

function checksum(bytes: Buffer, kind: LedProfile['checksum']): Buffer {
  if (kind === 'none') return Buffer.alloc(0);
  let c = 0;
  for (const b of bytes) c = kind === 'xor' ? c ^ b : (c + b) & 0xff;
  return Buffer.from([c]);
}

function addressBytes(address: number, p: LedProfile): Buffer {
  if (!Number.isInteger(address) || address < LED_MIN_ADDRESS || address > LED_BROADCAST) throw new RangeError(`LED board address ${address} is outside 1–255`);
  if (p.address === 'binary') return Buffer.from([address]);
  if (address > 99) throw new RangeError(`ASCII LED addresses go up to 99, not ${address}`);
  return Buffer.from(String(address).padStart(2, '0'), 'ascii');
}

export function encodeFrame(frame: LedFrame, p: LedProfile = defaultLedProfile): Buffer {
  if (frame.data.length > 255) throw new RangeError('LED frame data is longer than 255 bytes');
  const body = Buffer.concat([addressBytes(frame.address, p), Buffer.from([frame.command, frame.data.length]), frame.data]);
  return Buffer.concat([Buffer.from([p.stx]), body, checksum(body, p.checksum), Buffer.from([p.etx])]);
}

/** What a 7- or 14-segment board can draw: digits, capital letters, space and dash; anything else becomes a dash. */
export function boardText(text: string, p: LedProfile = defaultLedProfile): string {
  const clean = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'D')
    .toUpperCase()
    .replace(/[^0-9A-Z -]/g, '-');
  // Too long for the board: keep the end, the part of a ticket number that changes.
  const fitted = clean.length > p.digits ? clean.slice(clean.length - p.digits) : clean;
  return p.align === 'right' ? fitted.padStart(p.digits, ' ') : fitted.padEnd(p.digits, ' ');
}

export const encodeShow = (address: number, text: string, p: LedProfile = defaultLedProfile, blink = false): Buffer =>
  encodeFrame({ address, command: blink ? LedCommand.blink : LedCommand.show, data: Buffer.from(boardText(text, p), 'ascii') }, p);

export const encodeClear = (address: number, p: LedProfile = defaultLedProfile): Buffer => encodeFrame({ address, command: LedCommand.clear, data: Buffer.alloc(0) }, p);

/** Brightness 0 (dimmest) … 15. */
export function encodeBrightness(address: number, level: number, p: LedProfile = defaultLedProfile): Buffer {
  if (!Number.isInteger(level) || level < 0 || level > 15) throw new RangeError(`brightness ${level} is outside 0–15`);
  return encodeFrame({ address, command: LedCommand.brightness, data: Buffer.from([level]) }, p);
}

export const encodeAck = (address: number, p: LedProfile = defaultLedProfile): Buffer => encodeFrame({ address, command: LedCommand.ack, data: Buffer.alloc(0) }, p);

/**
 * Splits a byte stream into frames. Noise before a STX, frames with a bad checksum or a wrong ETX are
 * skipped (counted in `dropped`); an incomplete frame at the end stays in `rest` for the next chunk.
 */
export function decodeFrames(input: Buffer, p: LedProfile = defaultLedProfile): { frames: LedFrame[]; rest: Buffer; dropped: number } {
  const frames: LedFrame[] = [];
  const addrLen = p.address === 'binary' ? 1 : 2;
  const chkLen = p.checksum === 'none' ? 0 : 1;
  let dropped = 0;
  let i = 0;
  while (i < input.length) {
    if (input[i] !== p.stx) {
      i++;
      continue;
    }
    const lenAt = i + 1 + addrLen + 1;
    if (lenAt >= input.length) break;
    const len = input[lenAt] as number;
    const end = lenAt + 1 + len + chkLen; // index of ETX
    if (end >= input.length) break;
    const body = input.subarray(i + 1, lenAt + 1 + len);
    const good = input[end] === p.etx && checksum(body, p.checksum).equals(input.subarray(lenAt + 1 + len, end));
    const address = p.address === 'binary' ? (body[0] as number) : Number(body.subarray(0, 2).toString('ascii'));
    if (!good || !Number.isInteger(address)) {
      dropped++;
      i++;
      continue;
    }
    frames.push({ address, command: body[addrLen] as number, data: Buffer.from(body.subarray(addrLen + 2)) });
    i = end + 1;
  }
  return { frames, rest: Buffer.from(input.subarray(i)), dropped };
}
