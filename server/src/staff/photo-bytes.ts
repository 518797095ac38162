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
