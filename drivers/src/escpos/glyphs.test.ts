import { describe, expect, it } from 'vitest';
import { inkBox, unpackRows, type Bitmap, type PackedBitmap } from './bitmap';
import { decodeEscPos, type EscPosCommand } from './decoder';
import { composeLine, createGlyphStore } from './glyphs';
import { sampleTicket } from './sample';
import { renderTextLines, type TextStyle } from './text';
import { createTicketRasterCache, ticketBytes } from './ticket';

const ink = (b: Bitmap) => b.dots.reduce((n, d) => n + d, 0);
const unpacked = (p: PackedBitmap): Bitmap => {
  const wide = unpackRows(p.data, p.bytesPerRow, p.height);
  const out: Bitmap = { width: p.width, height: p.height, dots: new Uint8Array(p.width * p.height) };
  for (let y = 0; y < p.height; y++) out.dots.set(wide.dots.subarray(y * wide.width, y * wide.width + p.width), y * p.width);
  return out;
};

/** The images of a decoded ticket, their `GS v 0` bands put back together (bands follow one another with no command between). */
function images(commands: EscPosCommand[]): Bitmap[] {
  const out: Bitmap[] = [];
  let bands: Bitmap[] = [];
  const close = () => {
    if (!bands.length) return;
    const width = bands[0]!.width;
    const dots = new Uint8Array(width * bands.reduce((h, b) => h + b.height, 0));
    let at = 0;
    for (const b of bands) {
      dots.set(b.dots, at);
      at += b.dots.length;
    }
    out.push({ width, height: dots.length / width, dots });
    bands = [];
  };
  for (const c of commands) {
    if (c.op === 'raster') bands.push(c.bitmap);
    else close();
  }
  close();
  return out;
}

/** The image trimmed to its ink (a decoded raster is as wide as its whole bytes). */
function trimmed(b: Bitmap): Bitmap {
  const box = inkBox(b)!;
  const out: Bitmap = { width: box.right - box.left, height: box.bottom - box.top, dots: new Uint8Array((box.right - box.left) * (box.bottom - box.top)) };
  for (let y = 0; y < out.height; y++) out.dots.set(b.dots.subarray((y + box.top) * b.width + box.left, (y + box.top) * b.width + box.right), y * out.width);
  return out;
}

/** Ink of either image with no ink of the other within one dot across, as a share of the ink: 0 for the same shapes. */
function mismatch(a: Bitmap, b: Bitmap): number {
  const near = (m: Bitmap, x: number, y: number) => y < m.height && [x - 1, x, x + 1].some((c) => c >= 0 && c < m.width && m.dots[y * m.width + c]);
  let n = 0;
  for (const [p, q] of [[a, b], [b, a]] as const) {
    for (let i = 0; i < p.dots.length; i++) if (p.dots[i] && !near(q, i % p.width, Math.floor(i / p.width))) n += 1;
  }
  return n / (ink(a) + ink(b));
}

describe('lines put together from glyphs drawn once', () => {
  const cases: [string, TextStyle, number][] = [
    ['2001', { size: 136, bold: true }, 576],
    ['A019', { size: 136, bold: true }, 576],
    ['A023', { size: 104, bold: true }, 384],
    ['Số người chờ trước bạn: 47', { size: 24 }, 576],
    ['08:05 — Thứ Hai, 23/11/2026', { size: 20 }, 384],
  ];
  for (const [text, style, width] of cases) {
    it(`"${text}" at ${style.size} dots looks as the canvas draws it: same size to 2 dots, same ink to 4 %`, () => {
      const drawn = renderTextLines(text, style, width);
      const composed = composeLine(text, style, width, createGlyphStore());
      expect(drawn).toHaveLength(1);
      expect(composed).toHaveLength(1);
      const [a, b] = [drawn[0]!, unpacked(composed![0]!)];
      expect(Math.abs(a.width - b.width)).toBeLessThanOrEqual(2);
      expect(Math.abs(a.height - b.height)).toBeLessThanOrEqual(2);
      expect(Math.abs(ink(a) - ink(b)) / ink(a)).toBeLessThan(0.04);
      // the same shapes in the same places, not only as much ink: differing dots are the glyphs' edges
      expect(mismatch(a, b)).toBeLessThan(0.02);
    });
  }

  it('a line wider than the paper or with a combining mark is left to the canvas (null); a blank one has no image', () => {
    const glyphs = createGlyphStore();
    expect(composeLine('12345678', { size: 136, bold: true }, 576, glyphs)).toBeNull();
    expect(composeLine('Thu\u0309 tu\u0323c 12', { size: 24 }, 576, glyphs)).not.toBeNull(); // NFC makes them one letter
    expect(composeLine('\u0301 12', { size: 24 }, 576, glyphs)).toBeNull();
    expect(composeLine('  ', { size: 24 }, 576, glyphs)).toEqual([]);
  });

  it('a printed ticket decodes to its number as the canvas draws it, unlike another number', () => {
    const numberOf = (number: string) => {
      const decoded = images(decodeEscPos(ticketBytes({ ...sampleTicket, number }, { paperWidth: 80 })));
      return trimmed(decoded.reduce((tallest, b) => (b.height > tallest.height ? b : tallest)));
    };
    const paper = numberOf('2001');
    const canvas = renderTextLines('2001', { size: 136, bold: true }, 576)[0]!;
    expect(Math.abs(paper.width - canvas.width)).toBeLessThanOrEqual(2);
    expect(paper.height).toBe(canvas.height);
    expect(Math.abs(ink(paper) - ink(canvas)) / ink(canvas)).toBeLessThan(0.02);
    expect(mismatch(canvas, paper)).toBeLessThan(0.02);
    // put together from glyphs, not drawn by the canvas for this ticket
    const composed = unpacked(composeLine('2001', { size: 136, bold: true }, 576, createGlyphStore())![0]!);
    expect(paper.width).toBe(composed.width);
    expect(Buffer.from(paper.dots).equals(Buffer.from(composed.dots))).toBe(true);
    expect(mismatch(paper, numberOf('5868'))).toBeGreaterThan(0.2);
  });

  it('from the second ticket on, a new number, time and people ahead draw nothing new: only their digits are placed', () => {
    const cache = createTicketRasterCache();
    ticketBytes({ ...sampleTicket, number: '01234', ahead: 'Số người chờ trước bạn: 56789' }, { paperWidth: 80 }, cache);
    ticketBytes({ ...sampleTicket, number: '56789', ahead: 'Số người chờ trước bạn: 01234' }, { paperWidth: 80 }, cache);
    const drawn = cache.glyphs.stats().misses;
    expect(drawn).toBeGreaterThanOrEqual(20); // ten digits in each of two sizes
    ticketBytes({ ...sampleTicket, number: '9305', ahead: 'Số người chờ trước bạn: 42', issuedAt: '10:59 — Thứ Hai, 23/11/2026' }, { paperWidth: 80 }, cache);
    expect(cache.glyphs.stats().misses).toBe(drawn);
  });
});
