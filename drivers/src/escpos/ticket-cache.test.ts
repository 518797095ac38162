import { describe, expect, it } from 'vitest';
import { decodeEscPos, splitTickets } from './decoder';
import { sampleTicket } from './sample';
import { createTicketRasterCache, ticketBytes, type TicketFormat } from './ticket';

describe('the raster cache of the lines a ticket repeats', () => {
  const formats: TicketFormat[] = [{ paperWidth: 80 }, { paperWidth: 58, centering: 'pad', bandRows: 24, cut: 'partial' }];
  for (const format of formats) {
    it(`${format.paperWidth} mm, ${format.centering ?? 'command'}: the bytes are the same with and without it, from the second ticket on drawn from it`, () => {
      const cache = createTicketRasterCache();
      for (const [i, number] of ['2001', '2002', '3117'].entries()) {
        const content = { ...sampleTicket, number, ahead: `Số người chờ trước bạn: ${i}`, qrUrl: `http://qms.local/t/${number}` };
        expect(ticketBytes(content, format, cache).equals(ticketBytes(content, format))).toBe(true);
      }
      // header, title, priority, service, counters, caption and two footer lines: drawn once, then reused twice
      expect(cache.stats()).toMatchObject({ misses: 8, hits: 16 });
    });
  }

  it('a changed setting (center name, footer, paper) shows on the next ticket: it is part of the key, never a stale picture', () => {
    const cache = createTicketRasterCache();
    ticketBytes(sampleTicket, { paperWidth: 80 }, cache);
    const renamed = { ...sampleTicket, header: 'Trung tâm Hành chính công phường Lê Thanh Nghị', footer: ['Đường dây nóng: 1900 1234'] };
    const next = ticketBytes(renamed, { paperWidth: 80 }, cache);
    expect(next.equals(ticketBytes(renamed, { paperWidth: 80 }))).toBe(true);
    expect(next.equals(ticketBytes(sampleTicket, { paperWidth: 80 }))).toBe(false);
    const narrow = ticketBytes(renamed, { paperWidth: 58 }, cache);
    expect(narrow.equals(ticketBytes(renamed, { paperWidth: 58 }))).toBe(true);
    expect(splitTickets(decodeEscPos(narrow), 384)[0]!.maxRasterWidth).toBeLessThanOrEqual(384);
  });

  it('holds at most its limit of entries', () => {
    const cache = createTicketRasterCache(4);
    for (let i = 0; i < 5; i++) ticketBytes({ ...sampleTicket, serviceName: `Lĩnh vực ${i}` }, { paperWidth: 80 }, cache);
    expect(cache.stats().size).toBe(4);
  });
});
