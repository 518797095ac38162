import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimPrinter, simulatedPrinterLink } from '../sim/printer';
import { ptyPair, until } from '../testing';
import { Listeners, memoryPair, openDeviceFile, openSerial, openTcp, type Transport } from '../transport';
import { decodeEscPos, splitTickets } from './decoder';
import { createEscPosPrinter, PrintError } from './printer';
import { sampleTicket } from './sample';
import { createTicketRasterCache, ticketBytes } from './ticket';

const tempDir = () => mkdtempSync(join(tmpdir(), 'qms-printer-'));
const job = (url = sampleTicket.qrUrl!) => ticketBytes({ ...sampleTicket, qrUrl: url }, { paperWidth: 80 });

/** The device side of an accepted TCP connection, as a Transport for the simulated printer. */
function socketTransport(s: Socket): Transport {
  const data = new Listeners<Buffer>();
  s.on('data', (d) => data.emit(d));
  return {
    description: 'accepted socket',
    twoWay: true,
    write: (b) => new Promise((resolve, reject) => s.write(b, (e) => (e ? reject(e) : resolve()))),
    onData: (l) => data.add(l),
    onError: () => () => undefined,
    close: async () => void s.destroy(),
  };
}

/** The device end of a link to a printer whose paper runs out once it has taken `after` bytes. */
function paperRunsOut(device: Transport, after: number, runOut: () => void): Transport {
  let taken = 0;
  let out = false;
  return {
    ...device,
    onData: (l) =>
      device.onData((chunk) => {
        const room = after - taken;
        taken += chunk.length;
        if (out || chunk.length <= room) return l(chunk);
        l(chunk.subarray(0, room));
        out = true;
        runOut();
        l(chunk.subarray(room));
      }),
  };
}

// The PTY tests are about what goes over the line, not how fast: a busy machine (CI's 2 shared cores) must not turn a
// slow turn of socat or of the event loop into a "link down" or "no answer".
const unhurried = { writeTimeoutMs: 60_000, statusTimeoutMs: 10_000 };

