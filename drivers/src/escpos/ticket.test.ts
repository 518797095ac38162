import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inkBox } from './bitmap';
import { decodeEscPos, decodeStream, EscPosDecodeError, renderPage, splitTickets, type EscPosCommand } from './decoder';
import { bitmapToPng } from './png';
import { renderText } from './text';
import { sampleTicket } from './sample';
import { paperDots, ticketBytes, type PaperWidth } from './ticket';

/** Rows of each printed image: its `GS v 0` bands follow one another with no other command between them. */
function imageHeights(commands: EscPosCommand[]): number[] {
  const heights: number[] = [];
  let rows = 0;
  for (const c of commands) {
    if (c.op === 'raster') rows += c.bitmap.height;
    else if (rows) {
      heights.push(rows);
      rows = 0;
    }
  }
  return heights;
}

describe('a whole ticket, encoded and decoded', () => {
  for (const paperWidth of [80, 58] as PaperWidth[]) {
    it(`${paperWidth} mm: QR payload is the ticket URL, every raster fits the paper, one cut at the end`, () => {
      const bytes = ticketBytes(sampleTicket, { paperWidth });
      const commands = decodeEscPos(bytes);
      expect(commands[0]).toMatchObject({ op: 'init', at: 0 });
      expect(commands.at(-1)).toMatchObject({ op: 'cut', partial: false });
      const tickets = splitTickets(commands, paperDots[paperWidth]);
      expect(tickets).toHaveLength(1);
      const [t] = tickets;
      expect(t!.cut).toBe(true);
      expect(t!.qrPayloads).toEqual([sampleTicket.qrUrl]);
      expect(t!.rasters.length).toBeGreaterThanOrEqual(9);
      expect(t!.maxRasterWidth).toBeLessThanOrEqual(paperDots[paperWidth]);
      expect(t!.rightmostDot).toBeLessThanOrEqual(paperDots[paperWidth]);
      // Bands stay small enough for a printer's receive buffer.
      for (const c of commands) if (c.op === 'raster') expect(c.bitmap.height).toBeLessThanOrEqual(32);
      // The big number is the tallest text by far: at least 12 mm on 80 mm paper, 9 mm on 58 mm, once its bands are put together.
      const [number, ...others] = imageHeights(commands).sort((a, b) => b - a);
      expect(number).toBeGreaterThanOrEqual(paperWidth === 80 ? 96 : 72);
      expect(number).toBeGreaterThan(2 * others[0]!);
      const page = renderPage(commands, paperDots[paperWidth]).bitmap;
      expect(page.width).toBe(paperDots[paperWidth]);
      expect(bytes.length).toBeLessThan(paperWidth === 80 ? 16_000 : 11_000);
    });
  }

  it('pad centring gives the same paper with left justification', () => {
    const viaCommand = renderPage(decodeEscPos(ticketBytes(sampleTicket, { paperWidth: 80 })), 576).bitmap;
    const viaPad = renderPage(decodeEscPos(ticketBytes(sampleTicket, { paperWidth: 80, centering: 'pad' })), 576).bitmap;
    expect(viaPad.height).toBe(viaCommand.height);
    // The same dots, at most a few columns apart (centring by command rounds widths up to whole bytes).
    const ink = (b: typeof viaPad) => b.dots.reduce((n, d) => n + d, 0);
    expect(ink(viaPad)).toBe(ink(viaCommand));
    const a = inkBox(viaPad)!;
    const c = inkBox(viaCommand)!;
    expect(Math.abs(a.left - c.left)).toBeLessThanOrEqual(8);
    expect(a.top).toBe(c.top);
  });

  it('Vietnamese diacritics are drawn: "Ư" and "U" are different dots', () => {
    const a = renderText('Ư', { size: 40, bold: true }, 200)!;
    const b = renderText('U', { size: 40, bold: true }, 200)!;
    expect(a.width).toBeGreaterThan(b.width);
    const stacked = renderText('Ễ', { size: 40 }, 200)!;
    const plain = renderText('E', { size: 40 }, 200)!;
    expect(stacked.height).toBeGreaterThan(plain.height + 8);
    expect(renderText('   ', { size: 20 }, 200)).toBeNull();
  });

  it('long names wrap to the paper width', () => {
    const b = renderText('Trung tâm Phục vụ hành chính công tỉnh Thừa Thiên Huế và các vùng lân cận', { size: 24, bold: true }, 384)!;
    expect(b.width).toBeLessThanOrEqual(384);
    expect(b.height).toBeGreaterThan(60);
    expect(inkBox(b)).not.toBeNull();
  });

  it('writes a PNG that starts with the PNG signature', () => {
    const png = bitmapToPng(renderPage(decodeEscPos(ticketBytes(sampleTicket, { paperWidth: 58 })), 384).bitmap);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      const dir = new URL('../../../docs/', import.meta.url);
      writeFileSync(new URL('ticket-58mm.png', dir), png);
      writeFileSync(new URL('ticket-80mm.png', dir), bitmapToPng(renderPage(decodeEscPos(ticketBytes(sampleTicket, { paperWidth: 80 })), 576).bitmap));
    } else writeFileSync(join(mkdtempSync(join(tmpdir(), 'qms-ticket-')), 't.png'), png);
  });
});

describe('the decoder rejects what it does not understand', () => {
  const bad: [string, number[], RegExp][] = [
    ['plain text bytes', [0x41, 0x42], /Unexpected byte 0x41 .* at byte 0/],
    ['an unknown ESC command', [0x1b, 0x74, 0x1e], /Unknown command ESC 0x74/],
    ['a code page switch (FS)', [0x1c, 0x2e], /Unexpected byte 0x1c/],
    ['a double-size raster', [0x1d, 0x76, 0x30, 0x03, 1, 0, 1, 0, 0xff], /Unsupported raster mode 3/],
    ['a PDF417 symbol', [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x30, 0x41, 0x00], /only QR/],
    ['an unknown QR function', [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x52, 0x30], /Unknown QR function 0x52/],
    ['an unknown cut', [0x1d, 0x56, 0x07], /Unknown cut mode/],
    ['a status request for n=5', [0x10, 0x04, 0x05], /DLE EOT 5/],
  ];
  for (const [name, bytes, message] of bad) {
    it(name, () => {
      expect(() => decodeEscPos(Buffer.from(bytes))).toThrow(EscPosDecodeError);
      expect(() => decodeEscPos(Buffer.from(bytes))).toThrow(message);
    });
  }

  it('a job cut short is an error for a whole job, and waits for more in a stream', () => {
    const bytes = ticketBytes(sampleTicket, { paperWidth: 80 });
    const cutShort = bytes.subarray(0, 200);
    expect(() => decodeEscPos(cutShort)).toThrow(/ends inside a command/);
    const { consumed } = decodeStream(cutShort);
    expect(consumed).toBeLessThan(200);
    expect(decodeStream(bytes).consumed).toBe(bytes.length);
  });
});
