import { deflateSync } from 'node:zlib';
import type { Bitmap } from './bitmap';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A 1-bit grayscale PNG of the bitmap, black on white, as paper looks. */
export function bitmapToPng(b: Bitmap): Buffer {
  const bytesPerRow = Math.ceil(b.width / 8);
  const raw = Buffer.alloc((bytesPerRow + 1) * b.height, 0);
  for (let y = 0; y < b.height; y++) {
    const row = y * (bytesPerRow + 1);
    for (let x = 0; x < b.width; x++) {
      // PNG grayscale: 1 is white, so a printed dot is a 0 bit.
      if (!b.dots[y * b.width + x]) raw[row + 1 + (x >> 3)]! |= 0x80 >> (x & 7);
    }
    for (let x = b.width; x < bytesPerRow * 8; x++) raw[row + 1 + (x >> 3)]! |= 0x80 >> (x & 7);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(b.width, 0);
  header.writeUInt32BE(b.height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // grayscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
