import { packRows, type Bitmap, type PackedBitmap } from './bitmap';

// ESC/POS command builders: pure functions returning the exact bytes. Only commands every ESC/POS
// printer shares are used (Epson TM and its clones: Xprinter, Rongta, HPRT, Sewoo…).

export const ESC = 0x1b;
export const GS = 0x1d;
export const DLE = 0x10;
export const LF = 0x0a;

export type Align = 'left' | 'center' | 'right';
const alignCode: Record<Align, number> = { left: 0, center: 1, right: 2 };

/** ESC @: clears the buffer and modes left by a previous job. */
export const initialize = () => Buffer.from([ESC, 0x40]);

/** ESC a n: justification; also positions `GS v 0` images that start a line. */
export const justify = (align: Align) => Buffer.from([ESC, 0x61, alignCode[align]]);

/** ESC J n: feeds paper by n dots (0–255), a blank gap that costs three bytes instead of rows of zeros. */
export function feedDots(dots: number): Buffer {
  const out: number[] = [];
  for (let left = Math.round(dots); left > 0; left -= 255) out.push(ESC, 0x4a, Math.min(255, left));
  return Buffer.from(out);
}

/** Largest band `GS v 0` sends at once: small enough for the receive buffers of cheap printers. */
export const DEFAULT_BAND_ROWS = 32;

/**
 * GS v 0 m xL xH yL yH d…: a raster bit image, split into bands of at most `bandRows` rows so a
 * printer with a small buffer never has to hold the whole picture.
 */
export function rasterImage(b: Bitmap, bandRows = DEFAULT_BAND_ROWS): Buffer {
  const { bytesPerRow, data } = packRows(b);
  return rasterBands({ width: b.width, height: b.height, bytesPerRow, data }, bandRows);
}

/** `rasterImage` of rows already packed. */
export function rasterBands(b: PackedBitmap, bandRows = DEFAULT_BAND_ROWS): Buffer {
  if (bandRows < 1) throw new RangeError('bandRows must be at least 1');
  const { bytesPerRow, data } = b;
  if (bytesPerRow > 0xffff || b.height === 0) return Buffer.alloc(0);
  const bands = Math.ceil(b.height / bandRows);
  const out = Buffer.allocUnsafe(bands * 8 + bytesPerRow * b.height);
  let at = 0;
  for (let y = 0; y < b.height; y += bandRows) {
    const rows = Math.min(bandRows, b.height - y);
    out.set([GS, 0x76, 0x30, 0x00, bytesPerRow & 0xff, bytesPerRow >> 8, rows & 0xff, rows >> 8], at);
    out.set(data.subarray(y * bytesPerRow, (y + rows) * bytesPerRow), at + 8);
    at += 8 + rows * bytesPerRow;
  }
  return out;
}

export type QrEcc = 'L' | 'M' | 'Q' | 'H';
const eccCode: Record<QrEcc, number> = { L: 48, M: 49, Q: 50, H: 51 };

function qrFunction(fn: number, params: number[] | Buffer): Buffer {
  const body = Buffer.concat([Buffer.from([0x31, fn]), Buffer.from(params)]);
  return Buffer.concat([Buffer.from([GS, 0x28, 0x6b, body.length & 0xff, body.length >> 8]), body]);
}

/**
 * The printer's own QR code (GS ( k, functions 165, 167, 169, 180, 181): model 2, module size in dots,
 * error correction level, store the data, print it. A few dozen bytes instead of a raster picture.
 */
export function qrCode(payload: string, { moduleSize = 6, ecc = 'M' }: { moduleSize?: number; ecc?: QrEcc } = {}): Buffer {
  const data = Buffer.from(payload, 'utf8');
  if (data.length === 0 || data.length > 7089) throw new RangeError('QR payload must be 1–7089 bytes');
  if (moduleSize < 1 || moduleSize > 16) throw new RangeError('QR module size must be 1–16 dots');
  return Buffer.concat([
    qrFunction(0x41, [0x32, 0x00]),
    qrFunction(0x43, [moduleSize]),
    qrFunction(0x45, [eccCode[ecc]]),
    qrFunction(0x50, Buffer.concat([Buffer.from([0x30]), data])),
    qrFunction(0x51, [0x30]),
  ]);
}

/** GS V 65|66 n: feeds n dots (to bring the last line past the blade) and cuts fully or partially. */
export function cut({ partial = false, feed = 48 }: { partial?: boolean; feed?: number } = {}): Buffer {
  return Buffer.from([GS, 0x56, partial ? 66 : 65, Math.max(0, Math.min(255, Math.round(feed)))]);
}

/** DLE EOT n: real-time status request; the printer answers one byte even while busy or offline. */
export type StatusKind = 1 | 2 | 3 | 4;
export const statusRequest = (n: StatusKind) => Buffer.from([DLE, 0x04, n]);
