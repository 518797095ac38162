import { blankBitmap, blit, type Bitmap } from './bitmap';
import { cut, DEFAULT_BAND_ROWS, feedDots, initialize, justify, qrCode, rasterBands, rasterImage } from './commands';
import { composeLine, createGlyphStore, type GlyphStore } from './glyphs';
import { renderTextLines, type TextStyle } from './text';

export type PaperWidth = 58 | 80;

/** Printable dots across the paper at 203 dpi. */
export const paperDots: Record<PaperWidth, number> = { 80: 576, 58: 384 };

/** What goes on one ticket, already worded (Vietnamese); empty strings and null parts are left out. */
export interface TicketContent {
  /** Center name, printed in capitals at the top. */
  header: string;
  /** "SỐ THỨ TỰ". */
  title: string;
  number: string;
  /** e.g. "ƯU TIÊN — Người cao tuổi". */
  priority?: string | null;
  serviceName: string;
  /** e.g. "Mời đến quầy: 2, 3". */
  counters?: string | null;
  /** e.g. "Số người chờ trước bạn: 4". */
  ahead?: string | null;
  /** e.g. "08:05 — Thứ Hai, 23/11/2026". */
  issuedAt: string;
  /** The ticket's status page; printed as the printer's own QR code. */
  qrUrl?: string | null;
  qrCaption?: string | null;
  footer?: string[];
}

export interface TicketFormat {
  paperWidth: PaperWidth;
  /**
   * How a narrow image is centred: `command` sends ESC a 1 (every Epson-compatible printer honours it
   * for raster images); `pad` adds blank dots on the left, for printers that ignore it.
   */
  centering?: 'command' | 'pad';
  /** Rows per `GS v 0` band. */
  bandRows?: number;
  cut?: 'full' | 'partial';
  /** Height of the big number's font, in dots. */
  numberSize?: number;
}

interface Sizes {
  header: number;
  title: number;
  number: number;
  service: number;
  line: number;
  footer: number;
  qrModule: number;
  gap: number;
}

const sizes: Record<PaperWidth, Sizes> = {
  80: { header: 22, title: 28, number: 136, service: 30, line: 24, footer: 20, qrModule: 6, gap: 12 },
  58: { header: 18, title: 24, number: 104, service: 24, line: 20, footer: 17, qrModule: 5, gap: 10 },
};

/**
 * The raster bytes of the lines that repeat from ticket to ticket (center name, title, field, counters, caption,
 * footer), drawn once. The key holds everything that shapes the bytes (the words, the style, the paper and its
 * format), so a changed setting is a new key and the next ticket shows it: no entry can go stale. `glyphs`: the pieces
 * the lines that change on every ticket are put together from (see `composeLine`).
 */
export function createTicketRasterCache(limit = 256) {
  const entries = new Map<string, Buffer>();
  let hits = 0;
  let misses = 0;
  return {
    bytes(key: string, draw: () => Buffer): Buffer {
      const found = entries.get(key);
      if (found) {
        hits += 1;
        return found;
      }
      misses += 1;
      const made = draw();
      if (entries.size >= limit) entries.delete(entries.keys().next().value!); // the oldest first
      entries.set(key, made);
      return made;
    },
    stats: () => ({ size: entries.size, hits, misses }),
    glyphs: createGlyphStore(),
  };
}
export type TicketRasterCache = ReturnType<typeof createTicketRasterCache>;

/**
 * The bytes of one ticket: initialise, raster text in bands, the printer's QR, feed and cut. With a `cache`, the lines
 * that repeat are taken from it and the pieces of the others too; the bytes are the same either way.
 */
export function ticketBytes(content: TicketContent, format: TicketFormat, cache?: TicketRasterCache): Buffer {
  const width = paperDots[format.paperWidth];
  const s = { ...sizes[format.paperWidth], ...(format.numberSize ? { number: format.numberSize } : {}) };
  const centering = format.centering ?? 'command';
  const bandRows = format.bandRows ?? DEFAULT_BAND_ROWS;
  const parts: Buffer[] = [initialize(), justify(centering === 'command' ? 'center' : 'left')];

  const glyphs: GlyphStore = cache?.glyphs ?? createGlyphStore();

  const image = (b: Bitmap) => rasterImage(centering === 'pad' ? padToCentre(b, width) : b, bandRows);
  // Each wrapped line is its own image, so a short second line does not carry the first line's width.
  const drawText = (value: string, style: TextStyle, gapAfter: number, compose = false) => {
    const composed = compose ? composeLine(value, style, width, glyphs, centering === 'pad' ? width : undefined) : null;
    const images = composed ? composed.map((line) => rasterBands(line, bandRows)) : renderTextLines(value, style, width).map(image);
    return Buffer.concat(images.flatMap((line, i) => [line, feedDots(i === images.length - 1 ? gapAfter : (style.lineGap ?? Math.round(style.size / 4)))]));
  };
  /**
   * `repeats`: the same words on many tickets, drawn whole by the canvas and taken from the cache when there is one;
   * otherwise (the number, people ahead, time) put together from pieces drawn once.
   */
  const text = (value: string | null | undefined, style: TextStyle, gapAfter = s.gap, repeats = true) => {
    if (!value) return;
    if (!repeats) parts.push(drawText(value, style, gapAfter, true));
    else if (!cache) parts.push(drawText(value, style, gapAfter));
    else parts.push(cache.bytes(JSON.stringify([value, style, gapAfter, width, centering, bandRows]), () => drawText(value, style, gapAfter)));
  };

  text(content.header.toLocaleUpperCase('vi'), { size: s.header, bold: true, lineGap: 6 }, s.gap * 2);
  text(content.title, { size: s.title, bold: true }, s.gap * 1.5);
  text(content.number, { size: s.number, bold: true }, s.gap * 2, false);
  text(content.priority, { size: s.line, bold: true });
  text(content.serviceName, { size: s.service, bold: true, lineGap: 6 });
  text(content.counters, { size: s.line });
  text(content.ahead, { size: s.line }, s.gap, false);
  text(content.issuedAt, { size: s.line }, s.gap * 1.5, false);
  if (content.qrUrl) {
    // The printer places its own QR code, so it is always centred by command.
    if (centering === 'pad') parts.push(justify('center'));
    parts.push(qrCode(content.qrUrl, { moduleSize: s.qrModule, ecc: 'M' }), feedDots(s.gap / 2));
    if (centering === 'pad') parts.push(justify('left'));
    text(content.qrCaption, { size: s.footer }, s.gap * 1.5);
  }
  for (const line of content.footer ?? []) text(line, { size: s.footer, lineGap: 4 }, s.gap / 2);
  parts.push(cut({ partial: format.cut === 'partial', feed: 64 }));
  return Buffer.concat(parts);
}

/** The image moved right by blank dots so it sits in the middle of the paper with left justification. */
function padToCentre(b: Bitmap, paperWidth: number): Bitmap {
  const left = Math.max(0, Math.floor((paperWidth - b.width) / 2));
  const out = blankBitmap(Math.min(paperWidth, left + b.width), b.height);
  blit(out, b, left, 0);
  return out;
}
