import { existsSync, mkdirSync, readFileSync, writeFile, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bitmapToPng } from '../escpos/png';
import { decodeStream, EscPosDecodeError, renderPage, type EscPosCommand } from '../escpos/decoder';
import { healthyStatus, statusByte, type PrinterStatus } from '../escpos/status';
import { paperDots, type PaperWidth } from '../escpos/ticket';
import { memoryPair, type Transport } from '../transport';

export interface SimPrinterOptions {
  /** Folder for the printed tickets: `<name>-<n>.bin` (the raw bytes) and `<name>-<n>.png` (what the paper shows, see `previews`). */
  dir: string;
  /** Used in file names, e.g. `printer-1`. */
  name: string;
  paperWidth: PaperWidth;
  /** The device end of a link; a memory pair's `device` by default (see `simulatedPrinterLink`). */
  device: Transport;
  /** How many of the latest tickets `printed()` keeps in memory (decoded with their bitmaps); the files stay on disk. */
  keep?: number;
  /**
   * When the `.png` picture of the paper is made: `on-demand` (the default) when `preview(file)` asks for it, as
   * drawing and compressing it costs more CPU than the ticket's own bytes; `each` beside every `.bin`.
   */
  previews?: 'each' | 'on-demand';
}

export interface PrintedFile {
  bin: string;
  /** Where the picture of the paper is (with `previews: 'each'`) or goes (`preview(file)`). */
  png: string;
  commands: EscPosCommand[];
}

/**
 * A thermal printer that prints to files. It behaves like the real thing where a driver can tell:
 * it answers DLE EOT 1–4 at once, even mid-job; while out of paper, open or offline it drops what it is
 * sent (a real one does not print it either), including the ticket it was half-way through; and bytes it
 * does not understand stop it with an error.
 *
 * Faults can be set from code (`setStatus`) or, on a running demo, by putting a file `<name>.fault` in
 * the folder holding `paper_out`, `paper_near_end`, `cover_open` or `offline`.
 */
