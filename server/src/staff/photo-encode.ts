import type { Image } from '@napi-rs/canvas';
import type { PhotoContentType } from '@qms/protocol';
import { photoSizeOf } from './photo-bytes';

/** More than this is no portrait: refused before decoding, so a crafted file cannot eat the server's memory. */
export const PHOTO_MAX_PIXELS = 40_000_000;
/** The tablet shows a photo a few hundred pixels tall; larger is stored smaller. */
export const PHOTO_MAX_SIDE = 1024;

export type CleanPhoto = { ok: true; bytes: Buffer; width: number; height: number } | { ok: false; reason: 'unreadable' } | { ok: false; reason: 'too_many_pixels'; width: number; height: number };

/**
 * Decodes an uploaded photo and draws it into a fresh image of the same type, at most `PHOTO_MAX_SIDE` on its long
 * side. Only those pixels are stored: whatever else the file carried (a web page behind a PNG header, metadata,
 * trailing bytes) is gone, and a file that does not decode is refused.
 */
export async function cleanPhoto(bytes: Uint8Array, type: PhotoContentType): Promise<CleanPhoto> {
  const announced = photoSizeOf(bytes, type);
  if (!announced) return { ok: false, reason: 'unreadable' };
  if (announced.width * announced.height > PHOTO_MAX_PIXELS) return { ok: false, reason: 'too_many_pixels', ...announced };
  // Loaded on the first photo, not at start (see drivers' escpos/text.ts).
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  let image: Image;
  try {
    image = await loadImage(Buffer.from(bytes));
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  const { width, height } = image;
  if (!(width > 0 && height > 0)) return { ok: false, reason: 'unreadable' };
  if (width * height > PHOTO_MAX_PIXELS) return { ok: false, reason: 'too_many_pixels', width, height };
  const scale = Math.min(1, PHOTO_MAX_SIDE / Math.max(width, height));
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const canvas = createCanvas(w, h);
  canvas.getContext('2d').drawImage(image, 0, 0, w, h);
  const out = type === 'image/png' ? await canvas.encode('png') : await canvas.encode(type === 'image/webp' ? 'webp' : 'jpeg', 90);
  return { ok: true, bytes: out, width: w, height: h };
}
