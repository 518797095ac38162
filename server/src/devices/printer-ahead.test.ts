import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeLine, createGlyphStore, type EscPosCommand, type SimPrinter } from '@qms/drivers';
import { waitFor } from '@qms/drivers/testing';
import { demoConfigPath, loadConfig } from '../config/load';
import { createFloor } from '../floor';
import { importOnFirstStart } from '../floor/setup-import';
import { openDb } from '../store/open';
import { createTicketPrinting } from './printer';
import { PrinterConfig } from './printer-config';
import type { DeviceRegistry } from './registry';

/** The packed rows of each image of a printed ticket, its bands put back together. */
function images(commands: EscPosCommand[]): Buffer[] {
  const out: Buffer[] = [];
  let rows: Buffer[] = [];
  for (const c of commands) {
    if (c.op === 'raster') {
      const b = c.bitmap;
      // back to packed rows, as composeLine gives them
      const packed = Buffer.alloc(c.bytesPerRow * b.height);
      for (let i = 0; i < b.dots.length; i++) if (b.dots[i]) packed[i >> 3]! |= 0x80 >> (i & 7);
      rows.push(packed);
    } else if (rows.length) {
      out.push(Buffer.concat(rows));
      rows = [];
    }
  }
  return out;
}

describe('people ahead on a printed ticket', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qms-printer-ahead-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a new walk-in ticket prints the count its issue made (what the kiosk shows), without reading the waiting list again; a priority ticket and a reprint count it', async () => {
    const db = openDb(join(dir, 'qms.sqlite'));
    const clock = Date.parse('2026-03-16T01:30:00Z'); // 08:30 in Hà Nội, a Monday
    const config = importOnFirstStart(db, loadConfig(demoConfigPath), clock, () => undefined);
    const floor = createFloor({ db, config, now: () => clock, newId: randomUUID });
    const printing = createTicketPrinting({
      floor,
      registry: { report: () => undefined, list: () => [] } as unknown as DeviceRegistry,
      printers: [PrinterConfig.parse({ id: 'p1', transport: 'sim', kioskId: 'k1' })],
      dataDir: dir,
      publicUrl: () => 'http://qms.local',
    });
    const sim = printing.simulators().get('p1') as SimPrinter;
    const tickets = floor.queries.tickets;
    let listReads = 0;
    const waitingIn = tickets.waitingIn;
    tickets.waitingIn = (...args) => ((listReads += 1), waitingIn(...args));

    const aheadLine = (n: number) => {
      const [line] = composeLine(`Số người chờ trước bạn: ${n}`, { size: 24 }, 576, createGlyphStore())!;
      return Buffer.from(line!.data);
    };
    const paperSays = async (count: number) => {
      const file = await waitFor(`ticket ${count} on paper`, () => sim.printed()[count - 1], 30_000);
      const found = [0, 1, 2, 3, 4, 5].filter((n) => images(file.commands).some((img) => img.equals(aheadLine(n))));
      expect(found).toHaveLength(1);
      return found[0];
    };
    const issue = (priority: string | null = null) =>
      floor.issue({ serviceId: 'ho-tich', channel: 'kiosk', staffId: null, priority, print: { printerId: 'p1', kioskId: 'k1', counterId: null } });

    try {
      const replies = [issue(), issue(), issue()];
      expect(replies.map((r) => r.waitingAhead)).toEqual([0, 1, 2]);
      expect([await paperSays(1), await paperSays(2), await paperSays(3)]).toEqual([0, 1, 2]);
      expect(listReads).toBe(0);

      const urgent = issue(config.priorityCategories[0]!.code);
      expect(urgent.waitingAhead).toBe(0);
      expect(await paperSays(4)).toBe(0);
      expect(listReads).toBe(1);

      // A reprint counts again: the priority ticket is now ahead of the second walk-in ticket.
      await printing.reprint(replies[1]!.id, { kioskId: 'k1' });
      expect(await paperSays(5)).toBe(2);
      expect(listReads).toBe(2);
    } finally {
      await printing.stop();
      db.close();
    }
  });
});
