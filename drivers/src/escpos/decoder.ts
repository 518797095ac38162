import { encode as encodeQr } from 'uqr';
import { blankBitmap, blit, unpackRows, type Bitmap } from './bitmap';
import { DLE, ESC, GS, LF, type Align, type QrEcc, type StatusKind } from './commands';

/** One ESC/POS command read back from bytes; `at` is its offset in the input. */
type CommandBody =
  | { op: 'init' }
  | { op: 'justify'; align: Align }
  | { op: 'feedDots'; dots: number }
  | { op: 'feedLines'; lines: number }
  | { op: 'lineFeed' }
  | { op: 'raster'; bitmap: Bitmap; bytesPerRow: number }
  | { op: 'qrModel'; model: 1 | 2 }
  | { op: 'qrModuleSize'; dots: number }
  | { op: 'qrEcc'; ecc: QrEcc }
  | { op: 'qrStore'; payload: string }
  | { op: 'qrPrint' }
  | { op: 'cut'; partial: boolean; feed: number }
  | { op: 'statusRequest'; n: StatusKind };
export type EscPosCommand = { at: number } & CommandBody;

/** Bytes the decoder does not understand: it never guesses, so a test fails on anything unexpected. */
export class EscPosDecodeError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at byte ${offset}`);
    this.name = 'EscPosDecodeError';
  }
}

const hex = (b: number | undefined) => (b === undefined ? 'end of data' : `0x${b.toString(16).padStart(2, '0')}`);
const aligns: Record<number, Align> = { 0: 'left', 1: 'center', 2: 'right', 48: 'left', 49: 'center', 50: 'right' };
const eccs: Record<number, QrEcc> = { 48: 'L', 49: 'M', 50: 'Q', 51: 'H' };

type Step = { command: CommandBody; length: number } | 'incomplete';

/** Reads one command at `i`; 'incomplete' when the bytes end inside it. */
function step(buf: Buffer, i: number): Step {
  const need = (n: number) => i + n <= buf.length;
  const b0 = buf[i]!;
  if (b0 === LF) return { command: { op: 'lineFeed' }, length: 1 };
  if (!need(2)) return 'incomplete';
  const b1 = buf[i + 1]!;
  if (b0 === ESC) {
    if (b1 === 0x40) return { command: { op: 'init' }, length: 2 };
    if (!need(3)) return 'incomplete';
    const n = buf[i + 2]!;
    if (b1 === 0x61 && aligns[n]) return { command: { op: 'justify', align: aligns[n] }, length: 3 };
    if (b1 === 0x4a) return { command: { op: 'feedDots', dots: n }, length: 3 };
    if (b1 === 0x64) return { command: { op: 'feedLines', lines: n }, length: 3 };
    throw new EscPosDecodeError(`Unknown command ESC ${hex(b1)} ${hex(n)}`, i);
  }
  if (b0 === DLE) {
    if (b1 !== 0x04) throw new EscPosDecodeError(`Unknown command DLE ${hex(b1)}`, i);
    if (!need(3)) return 'incomplete';
    const n = buf[i + 2]!;
    if (n < 1 || n > 4) throw new EscPosDecodeError(`Unknown status request DLE EOT ${n}`, i);
    return { command: { op: 'statusRequest', n: n as StatusKind }, length: 3 };
  }
  if (b0 === GS) {
    if (b1 === 0x56) {
      if (!need(3)) return 'incomplete';
      const m = buf[i + 2]!;
      if (m === 0 || m === 48 || m === 1 || m === 49) return { command: { op: 'cut', partial: m % 48 === 1, feed: 0 }, length: 3 };
      if (m === 65 || m === 66) {
        if (!need(4)) return 'incomplete';
        return { command: { op: 'cut', partial: m === 66, feed: buf[i + 3]! }, length: 4 };
      }
      throw new EscPosDecodeError(`Unknown cut mode GS V ${m}`, i);
    }
    if (b1 === 0x76) {
      if (!need(8)) return 'incomplete';
      if (buf[i + 2] !== 0x30) throw new EscPosDecodeError(`Unknown command GS v ${hex(buf[i + 2])}`, i);
      const m = buf[i + 3]!;
      if (m !== 0 && m !== 48) throw new EscPosDecodeError(`Unsupported raster mode ${m} (only normal size is understood)`, i);
      const bytesPerRow = buf[i + 4]! | (buf[i + 5]! << 8);
      const rows = buf[i + 6]! | (buf[i + 7]! << 8);
      if (bytesPerRow === 0 || rows === 0) throw new EscPosDecodeError('Empty raster image', i);
      if (!need(8 + bytesPerRow * rows)) return 'incomplete';
      return { command: rasterCommand(Uint8Array.prototype.slice.call(buf, i + 8, i + 8 + bytesPerRow * rows), bytesPerRow, rows), length: 8 + bytesPerRow * rows };
    }
    if (b1 === 0x28) {
      if (!need(5)) return 'incomplete';
      if (buf[i + 2] !== 0x6b) throw new EscPosDecodeError(`Unknown command GS ( ${hex(buf[i + 2])}`, i);
      const len = buf[i + 3]! | (buf[i + 4]! << 8);
      if (len < 2) throw new EscPosDecodeError('GS ( k with no function', i);
      if (!need(5 + len)) return 'incomplete';
      const cn = buf[i + 5]!;
      const fn = buf[i + 6]!;
      const params = buf.subarray(i + 7, i + 5 + len);
      if (cn !== 0x31) throw new EscPosDecodeError(`Unknown symbol type ${hex(cn)} (only QR, 0x31, is understood)`, i);
      const command = qrCommand(fn, params, i);
      return { command, length: 5 + len };
    }
    throw new EscPosDecodeError(`Unknown command GS ${hex(b1)}`, i);
  }
  throw new EscPosDecodeError(`Unexpected byte ${hex(b0)} (text is never sent as characters)`, i);
}

/** The image is unpacked when first looked at: a printer (or its simulator) only passes most bands on. */
function rasterCommand(data: Uint8Array, bytesPerRow: number, rows: number): CommandBody {
  let bitmap: Bitmap | null = null;
  return {
    op: 'raster',
    bytesPerRow,
    get bitmap() {
      return (bitmap ??= unpackRows(data, bytesPerRow, rows));
    },
  };
}

function qrCommand(fn: number, p: Buffer, at: number): CommandBody {
  const exact = (n: number) => {
    if (p.length !== n) throw new EscPosDecodeError(`QR function ${hex(fn)} expects ${n} parameter bytes, got ${p.length}`, at);
  };
  switch (fn) {
    case 0x41:
      exact(2);
      if ((p[0] !== 0x31 && p[0] !== 0x32) || p[1] !== 0) throw new EscPosDecodeError(`Unknown QR model ${hex(p[0])}`, at);
      return { op: 'qrModel', model: p[0] === 0x31 ? 1 : 2 };
    case 0x43:
      exact(1);
      if (p[0]! < 1 || p[0]! > 16) throw new EscPosDecodeError(`QR module size ${p[0]} is out of range`, at);
      return { op: 'qrModuleSize', dots: p[0]! };
    case 0x45:
      exact(1);
      if (!eccs[p[0]!]) throw new EscPosDecodeError(`Unknown QR error correction ${hex(p[0])}`, at);
      return { op: 'qrEcc', ecc: eccs[p[0]!]! };
    case 0x50:
      if (p[0] !== 0x30 || p.length < 2) throw new EscPosDecodeError('QR store without data', at);
      return { op: 'qrStore', payload: new TextDecoder('utf-8', { fatal: true }).decode(p.subarray(1)) };
    case 0x51:
      exact(1);
      if (p[0] !== 0x30) throw new EscPosDecodeError('QR print with a wrong parameter', at);
      return { op: 'qrPrint' };
    default:
      throw new EscPosDecodeError(`Unknown QR function ${hex(fn)}`, at);
  }
}

/** Decodes as much of a byte stream as is complete; `consumed` bytes were read, the rest is an unfinished command. */
export function decodeStream(buf: Buffer): { commands: EscPosCommand[]; consumed: number } {
  const commands: EscPosCommand[] = [];
  let i = 0;
  while (i < buf.length) {
    const s = step(buf, i);
    if (s === 'incomplete') break;
    const command = s.command as EscPosCommand; // no copy: a raster's image stays unread until asked for
    command.at = i;
    commands.push(command);
    i += s.length;
  }
  return { commands, consumed: i };
}

/** Decodes a whole job; throws `EscPosDecodeError` on an unknown byte or a command cut short. */
export function decodeEscPos(buf: Buffer): EscPosCommand[] {
  const { commands, consumed } = decodeStream(buf);
  if (consumed < buf.length) throw new EscPosDecodeError('Data ends inside a command', consumed);
  return commands;
}

/** One ticket as it came out of the printer: everything up to a cut. */
export interface PrintedTicket {
  commands: EscPosCommand[];
  rasters: Bitmap[];
  qrPayloads: string[];
  cut: boolean;
  /** Widest raster line, in dots. */
  maxRasterWidth: number;
  /** The widest thing printed, after justification or padding, in dots. */
  rightmostDot: number;
}

/** Splits decoded commands into tickets at each cut; a trailing part without a cut is returned with `cut: false`. */
export function splitTickets(commands: EscPosCommand[], paperWidth: number): PrintedTicket[] {
  const tickets: PrintedTicket[] = [];
  let current: EscPosCommand[] = [];
  const close = (cut: boolean) => {
    const rasters = current.flatMap((c) => (c.op === 'raster' ? [c.bitmap] : []));
    const qrPayloads = current.flatMap((c) => (c.op === 'qrStore' ? [c.payload] : []));
    const page = renderPage(current, paperWidth);
    tickets.push({ commands: current, rasters, qrPayloads, cut, maxRasterWidth: Math.max(0, ...rasters.map((r) => r.width)), rightmostDot: page.rightmostDot });
    current = [];
  };
  for (const c of commands) {
    if (c.op === 'statusRequest') continue;
    current.push(c);
    if (c.op === 'cut') close(true);
  }
  if (current.some((c) => c.op === 'raster' || c.op === 'qrPrint')) close(false);
  return tickets;
}

/** Text printed with no raster (a plain LF) advances about one line of the built-in font. */
const LINE_DOTS = 30;

/** What the paper looks like: every raster, QR and feed placed as the printer would, `paperWidth` dots wide. */
export function renderPage(commands: EscPosCommand[], paperWidth: number): { bitmap: Bitmap; rightmostDot: number } {
  const placed: { image: Bitmap; x: number; y: number }[] = [];
  let y = 0;
  let align: Align = 'left';
  let qr = { payload: '', moduleSize: 3, ecc: 'L' as QrEcc };
  let rightmostDot = 0;
  const place = (image: Bitmap) => {
    const x = align === 'center' ? Math.floor((paperWidth - image.width) / 2) : align === 'right' ? paperWidth - image.width : 0;
    placed.push({ image, x: Math.max(0, x), y });
    rightmostDot = Math.max(rightmostDot, Math.max(0, x) + image.width);
    y += image.height;
  };
  for (const c of commands) {
    switch (c.op) {
      case 'init':
        align = 'left';
        break;
      case 'justify':
        align = c.align;
        break;
      case 'feedDots':
        y += c.dots;
        break;
      case 'feedLines':
        y += c.lines * LINE_DOTS;
        break;
      case 'lineFeed':
        y += LINE_DOTS;
        break;
      case 'raster':
        place(c.bitmap);
        break;
      case 'qrModuleSize':
        qr = { ...qr, moduleSize: c.dots };
        break;
      case 'qrEcc':
        qr = { ...qr, ecc: c.ecc };
        break;
      case 'qrStore':
        qr = { ...qr, payload: c.payload };
        break;
      case 'qrPrint':
        if (qr.payload) place(qrBitmap(qr.payload, qr.moduleSize, qr.ecc));
        break;
      case 'cut':
        y += c.feed;
        break;
      default:
        break;
    }
  }
  const page = blankBitmap(paperWidth, Math.max(1, y));
  for (const p of placed) blit(page, p.image, p.x, p.y);
  return { bitmap: page, rightmostDot };
}

/** A QR symbol as the printer draws it: quiet zone of 4 modules, `moduleSize` dots per module. */
export function qrBitmap(payload: string, moduleSize: number, ecc: QrEcc): Bitmap {
  const qr = encodeQr(payload, { ecc, border: 4 });
  const b = blankBitmap(qr.size * moduleSize, qr.size * moduleSize);
  for (let r = 0; r < qr.size; r++) {
    for (let c = 0; c < qr.size; c++) {
      if (!qr.data[r]![c]) continue;
      for (let dy = 0; dy < moduleSize; dy++) b.dots.fill(1, (r * moduleSize + dy) * b.width + c * moduleSize, (r * moduleSize + dy) * b.width + (c + 1) * moduleSize);
    }
  }
  return b;
}
