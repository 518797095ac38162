import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { rasterImage, renderTextLines, type SimPrinter } from '@qms/drivers';
import { waitFor } from '@qms/drivers/testing';
import { adminClient } from './support/admin';
import { client, kioskToken, login, startTestServer, type TestServer } from './support/server';

/** The `GS v 0` bytes of every line of `text` as the 80 mm ticket draws it. */
const linesOf = (text: string, size: number, bold: boolean, lineGap?: number) =>
  renderTextLines(text, { size, bold, ...(lineGap ? { lineGap } : {}) }, 576).map((line) => rasterImage(line));

describe('the printer draws the repeating lines of a ticket once', () => {
  const servers: TestServer[] = [];
  afterEach(() => Promise.all(servers.splice(0).map((s) => s.stop())));

  it('a change of the center’s name and hotline shows on the next ticket', async () => {
    const s = await startTestServer();
    servers.push(s);
    const sim = s.printing.simulators().get('printer-1') as SimPrinter;
    const kiosk = client(s.url, kioskToken);
    const paper = async (n: number) => {
      expect((await kiosk.post('/api/tickets', { serviceId: 'chung-thuc' })).status).toBe(201);
      return readFileSync((await waitFor(`ticket ${n} on paper`, () => sim.printed()[n - 1], 30_000)).bin);
    };
    const before = s.floor.config.center;
    for (const n of [1, 2]) {
      const bin = await paper(n);
      for (const line of linesOf(before.name.toLocaleUpperCase('vi'), 22, true, 6)) expect(bin.includes(line)).toBe(true);
      for (const line of linesOf(`Đường dây nóng: ${before.hotline}`, 20, false, 4)) expect(bin.includes(line)).toBe(true);
    }

    const admin = adminClient(s, await login(s.url, 'admin', 'admin'));
    expect((await admin.patch('/api/admin/center', { name: 'Trung tâm Phục vụ hành chính công xã Tân Hưng', hotline: '1900 1234' })).status).toBe(200);
    const bin = await paper(3);
    for (const line of linesOf('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ TÂN HƯNG', 22, true, 6)) expect(bin.includes(line)).toBe(true);
    for (const line of linesOf('Đường dây nóng: 1900 1234', 20, false, 4)) expect(bin.includes(line)).toBe(true);
    for (const line of linesOf(before.name.toLocaleUpperCase('vi'), 22, true, 6)) expect(bin.includes(line)).toBe(false);
  });
});
