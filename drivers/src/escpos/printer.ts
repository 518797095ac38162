import type { Transport } from '../transport';
import { statusRequest, type StatusKind } from './commands';
import { applyStatusByte, faultOf, healthyStatus, isStatusByte, type PrinterFault, type PrinterStatus } from './status';

/** A print that did not happen, with the reason in one word (`paper_out`, `link_down`…). */
export class PrintError extends Error {
  constructor(
    readonly fault: PrinterFault,
    detail?: string,
  ) {
    super(detail ? `${fault}: ${detail}` : fault);
    this.name = 'PrintError';
  }
}

export interface EscPosPrinterOptions {
  /** Opens the link; called again after it failed. */
  connect: () => Promise<Transport>;
  /** How long to wait for a DLE EOT answer before calling the printer silent. */
  statusTimeoutMs?: number;
  /** Longest a job may take to hand over its bytes (a stalled serial line, a hung socket). */
  writeTimeoutMs?: number;
  /**
   * `auto` asks DLE EOT on links that can answer; `off` never asks, for a printer wired send-only or one
   * that ignores DLE EOT: it then prints blind like a one-way link and its state is unknown.
   */
  statusQuery?: 'auto' | 'off';
}

const statusKinds: StatusKind[] = [1, 2, 3, 4];
// Asked in one write: a printer answers real-time requests in the order it receives them, so one write and one read do
// what four round trips did (over serial, each a write, a drain and a read through libuv's thread pool).
const allFourRequests = Buffer.concat(statusKinds.map(statusRequest));

/** Extra wait for the status answer after a job, while the printer still takes in the job's last bytes. */
const AFTER_JOB_GRACE_MS = 2000;

/**
 * An ESC/POS printer on any transport. Jobs go one at a time. On a two-way link it asks DLE EOT 1, 2, 3, 4
 * before each job and refuses to send into a printer that is out of paper, open or offline, so the
 * ticket is known to be unprinted rather than lost in a buffer; it asks again after the job, and a printer
 * that stopped meanwhile fails the job. One-way links (usblp) print blind.
 */
export function createEscPosPrinter(opts: EscPosPrinterOptions) {
  const statusTimeoutMs = opts.statusTimeoutMs ?? 800;
  const asks = (t: Transport) => t.twoWay && opts.statusQuery !== 'off';
  let link: Transport | null = null;
  let opening: Promise<Transport> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let inbox: number[] = [];
  let waiter: (() => void) | null = null;

  async function open(): Promise<Transport> {
    if (link) return link;
    opening ??= opts.connect().then(
      (t) => {
        link = t;
        opening = null;
        if (asks(t))
          t.onData((chunk) => {
            inbox.push(...chunk);
            waiter?.();
          });
        t.onError(() => {
          if (link === t) link = null;
          void t.close().catch(() => undefined);
        });
        return t;
      },
      (e: unknown) => {
        opening = null;
        throw e;
      },
    );
    return opening;
  }

  async function readByte(timeoutMs: number): Promise<number | null> {
    const deadline = Date.now() + timeoutMs;
    while (inbox.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) return null;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      waiter = null;
    }
    return inbox.shift()!;
  }

  async function queryStatus(t: Transport, timeoutMs = statusTimeoutMs): Promise<PrinterStatus> {
    let status = healthyStatus;
    inbox = []; // stale answers from an earlier, timed-out query
    await t.write(allFourRequests);
    for (const n of statusKinds) {
      let b = await readByte(timeoutMs);
      // Some printers send unsolicited bytes (ASB); skip anything that is not a status answer.
      while (b !== null && !isStatusByte(b)) b = await readByte(timeoutMs);
      if (b === null) throw new PrintError('no_answer', `no answer to DLE EOT ${n} within ${timeoutMs} ms`);
      status = applyStatusByte(status, n, b);
    }
    return status;
  }

  const withTimeout = <T>(p: Promise<T>, ms: number, what: string) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new PrintError('link_down', `${what} took longer than ${ms} ms`)), ms);
      p.then(
        (v) => (clearTimeout(timer), resolve(v)),
        (e: unknown) => (clearTimeout(timer), reject(e as Error)),
      );
    });

  function serial<T>(job: () => Promise<T>): Promise<T> {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  }

  async function connected(): Promise<Transport> {
    try {
      return await open();
    } catch (e) {
      throw new PrintError('link_down', (e as Error).message);
    }
  }

  return {
    /** The printer's state now; null on a one-way link, which cannot tell, or with `statusQuery: 'off'`. Throws `PrintError` when it cannot be reached. */
    status: (): Promise<PrinterStatus | null> =>
      serial(async () => {
        const t = await connected();
        return asks(t) ? queryStatus(t) : null;
      }),

    /**
     * Sends one job; resolves with the status read after it (null when not asked), throws `PrintError` when it
     * was not printed: the printer could not print before it, or reports after it that it stopped (paper ran out,
     * cover opened) or stays silent.
     */
    print: (job: Buffer): Promise<PrinterStatus | null> =>
      serial(async () => {
        const t = await connected();
        const status = asks(t) ? await queryStatus(t) : null;
        const fault = status && faultOf(status);
        if (fault) throw new PrintError(fault);
        // At 115200 baud a job moves about 11 KB/s; allow for that plus slack before calling the line stuck.
        const writeTimeout = opts.writeTimeoutMs ?? 5000 + Math.ceil(job.length / 5);
        try {
          await withTimeout(t.write(job), writeTimeout, 'sending the ticket');
        } catch (e) {
          if (link === t) link = null;
          void t.close().catch(() => undefined);
          throw e instanceof PrintError ? e : new PrintError('link_down', (e as Error).message);
        }
        if (!status) return null;
        // Bytes handed to the OS are not paper. The answer may queue behind the job's tail in the printer's buffer.
        const after = await queryStatus(t, statusTimeoutMs + AFTER_JOB_GRACE_MS);
        const stopped = faultOf(after);
        if (stopped) throw new PrintError(stopped, 'stopped during the ticket');
        return after;
      }),

    async close() {
      await queue.catch(() => undefined);
      const t = link;
      link = null;
      await t?.close();
    },
  };
}
export type EscPosPrinter = ReturnType<typeof createEscPosPrinter>;
