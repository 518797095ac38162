/** A 1-bit image as thermal printers see it: `width` × `height` dots, one byte per dot (1 = black), row by row. */
export interface Bitmap {
  width: number;
  height: number;
  dots: Uint8Array;
}

export function blankBitmap(width: number, height: number): Bitmap {
  return { width, height, dots: new Uint8Array(width * height) };
}

/** Rows packed 8 dots a byte, most significant bit first, as `GS v 0` wants them; `width` dots are used of each row. */
export interface PackedBitmap {
  width: number;
  height: number;
  bytesPerRow: number;
  data: Uint8Array;
}

/** Rows packed 8 dots a byte, most significant bit first, as `GS v 0` wants them. */
export function packRows(b: Bitmap): { bytesPerRow: number; data: Buffer } {
  const bytesPerRow = Math.ceil(b.width / 8);
  const data = Buffer.alloc(bytesPerRow * b.height);
  const dots = b.dots;
  for (let y = 0; y < b.height; y++) {
    const row = y * b.width;
    const out = y * bytesPerRow;
    for (let x = 0; x < b.width; x += 8) {
      let byte = 0;
      const end = Math.min(8, b.width - x);
      for (let k = 0; k < end; k++) if (dots[row + x + k]) byte |= 0x80 >> k;
      data[out + (x >> 3)] = byte;
    }
  }
  return { bytesPerRow, data };
}

export function unpackRows(data: Uint8Array, bytesPerRow: number, height: number): Bitmap {
  const b = blankBitmap(bytesPerRow * 8, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < b.width; x++) {
      if (data[y * bytesPerRow + (x >> 3)]! & (0x80 >> (x & 7))) b.dots[y * b.width + x] = 1;
    }
  }
  return b;
}

/** The smallest box holding every black dot, or null for a blank image. */
export function inkBox(b: Bitmap): { left: number; top: number; right: number; bottom: number } | null {
  let left = b.width;
  let right = -1;
  let top = b.height;
  let bottom = -1;
  for (let y = 0; y < b.height; y++) {
    for (let x = 0; x < b.width; x++) {
      if (!b.dots[y * b.width + x]) continue;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
  }
  return right < 0 ? null : { left, top, right: right + 1, bottom: bottom + 1 };
}

export function crop(b: Bitmap, box: { left: number; top: number; right: number; bottom: number }): Bitmap {
  const out = blankBitmap(box.right - box.left, box.bottom - box.top);
  for (let y = 0; y < out.height; y++) {
    out.dots.set(b.dots.subarray((y + box.top) * b.width + box.left, (y + box.top) * b.width + box.right), y * out.width);
  }
  return out;
}

/** Copies `src` onto `dst` with its top-left corner at (x, y); dots falling outside are dropped. */
export function blit(dst: Bitmap, src: Bitmap, x: number, y: number): void {
  for (let sy = 0; sy < src.height; sy++) {
    const dy = y + sy;
    if (dy < 0 || dy >= dst.height) continue;
    for (let sx = 0; sx < src.width; sx++) {
      const dx = x + sx;
      if (dx >= 0 && dx < dst.width && src.dots[sy * src.width + sx]) dst.dots[dy * dst.width + dx] = 1;
    }
  }
}
