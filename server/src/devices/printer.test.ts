import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { healthyStatus } from '@qms/drivers';
import { waitFor } from '@qms/drivers/testing';
import type { Floor } from '../floor';
import { createTicketPrinting, printerHealth } from './printer';
import { PrinterConfig } from './printer-config';
import type { DeviceHealth, DeviceRegistry } from './registry';

describe('printer status query setting', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it("config: 'auto' unless set, 'off' accepted, anything else refused", () => {
    expect(PrinterConfig.parse({ id: 'p', transport: 'tcp', host: '10.0.0.9' }).statusQuery).toBe('auto');
    expect(PrinterConfig.parse({ id: 'p', transport: 'serial', path: '/dev/ttyS0', statusQuery: 'off' }).statusQuery).toBe('off');
    expect(PrinterConfig.safeParse({ id: 'p', transport: 'tcp', host: '10.0.0.9', statusQuery: 'never' }).success).toBe(false);
  });

  it('health: an unasked printer is "status unknown", never "ready"; a read state is shown as read', () => {
    const off = printerHealth({ statusQuery: 'off' }, null, null, '10.0.0.9:9100');
    expect(off).toEqual({ ok: true, code: 'status_unknown', detail: 'Không rõ trạng thái máy in (không hỏi máy in: statusQuery off) — 10.0.0.9:9100' });
    expect(printerHealth({ statusQuery: 'auto' }, null, null, '/dev/usb/lp0')).toMatchObject({ ok: true, code: 'one_way', detail: expect.stringMatching(/^Không rõ trạng thái/) });
    expect(printerHealth({ statusQuery: 'auto' }, healthyStatus, null, 'x')).toMatchObject({ ok: true, code: 'ready' });
    expect(printerHealth({ statusQuery: 'off' }, null, 'link_down', 'x')).toMatchObject({ ok: false, code: 'link_down' });
  });

  for (const statusQuery of ['auto', 'off'] as const) {
    it(`a network printer that ignores DLE EOT, statusQuery ${statusQuery}: ${statusQuery === 'off' ? 'not asked, status unknown' : 'no_answer'}`, async () => {
      const received: Buffer[] = [];
      const server = createServer((s) => s.on('data', (d) => received.push(d)));
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      cleanups.push(() => new Promise((r) => server.close(r)));
      const port = (server.address() as { port: number }).port;
      const reports: DeviceHealth[] = [];
      const registry = { report: (h: DeviceHealth) => void reports.push(h), list: () => reports } as DeviceRegistry;
      const printing = createTicketPrinting({
        // health checks never touch the floor beyond its bus and the start-up sweep of interrupted prints
        floor: { bus: new EventEmitter(), markInterruptedPrints: () => [] } as unknown as Floor,
        registry,
        printers: [PrinterConfig.parse({ id: 'lan', transport: 'tcp', host: '127.0.0.1', port, statusQuery })],
        dataDir: mkdtempSync(join(tmpdir(), 'qms-printing-')),
        publicUrl: () => 'http://127.0.0.1:8080',
      });
      cleanups.push(() => printing.stop());
      const health = await waitFor('the first health report', () => reports[0]);
      if (statusQuery === 'off') {
        expect(health).toMatchObject({ id: 'lan', kind: 'printer', ok: true, code: 'status_unknown' });
        expect(Buffer.concat(received).length).toBe(0);
      } else {
        expect(health).toMatchObject({ id: 'lan', ok: false, code: 'no_answer' });
        expect([...Buffer.concat(received).subarray(0, 3)]).toEqual([0x10, 0x04, 0x01]);
      }
    });
  }
});
