import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { cleanPhoto } from './photo-encode';

/** A JPEG as a phone camera writes it: the pixels as the sensor saw them and an EXIF tag saying how to turn them. */
function cameraJpeg(width: number, height: number, orientation: number) {
  const canvas = createCanvas(width, height);
  canvas.getContext('2d').fillRect(0, 0, width / 4, height / 4);
  const jpeg = canvas.toBuffer('image/jpeg');
  const tiff = Buffer.from([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}

describe('cleaning an uploaded photo', () => {
  it('keeps a camera portrait upright: the EXIF turn is applied to the pixels before the tag is dropped', async () => {
    const clean = await cleanPhoto(cameraJpeg(400, 300, 6), 'image/jpeg');
    expect(clean).toMatchObject({ ok: true, width: 300, height: 400 });
    const stored = await loadImage(clean.ok ? clean.bytes : Buffer.alloc(0));
    expect({ width: stored.width, height: stored.height }).toEqual({ width: 300, height: 400 });
  });

  it('scales a large photo down to 1024 px on its long side and refuses what does not decode', async () => {
    const canvas = createCanvas(3000, 2000);
    canvas.getContext('2d').fillRect(0, 0, 10, 10);
    expect(await cleanPhoto(canvas.toBuffer('image/webp'), 'image/webp')).toMatchObject({ ok: true, width: 1024, height: 683 });
    const png = createCanvas(10, 10).toBuffer('image/png');
    expect(await cleanPhoto(Buffer.concat([png.subarray(0, 33), Buffer.from('<html></html>')]), 'image/png')).toEqual({ ok: false, reason: 'unreadable' });
  });
});
