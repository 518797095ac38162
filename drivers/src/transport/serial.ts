import { closeSync, constants, openSync, writeSync } from 'node:fs';
import { ReadStream } from 'node:tty';
import { SerialPort } from 'serialport';
import { Listeners, type Transport } from './types';

export interface SerialOptions {
  /** e.g. `/dev/ttyUSB0`; configured by path because `SerialPort.list()` needs udev. */
  path: string;
  baudRate: number;
}

/** How often a write looks again for room in a full output buffer (115200 baud moves ~60 bytes in that time). */
const ROOM_RETRY_MS = 5;
const noRoomYet = new Set(['EAGAIN', 'EWOULDBLOCK', 'EINTR']);

/**
 * Writes all of `buf` to the port's non-blocking descriptor, looking again for room on a timer. serialport's own write
 * waits for room through its poller, which loses that wait when its read loop asks to wait for data at the same
 * moment (@serialport/bindings-cpp 13.0: `Poller::poll` restarts the poll with the newest event only): the job then
 * stalls until the device happens to send a byte, and a printer sends none while it takes a job.
 */
async function writeAll(port: SerialPort, fd: number, buf: Buffer) {
  let offset = 0;
  while (offset < buf.length) {
    if (!port.isOpen) throw new Error(`Serial port ${port.path} closed during a write`);
    try {
      offset += writeSync(fd, buf, offset);
    } catch (e) {
      if (!noRoomYet.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
      await new Promise((resolve) => setTimeout(resolve, ROOM_RETRY_MS));
    }
  }
}

/**
 * A descriptor of our own to read the port on Unix, through libuv's event loop like a socket. serialport's read loop
 * costs a thread-pool read and an `EAGAIN` error for every chunk the device sends (a keypad's answer to each poll); this
 * way a chunk is one wake-up. Opened before serialport's, whose exclusive lock (TIOCEXCL) would refuse it.
 */
function openReader(path: string): ReadStream {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NOCTTY | constants.O_NONBLOCK);
  try {
    return new ReadStream(fd);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/** A serial port (RS-232, RS-485 adapter, USB-serial); opens before resolving. */
export async function openSerial({ path, baudRate }: SerialOptions): Promise<Transport> {
  const data = new Listeners<Buffer>();
  const errors = new Listeners<Error>();
  const cannotOpen = (e: unknown) => new Error(`Cannot open serial port ${path}: ${(e as Error).message}`);
  let reader: ReadStream | null = null;
  try {
    if (process.platform !== 'win32') reader = openReader(path);
  } catch (e) {
    throw cannotOpen(e);
  }
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? (reader?.destroy(), reject(cannotOpen(e))) : resolve())));
  port.on('error', (e: Error) => errors.emit(e));
  port.on('close', () => errors.emit(new Error(`Serial port ${path} closed`)));
  if (reader) {
    reader.on('data', (chunk: Buffer) => data.emit(chunk));
    reader.on('error', (e: Error) => errors.emit(new Error(`Serial port ${path}: ${e.message}`)));
    reader.on('end', () => errors.emit(new Error(`Serial port ${path} closed`)));
  } else port.on('data', (chunk: Buffer) => data.emit(chunk)); // Windows: serialport reads
  // Unix bindings expose the descriptor; elsewhere (Windows) serialport writes as before.
  const fd = (port.port as { fd?: number | null } | undefined)?.fd;
  const handOver = (buf: Buffer) =>
    typeof fd === 'number' ? writeAll(port, fd, buf) : new Promise<void>((resolve, reject) => port.write(buf, (e) => (e ? reject(e) : resolve())));
  // One write at a time, so two jobs' bytes never interleave.
  let writing: Promise<unknown> = Promise.resolve();
  return {
    description: `serial ${path} @ ${baudRate}`,
    twoWay: true,
    write: (buf) => {
      const done = writing.then(async () => {
        await handOver(buf);
        await new Promise<void>((resolve, reject) => port.drain((d) => (d ? reject(d) : resolve())));
      });
      writing = done.catch(() => undefined);
      return done;
    },
    onData: (l) => data.add(l),
    onError: (l) => errors.add(l),
    close: () => {
      reader?.destroy();
      return new Promise((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve()));
    },
  };
}
