import { describe, expect, it } from 'vitest';
import { createCanvas } from '@napi-rs/canvas';
import { acceptedPhotoType, photoSizeOf, photoTypeOf } from './photo-bytes';

const bytes = (...parts: (number[] | string)[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('photo bytes', () => {
  it('knows JPEG, PNG and WebP by their magic numbers', () => {
    expect(photoTypeOf(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'))).toBe('image/jpeg');
    expect(photoTypeOf(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'))).toBe('image/png');
    expect(photoTypeOf(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
  });

  it('refuses anything else, and files cut short', () => {
    expect(photoTypeOf(bytes('GIF89a'))).toBeNull();
    expect(photoTypeOf(bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '))).toBeNull();
    expect(photoTypeOf(bytes([0x89], 'PNG', [0x0d, 0x0a]))).toBeNull();
    expect(photoTypeOf(bytes([0xff, 0xd8]))).toBeNull();
    expect(photoTypeOf(new Uint8Array())).toBeNull();
    expect(photoTypeOf(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });

  it('reads the Content-Type header loosely but accepts only the three types', () => {
    expect(acceptedPhotoType('image/PNG')).toBe('image/png');
    expect(acceptedPhotoType('image/jpeg; charset=binary')).toBe('image/jpeg');
    expect(acceptedPhotoType('image/webp')).toBe('image/webp');
    expect(acceptedPhotoType('image/jpg')).toBeNull();
    expect(acceptedPhotoType('image/gif')).toBeNull();
    expect(acceptedPhotoType('application/octet-stream')).toBeNull();
    expect(acceptedPhotoType('')).toBeNull();
    expect(acceptedPhotoType(undefined)).toBeNull();
    expect(acceptedPhotoType('constructor')).toBeNull();
  });

  it('reads the size an image announces from its header, without decoding it', () => {
    const canvas = createCanvas(300, 120);
    canvas.getContext('2d').fillRect(0, 0, 10, 10);
    expect(photoSizeOf(canvas.toBuffer('image/png'), 'image/png')).toEqual({ width: 300, height: 120 });
    expect(photoSizeOf(canvas.toBuffer('image/jpeg'), 'image/jpeg')).toEqual({ width: 300, height: 120 });
    expect(photoSizeOf(canvas.toBuffer('image/webp'), 'image/webp')).toEqual({ width: 300, height: 120 });
    expect(photoSizeOf(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a], '<html><body>hello</body></html>'), 'image/png')).toBeNull();
    expect(photoSizeOf(bytes([0xff, 0xd8, 0xff], '<html>'), 'image/jpeg')).toBeNull();
  });
});