export function createSimPrinter(opts: SimPrinterOptions) {
  mkdirSync(opts.dir, { recursive: true });
  let status: PrinterStatus = healthyStatus;
  let pending = Buffer.alloc(0);
  let job: EscPosCommand[] = [];
  let jobBytes: Buffer[] = [];
  let count = 0;
  let started = 0; // tickets cut, their file written or not yet: numbers the files
  const keep = opts.keep ?? 20;
  const printed: PrintedFile[] = [];
  const errors: Error[] = [];
  const listeners = new Set<(f: PrintedFile) => void>();
  const faultFile = join(opts.dir, `${opts.name}.fault`);

  // What the fault file says, read as a printer reads its sensors: when asked for its state (DLE EOT 1, which a status
  // query starts with) and when a ticket starts, not again for every byte it answers or takes.
  let fileWord = '';
  const sense = () => void (fileWord = existsSync(faultFile) ? readFileSync(faultFile, 'utf8').trim() : '');
  sense();
  const current = (): PrinterStatus => ({
    ...status,
    paperOut: status.paperOut || fileWord === 'paper_out',
    paperNearEnd: status.paperNearEnd || fileWord === 'paper_near_end',
    coverOpen: status.coverOpen || fileWord === 'cover_open',
    online: status.online && fileWord !== 'offline',
  });
  const canPrint = () => {
    const s = current();
    return s.online && !s.paperOut && !s.coverOpen && !s.cutterError && !s.unrecoverable;
  };

  // The paper goes to disk off the main thread, one ticket after the other: a real printer's work costs its host nothing,
  // and creating a file is the dearest step of the simulator. A ticket counts as printed once its file is written.
  let written = Promise.resolve();
  function finishJob() {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    const base = join(opts.dir, `${stamp}-${opts.name}-${String(++started).padStart(4, '0')}`);
    const bytes = Buffer.concat(jobBytes);
    const file = { bin: `${base}.bin`, png: `${base}.png`, commands: job };
    job = [];
    jobBytes = [];
    written = written.then(async () => {
      try {
        await write(file.bin, bytes).catch((e: NodeJS.ErrnoException) => {
          if (e.code !== 'ENOENT') throw e;
          mkdirSync(opts.dir, { recursive: true }); // the folder was removed while running: made again, as at start
          return write(file.bin, bytes);
        });
        if (opts.previews === 'each') await write(file.png, paperPng(file.commands, opts.paperWidth));
      } catch (e) {
        // The data folder went away (a test cleaning up, a full disk): the paper is lost, the simulator goes on.
        errors.push(e as Error);
      }
      count += 1;
      printed.push(file);
      if (printed.length > keep) printed.splice(0, printed.length - keep);
      for (const l of listeners) l(file);
    });
  }

  opts.device.onData((chunk) => {
    pending = Buffer.concat([pending, chunk]);
    let decoded: ReturnType<typeof decodeStream>;
    try {
      decoded = decodeStream(pending);
    } catch (e) {
      // A real printer would print garbage; the simulator keeps the error for tests and drops the bytes.
      errors.push(e instanceof EscPosDecodeError ? e : new Error(String(e)));
      pending = Buffer.alloc(0);
      return;
    }
    // Whether it can print is read once per chunk and ticket, not for every command.
    let printable: boolean | null = null;
    decoded.commands.forEach((c, i) => {
      if (c.op === 'statusRequest') {
        if (c.n === 1) sense();
        void opts.device.write(Buffer.from([statusByte(c.n, current())]));
        return;
      }
      if (job.length === 0 && printable === null) sense();
      if (!(printable ??= canPrint())) {
        // The part already printed stays on the old paper; the next ticket starts clean.
        job = [];
        jobBytes = [];
        return;
      }
      job.push(c);
      // `pending` is a buffer of its own (concatenated above) that is never written again: no copy needed.
      jobBytes.push(pending.subarray(c.at, decoded.commands[i + 1]?.at ?? decoded.consumed));
      if (c.op === 'cut') {
        finishJob();
        printable = null; // a fault may have been set for the next ticket
      }
    });
    pending = pending.subarray(decoded.consumed);
  });

  return {
    name: opts.name,
    dir: opts.dir,
    setStatus: (s: Partial<PrinterStatus>) => void (status = { ...status, ...s }),
    status: () => (sense(), current()),
    /** The latest tickets, oldest first (at most `keep`). */
    printed: () => [...printed],
    /** Tickets printed since start, including those no longer kept in memory. */
    count: () => count,
    /** Writes the picture of the paper of a printed ticket (once) and returns its path. */
    preview(file: PrintedFile): string {
      if (!existsSync(file.png)) writeFileSync(file.png, paperPng(file.commands, opts.paperWidth));
      return file.png;
    },
    /** Bytes it could not understand; a correct driver leaves this empty. */
    errors: () => [...errors],
    onPrinted: (l: (f: PrintedFile) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}
export type SimPrinter = ReturnType<typeof createSimPrinter>;

// The callback form: lighter on the main thread than the promise API's file handles.
const write = (path: string, data: Buffer) => new Promise<void>((resolve, reject) => writeFile(path, data, (e) => (e ? reject(e) : resolve())));

/** What the paper of one ticket shows, as a PNG. */
export const paperPng = (commands: EscPosCommand[], paperWidth: PaperWidth) => bitmapToPng(renderPage(commands, paperDots[paperWidth]).bitmap);

/** A simulated printer and the host end of the link to it, as a driver would open a real port. */
export function simulatedPrinterLink(opts: Omit<SimPrinterOptions, 'device'>): { printer: SimPrinter; host: Transport } {
  const pair = memoryPair(`simulated printer ${opts.name}`);
  return { printer: createSimPrinter({ ...opts, device: pair.device }), host: pair.host };
}
