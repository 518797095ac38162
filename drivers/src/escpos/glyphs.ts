import { crop, inkBox, packRows, type Bitmap, type PackedBitmap } from './bitmap';
import { canvasLib, fontOf, inkOf, type TextStyle } from './text';

/** Text the canvas drew once: its ink, where the ink's top-left dot sits from the pen on the baseline, the pen's advance. */
interface Piece {
  ink: Bitmap | null;
  left: number;
  top: number;
  advance: number;
  /** The ink's rows packed, moved right by 0–7 dots (index), made when first needed: composing is then OR-ing bytes. */
  shifted: PackedBitmap[];
}

function shiftedInk(p: Piece & { ink: Bitmap }, shift: number): PackedBitmap {
  const made = p.shifted[shift];
  if (made) return made;
  const ink = p.ink;
  const width = ink.width + shift;
  const dots = new Uint8Array(width * ink.height);
  for (let y = 0; y < ink.height; y++) dots.set(ink.dots.subarray(y * ink.width, (y + 1) * ink.width), y * width + shift);
  const { bytesPerRow, data } = packRows({ width, height: ink.height, dots });
  return (p.shifted[shift] = { width, height: ink.height, bytesPerRow, data });
}

/**
 * Pieces of the lines that change on every ticket (its number, the people ahead, the time), drawn once: each digit
 * alone (any number is made of ten glyphs), the words between digits whole, so the canvas shapes Vietnamese as it does
 * on the fixed lines. Kept per printer; the oldest unused piece goes first past `limit`.
 */
export function createGlyphStore(limit = 512) {
  const pieces = new Map<string, Piece>();
  let misses = 0;
  return {
    piece(text: string, style: TextStyle): Piece {
      const key = `${fontOf(style)}\u0000${text}`;
      const found = pieces.get(key);
      if (found) {
        pieces.delete(key); // to the back: recently used
        pieces.set(key, found);
        return found;
      }
      misses += 1;
      const made = drawPiece(text, style);
      if (pieces.size >= limit) pieces.delete(pieces.keys().next().value!);
      pieces.set(key, made);
      return made;
    },
    stats: () => ({ size: pieces.size, misses }),
  };
}
export type GlyphStore = ReturnType<typeof createGlyphStore>;

/** Drawn on the same canvas height and baseline as `renderTextLines`, so the same dots are kept above and below. */
function drawPiece(text: string, style: TextStyle): Piece {
  const { createCanvas } = canvasLib();
  const pad = style.size; // room for overhangs on either side
  const measure = createCanvas(8, 8).getContext('2d');
  measure.font = fontOf(style);
  const advance = measure.measureText(text).width;
  const canvas = createCanvas(Math.ceil(advance) + 2 * pad, Math.ceil(style.size * 1.5));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000';
  ctx.font = fontOf(style);
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  const baseline = Math.round(style.size * 1.15);
  ctx.fillText(text, pad, baseline);
  const full = inkOf(ctx, canvas.width, canvas.height);
  const box = inkBox(full);
  if (!box) return { ink: null, left: 0, top: 0, advance, shifted: [] };
  return { ink: crop(full, box), left: box.left - pad, top: box.top - baseline, advance, shifted: [] };
}

// Combining marks are shaped with the letter before them: such text is left to the canvas.
const combining = /\p{M}/u;

/**
 * One line of text as a 1-bit image trimmed to its ink, its rows packed for `GS v 0`, put together from pieces drawn
 * once (see `createGlyphStore`) instead of drawing the whole line: microseconds instead of a canvas, its read-back and
 * a threshold per ticket. Null when the line is not for composing (wider than `maxWidth`, which the canvas wraps or
 * shrinks; combining marks); an empty list when it has no ink. Pairs are not kerned across pieces: digits are all
 * the same width, so numbers come out as the canvas draws them, to a dot or so. `centreIn`: blank dots are added on
 * the left to centre the image on paper that many dots wide (for printers that ignore centring by command).
 */
export function composeLine(text: string, style: TextStyle, maxWidth: number, glyphs: GlyphStore, centreIn?: number): PackedBitmap[] | null {
  const nfc = text.normalize('NFC');
  if (combining.test(nfc)) return null;
  const placed: { piece: Piece & { ink: Bitmap }; x: number }[] = [];
  let pen = 0;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const part of nfc.match(/\d|\D+/g) ?? []) {
    const p = glyphs.piece(part, style);
    if (p.ink) {
      const x = Math.round(pen) + p.left;
      placed.push({ piece: p as Piece & { ink: Bitmap }, x });
      left = Math.min(left, x);
      top = Math.min(top, p.top);
      right = Math.max(right, x + p.ink.width);
      bottom = Math.max(bottom, p.top + p.ink.height);
    }
    pen += p.advance;
  }
  if (pen > maxWidth || right - left > maxWidth) return null;
  if (placed.length === 0) return [];
  const margin = centreIn === undefined ? 0 : Math.max(0, Math.floor((centreIn - (right - left)) / 2));
  const width = margin + right - left;
  const height = bottom - top;
  const bytesPerRow = Math.ceil(width / 8);
  const data = new Uint8Array(bytesPerRow * height);
  for (const { piece, x } of placed) {
    const at = margin + x - left;
    const ink = shiftedInk(piece, at & 7);
    const firstByte = at >> 3;
    const src = ink.data;
    for (let sy = 0; sy < ink.height; sy++) {
      const from = sy * ink.bytesPerRow;
      const to = (piece.top - top + sy) * bytesPerRow + firstByte;
      for (let i = 0; i < ink.bytesPerRow; i++) data[to + i]! |= src[from + i]!;
    }
  }
  return [{ width, height, bytesPerRow, data }];
}