describe('printing a ticket', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('to the simulated printer: a .bin and a .png per ticket, the .bin decodes to the same ticket', async () => {
    const dir = tempDir();
    const { printer: sim, host } = simulatedPrinterLink({ dir, name: 'printer-1', paperWidth: 80, previews: 'each' });
    const printer = createEscPosPrinter({ connect: async () => host });
    cleanups.push(() => printer.close());
    const status = await printer.print(job('http://qms.local/t/abc'));
    expect(status).toMatchObject({ online: true, paperOut: false });
    await until(() => sim.printed().length === 1);
    expect(sim.errors()).toEqual([]);
    const files = readdirSync(dir).sort();
    expect(files.filter((f) => f.endsWith('.bin'))).toHaveLength(1);
    expect(files.filter((f) => f.endsWith('.png'))).toHaveLength(1);
    const bin = readFileSync(sim.printed()[0]!.bin);
    // The status requests went to the printer, not onto the paper.
    expect(bin.equals(job('http://qms.local/t/abc'))).toBe(true);
    expect(splitTickets(decodeEscPos(bin), 576)[0]!.qrPayloads).toEqual(['http://qms.local/t/abc']);
  });

  it('refuses to print into a printer that is out of paper or open, and says why', async () => {
    const dir = tempDir();
    const { printer: sim, host } = simulatedPrinterLink({ dir, name: 'p', paperWidth: 58 });
    const printer = createEscPosPrinter({ connect: async () => host });
    cleanups.push(() => printer.close());
    sim.setStatus({ paperOut: true });
    await expect(printer.print(job())).rejects.toMatchObject({ name: 'PrintError', fault: 'paper_out' });
    sim.setStatus({ paperOut: false, coverOpen: true });
    await expect(printer.print(job())).rejects.toMatchObject({ fault: 'cover_open' });
    sim.setStatus({ coverOpen: false });
    writeFileSync(join(dir, 'p.fault'), 'offline\n');
    await expect(printer.print(job())).rejects.toMatchObject({ fault: 'offline' });
    writeFileSync(join(dir, 'p.fault'), '');
    sim.setStatus({ paperNearEnd: true });
    expect(await printer.print(job())).toMatchObject({ paperNearEnd: true });
    await until(() => sim.printed().length === 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(sim.printed()).toHaveLength(1);
  });

  it('paper running out mid-ticket fails the job with paper_out; after a refill the next one prints whole', async () => {
    const dir = tempDir();
    const pair = memoryPair('printer running out');
    const bytes = job();
    const sim = createSimPrinter({ dir, name: 'mid', paperWidth: 80, device: paperRunsOut(pair.device, bytes.length / 2, () => sim.setStatus({ paperOut: true })) });
    const printer = createEscPosPrinter({ connect: async () => pair.host });
    cleanups.push(() => printer.close());
    await expect(printer.print(bytes)).rejects.toMatchObject({ name: 'PrintError', fault: 'paper_out' });
    expect(sim.printed()).toHaveLength(0);
    sim.setStatus({ paperOut: false });
    expect(await printer.print(bytes)).toMatchObject({ paperOut: false });
    await until(() => sim.printed().length === 1);
    expect(readFileSync(sim.printed()[0]!.bin).equals(bytes)).toBe(true);
  });

  it('a printer that never answers DLE EOT is reported silent, not waited on forever', async () => {
    const { host } = memoryPair('dead printer');
    const printer = createEscPosPrinter({ connect: async () => host, statusTimeoutMs: 100 });
    cleanups.push(() => printer.close());
    const err = await printer.print(job()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrintError);
    expect((err as PrintError).fault).toBe('no_answer');
  });

  it('a printer that answers before the job but falls silent after it has not printed it: no_answer', async () => {
    const { host, device } = memoryPair('printer that dies mid-ticket');
    let asked = 0;
    device.onData((c) => {
      // The four requests of a status query come in one write: answered the first time only.
      if (c.length === 12 && c[0] === 0x10 && asked++ === 0) void device.write(Buffer.from([0x12, 0x12, 0x12, 0x12]));
    });
    const printer = createEscPosPrinter({ connect: async () => host, statusTimeoutMs: 100 });
    cleanups.push(() => printer.close());
    await expect(printer.print(job())).rejects.toMatchObject({ fault: 'no_answer' });
    expect(asked).toBe(2);
  });

  it('asks DLE EOT 1–4 in one write before the job and one after: three writes a ticket, answers read in order', async () => {
    const dir = tempDir();
    const { printer: sim, host } = simulatedPrinterLink({ dir, name: 'counted', paperWidth: 80 });
    const writes: Buffer[] = [];
    const printer = createEscPosPrinter({ connect: async () => ({ ...host, write: (b) => (writes.push(Buffer.from(b)), host.write(b)) }) });
    cleanups.push(() => printer.close());
    sim.setStatus({ paperNearEnd: true });
    expect(await printer.print(job())).toMatchObject({ online: true, paperNearEnd: true, paperOut: false });
    const query = Buffer.from([0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 3, 0x10, 0x04, 4]);
    expect(writes.map((w) => (w.equals(query) ? 'status' : w.equals(job()) ? 'job' : w.toString('hex')))).toEqual(['status', 'job', 'status']);
    // DLE EOT 4 (paper sensors) is the fourth answer: read as the paper, not as another kind.
    sim.setStatus({ paperNearEnd: false, paperOut: true });
    await expect(printer.print(job())).rejects.toMatchObject({ fault: 'paper_out' });
  });

  it('a link that cannot be opened is link_down, and the next job tries again', async () => {
    let attempts = 0;
    const printer = createEscPosPrinter({
      connect: async () => {
        attempts += 1;
        throw new Error('Cannot open serial port /dev/ttyUSB9');
      },
    });
    await expect(printer.print(job())).rejects.toMatchObject({ fault: 'link_down' });
    await expect(printer.status()).rejects.toMatchObject({ fault: 'link_down' });
    expect(attempts).toBe(2);
  });

  it('through a real serial path: socat PTY pair, serialport at 115200 on both ends, DLE EOT answered', async () => {
    const pty = await ptyPair();
    cleanups.push(pty.stop);
    const dir = tempDir();
    const deviceEnd = await openSerial({ path: pty.b, baudRate: 115200 });
    cleanups.push(() => deviceEnd.close());
    const sim = createSimPrinter({ dir, name: 'serial', paperWidth: 80, device: deviceEnd });
    const printer = createEscPosPrinter({ connect: () => openSerial({ path: pty.a, baudRate: 115200 }), ...unhurried });
    cleanups.push(() => printer.close());
    const url = 'http://10.0.0.5:8080/t/serial-ticket';
    const printed = new Promise((r) => sim.onPrinted(r));
    expect(await printer.status()).toMatchObject({ online: true });
    await printer.print(job(url));
    await printed;
    expect(sim.errors()).toEqual([]);
    const [ticket] = splitTickets(decodeEscPos(readFileSync(sim.printed()[0]!.bin)), 576);
    expect(ticket).toMatchObject({ cut: true, qrPayloads: [url] });
    expect(ticket!.maxRasterWidth).toBeLessThanOrEqual(576);
    sim.setStatus({ coverOpen: true });
    await expect(printer.print(job(url))).rejects.toMatchObject({ fault: 'cover_open' });
  });

  it('through the serial path, tickets drawn with the raster cache arrive byte for byte as without it', async () => {
    const pty = await ptyPair();
    cleanups.push(pty.stop);
    const deviceEnd = await openSerial({ path: pty.b, baudRate: 115200 });
    cleanups.push(() => deviceEnd.close());
    const sim = createSimPrinter({ dir: tempDir(), name: 'serial', paperWidth: 80, device: deviceEnd });
    const printer = createEscPosPrinter({ connect: () => openSerial({ path: pty.a, baudRate: 115200 }), ...unhurried });
    cleanups.push(() => printer.close());
    const cache = createTicketRasterCache();
    const tickets = ['2001', '2002'].map((number) => ({ ...sampleTicket, number, qrUrl: `http://10.0.0.5:8080/t/${number}` }));
    for (const t of tickets) await printer.print(ticketBytes(t, { paperWidth: 80 }, cache));
    await until(() => sim.count() === 2);
    expect(cache.stats().hits).toBeGreaterThan(0);
    tickets.forEach((t, i) => expect(readFileSync(sim.printed()[i]!.bin).equals(ticketBytes(t, { paperWidth: 80 }))).toBe(true));
  });

  it('through a socat PTY pair, the paper running out mid-ticket is caught by the status read after the job', async () => {
    const pty = await ptyPair();
    cleanups.push(pty.stop);
    const deviceEnd = await openSerial({ path: pty.b, baudRate: 115200 });
    cleanups.push(() => deviceEnd.close());
    const bytes = job();
    const sim = createSimPrinter({ dir: tempDir(), name: 'serial-mid', paperWidth: 80, device: paperRunsOut(deviceEnd, bytes.length / 2, () => sim.setStatus({ paperOut: true })) });
    const printer = createEscPosPrinter({ connect: () => openSerial({ path: pty.a, baudRate: 115200 }), ...unhurried });
    cleanups.push(() => printer.close());
    await expect(printer.print(bytes)).rejects.toMatchObject({ name: 'PrintError', fault: 'paper_out' });
    expect(sim.printed()).toHaveLength(0);
    expect(sim.errors()).toEqual([]);
  });

  it('over TCP to a port-9100 style printer', async () => {
    const dir = tempDir();
    let sim: ReturnType<typeof createSimPrinter> | null = null;
    const server = createServer((s) => (sim = createSimPrinter({ dir, name: 'lan', paperWidth: 58, device: socketTransport(s) })));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    cleanups.push(() => new Promise((r) => server.close(r)));
    const port = (server.address() as { port: number }).port;
    const printer = createEscPosPrinter({ connect: () => openTcp({ host: '127.0.0.1', port }) });
    cleanups.push(() => printer.close());
    const bytes = ticketBytes(sampleTicket, { paperWidth: 58 });
    await printer.print(bytes);
    await until(() => (sim?.printed().length ?? 0) === 1);
    expect(readFileSync(sim!.printed()[0]!.bin).equals(bytes)).toBe(true);
  });

  it("statusQuery 'off': a network printer that ignores DLE EOT prints blind, sent the job and nothing else", async () => {
    const received: Buffer[] = [];
    const server = createServer((s) => s.on('data', (d) => received.push(d)));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    cleanups.push(() => new Promise((r) => server.close(r)));
    const port = (server.address() as { port: number }).port;
    const connect = () => openTcp({ host: '127.0.0.1', port });
    const asking = createEscPosPrinter({ connect, statusTimeoutMs: 100 });
    cleanups.push(() => asking.close());
    await expect(asking.print(job())).rejects.toMatchObject({ fault: 'no_answer' });
    await asking.close();
    await until(() => received.length > 0);
    received.splice(0);
    const blind = createEscPosPrinter({ connect, statusTimeoutMs: 100, statusQuery: 'off' });
    cleanups.push(() => blind.close());
    expect(await blind.status()).toBeNull();
    expect(await blind.print(job())).toBeNull();
    await until(() => Buffer.concat(received).length >= job().length);
    expect(Buffer.concat(received).equals(job())).toBe(true);
  });

  it('to a USB printer device file (usblp): one-way, printed blind', async () => {
    const path = join(tempDir(), 'lp0');
    writeFileSync(path, '');
    const printer = createEscPosPrinter({ connect: () => openDeviceFile(path) });
    cleanups.push(() => printer.close());
    expect(await printer.print(job())).toBeNull();
    expect(splitTickets(decodeEscPos(readFileSync(path)), 576)[0]!.qrPayloads).toEqual([sampleTicket.qrUrl]);
  });
});
