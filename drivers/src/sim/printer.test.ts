import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeEscPos, splitTickets } from '../escpos/decoder';
import { sampleTicket } from '../escpos/sample';
import { ticketBytes } from '../escpos/ticket';
import { until } from '../testing';
import { simulatedPrinterLink } from './printer';

describe('the simulated printer', () => {
  it('keeps only the latest tickets in memory; every ticket stays on disk (its bytes; no picture unless asked)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qms-sim-printer-'));
    const { printer, host } = simulatedPrinterLink({ dir, name: 'p', paperWidth: 58 });
    const total = 23;
    for (let i = 1; i <= total; i++) await host.write(ticketBytes({ ...sampleTicket, qrUrl: `http://qms.local/t/${i}` }, { paperWidth: 58 }));
    await until(() => printer.count() === total);
    expect(printer.errors()).toEqual([]);
    const kept = printer.printed();
    expect(kept).toHaveLength(20);
    const urls = kept.map((f) => splitTickets(f.commands, 384)[0]!.qrPayloads[0]);
    expect(urls).toEqual(Array.from({ length: 20 }, (_, i) => `http://qms.local/t/${i + 4}`));
    expect(splitTickets(decodeEscPos(readFileSync(kept[0]!.bin)), 384)[0]!.qrPayloads).toEqual(['http://qms.local/t/4']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.bin'))).toHaveLength(total);
    expect(readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(0);
  });

  it('draws the picture of the paper when it is asked for (or beside every ticket with previews: each)', async () => {
    const lazy = mkdtempSync(join(tmpdir(), 'qms-sim-printer-'));
    const eager = mkdtempSync(join(tmpdir(), 'qms-sim-printer-'));
    const a = simulatedPrinterLink({ dir: lazy, name: 'p', paperWidth: 80 });
    const b = simulatedPrinterLink({ dir: eager, name: 'p', paperWidth: 80, previews: 'each' });
    const bytes = ticketBytes(sampleTicket, { paperWidth: 80 });
    await a.host.write(bytes);
    await b.host.write(bytes);
    await until(() => a.printer.count() === 1 && b.printer.count() === 1);
    expect(readdirSync(lazy).filter((f) => f.endsWith('.png'))).toEqual([]);
    const [file] = a.printer.printed();
    const png = readFileSync(a.printer.preview(file!));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // the same picture either way, from the same bytes
    expect(png.equals(readFileSync(b.printer.printed()[0]!.png))).toBe(true);
    expect(readFileSync(file!.bin).equals(readFileSync(b.printer.printed()[0]!.bin))).toBe(true);
  });
});
