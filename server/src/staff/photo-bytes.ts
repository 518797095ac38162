import { photoContentTypes, type PhotoContentType } from '@qms/protocol';

/** File extension per accepted photo type; the tablet's photo is `<username>.<ext>`. */
export const photoExtensions: Record<PhotoContentType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((ch) => ch.charCodeAt(0));

/** The image type the bytes really are, from their magic numbers, or null when they are none of JPEG, PNG, WebP. */
export function photoTypeOf(bytes: Uint8Array): PhotoContentType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

/** The accepted photo type named by a `Content-Type` header (parameters and case ignored), or null. */
export function acceptedPhotoType(contentType: string | undefined): PhotoContentType | null {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return photoContentTypes.find((t) => t === type) ?? null;
}

/**
 * The width and height an image's header announces, read without decoding it (so a photo of 30,000 × 30,000 pixels
 * can be refused before it takes a gigabyte of memory), or null when the header is not a real one.
 */
export function photoSizeOf(bytes: Uint8Array, type: PhotoContentType): { width: number; height: number } | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = (width: number, height: number) => (width > 0 && height > 0 ? { width, height } : null);
  if (type === 'image/png') return b.length >= 24 && b.toString('latin1', 12, 16) === 'IHDR' ? size(b.readUInt32BE(16), b.readUInt32BE(20)) : null;
  if (type === 'image/webp') {
    if (b.length < 30) return null;
    const chunk = b.toString('latin1', 12, 16);
    if (chunk === 'VP8 ') return size(b.readUInt16LE(26) & 0x3fff, b.readUInt16LE(28) & 0x3fff);
    if (chunk === 'VP8L') {
      const bits = b.readUInt32LE(21);
      return size((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
    }
    if (chunk === 'VP8X') return size(b.readUIntLE(24, 3) + 1, b.readUIntLE(27, 3) + 1);
    return null;
  }
  // JPEG: walk the markers to the frame header (SOF0…SOF15, except DHT, JPG and DAC, which share the range).
  let i = 2;
  while (i + 9 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return size(b.readUInt16BE(i + 7), b.readUInt16BE(i + 5));
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) i += 2;
    else i += 2 + b.readUInt16BE(i + 2);
  }
  return null;
}
