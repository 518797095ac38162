import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as Canvas from '@napi-rs/canvas';
import type { SKRSContext2D } from '@napi-rs/canvas';
import { blankBitmap, blit, crop, inkBox, type Bitmap } from './bitmap';

// Vietnamese is drawn by us, not by the printer: code pages differ between models and none covers every
// stacked diacritic reliably. The font ships in the repo so every machine renders the same dots.
const fontDir = fileURLToPath(new URL('../../fonts/', import.meta.url));
const REGULAR = 'QmsTicketSans';
const BOLD = 'QmsTicketSansBold';
let canvasModule: typeof Canvas | null = null;

/**
 * The canvas library with our fonts, loaded on the first ticket drawn rather than when the server starts: Skia and the
 * fonts cost about 28 MB of memory, which a server that prints nothing (or has not printed yet) does not need.
 */
export function canvasLib(): typeof Canvas {
  if (canvasModule) return canvasModule;
  const lib = createRequire(import.meta.url)('@napi-rs/canvas') as typeof Canvas;
  lib.GlobalFonts.registerFromPath(`${fontDir}DejaVuSans.ttf`, REGULAR);
  lib.GlobalFonts.registerFromPath(`${fontDir}DejaVuSans-Bold.ttf`, BOLD);
  return (canvasModule = lib);
}

export interface TextStyle {
  /** Font size in dots (203 dpi: 24 dots ≈ 3 mm). */
  size: number;
  bold?: boolean;
  /** Blank dots between wrapped lines. */
  lineGap?: number;
}

export const fontOf = (s: TextStyle) => `${s.bold ? 'bold ' : ''}${s.size}px ${s.bold ? BOLD : REGULAR}`;

/** Splits `text` into lines no wider than `maxWidth` dots, at spaces; a single over-long word is kept whole and shrunk later. */
export function wrapText(ctx: SKRSContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && ctx.measureText(candidate).width > maxWidth) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Renders text to 1-bit images at most `maxWidth` dots wide, wrapped at spaces: one image per line,
 * each trimmed to its ink so no blank dots are sent. Empty for text with no ink (empty or spaces).
 */
export function renderTextLines(text: string, style: TextStyle, maxWidth: number): Bitmap[] {
  const { createCanvas } = canvasLib();
  const measure = createCanvas(8, 8).getContext('2d');
  measure.font = fontOf(style);
  const height = Math.ceil(style.size * 1.5);
  const canvas = createCanvas(maxWidth, height);
  const ctx = canvas.getContext('2d');
  const out: Bitmap[] = [];
  for (const line of wrapText(measure, text.normalize('NFC'), maxWidth)) {
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = '#000';
    ctx.textBaseline = 'alphabetic';
    ctx.textAlign = 'center';
    let size = style.size;
    ctx.font = fontOf(style);
    // A word wider than the paper (a long name with no spaces) is shrunk rather than cut off.
    while (size > 8 && ctx.measureText(line).width > maxWidth) {
      size -= 1;
      ctx.font = fontOf({ ...style, size });
    }
    ctx.fillText(line, maxWidth / 2, Math.round(style.size * 1.15));
    const full = inkOf(ctx, canvas.width, canvas.height);
    const box = inkBox(full);
    if (box) out.push(crop(full, box));
  }
  return out;
}

/** The canvas's pixels as dots: a pixel darker than mid-grey prints. */
export function inkOf(ctx: SKRSContext2D, width: number, height: number): Bitmap {
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const out = blankBitmap(width, height);
  for (let i = 0; i < out.dots.length; i++) out.dots[i] = rgba[i * 4]! < 140 ? 1 : 0;
  return out;
}

/** All lines of `renderTextLines` stacked into one image, `lineGap` dots apart, centred; null when there is no ink. */
export function renderText(text: string, style: TextStyle, maxWidth: number): Bitmap | null {
  const lines = renderTextLines(text, style, maxWidth);
  if (lines.length === 0) return null;
  const gap = style.lineGap ?? Math.round(style.size / 4);
  const width = Math.max(...lines.map((l) => l.width));
  const out = blankBitmap(width, lines.reduce((h, l) => h + l.height, 0) + gap * (lines.length - 1));
  let y = 0;
  for (const l of lines) {
    blit(out, l, Math.floor((width - l.width) / 2), y);
    y += l.height + gap;
  }
  return out;
}
