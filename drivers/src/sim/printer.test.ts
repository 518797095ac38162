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
  it('keeps only the latest tickets in memory; every ticket stays on disk', async () => {
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
    expect(readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(total);
  });
});
