import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import {
  createEscPosPrinter,
  createTicketRasterCache,
  faultOf,
  faultText,
  openDeviceFile,
  openSerial,
  openTcp,
  PrintError,
  simulatedPrinterLink,
  ticketBytes,
  type EscPosPrinter,
  type PrinterStatus,
  type SimPrinter,
  type TicketRasterCache,
  type Transport,
} from '@qms/drivers';
import type { FloorEvent } from '@qms/protocol';
import type { Floor } from '../floor';
import { waitingAhead, type Ticket } from '../queue';
import type { DeviceRegistry } from './registry';
import type { Logger } from '../log';
import type { PrinterConfig } from './printer-config';
import { ticketContent } from './printer-ticket';

/** Who asked for the ticket: a kiosk device, or an officer at a counter. */
export interface PrintOrigin {
  kioskId?: string | null;
  counterId?: number | null;
}

export interface PrintOutcome {
  printed: boolean;
  printerId: string | null;
  /** `paper_out`, `cover_open`, `offline`, `no_answer`, `link_down`, `no_printer`…; null when printed. */
  reason: string | null;
}

export interface TicketPrintingOptions {
  floor: Floor;
  registry: DeviceRegistry;
  printers: PrinterConfig[];
  dataDir: string;
  /** Base of the QR link, e.g. `http://192.168.1.10:8080`; read at print time (the port is known only after listen). */
  publicUrl: () => string;
  log?: Logger;
}

interface Unit {
  config: PrinterConfig;
  driver: EscPosPrinter;
  sim: SimPrinter | null;
  where: string;
  timer: ReturnType<typeof setInterval> | null;
  /** The ticket's repeating lines, drawn once (keyed by their words and format: a changed setting is a new entry). */
  rasters: TicketRasterCache;
}

/**
 * What health shows for a printer: a fault, or its state as read. A printer that is not asked (usblp, or
 * `statusQuery: 'off'`) is not called ready: its paper and cover are unknown, though nothing is known wrong.
 */
export function printerHealth(config: Pick<PrinterConfig, 'statusQuery'>, status: PrinterStatus | null, failure: string | null, where: string) {
  const fault = failure ?? (status ? faultOf(status) : null);
  const blind = config.statusQuery === 'off' ? 'status_unknown' : 'one_way';
  const code = fault ?? (status === null ? blind : status.paperNearEnd ? 'paper_near_end' : 'ready');
  const why = { one_way: 'USB một chiều: không đọc được giấy, nắp', status_unknown: 'không hỏi máy in: statusQuery off' };
  const word = code === 'one_way' || code === 'status_unknown' ? `${faultText.status_unknown} (${why[code]})` : (faultText[code as keyof typeof faultText] ?? code);
  return { ok: fault === null, code, detail: `${word} — ${where}` };
}

/** Folder the simulated printers write into. */
export const simPrinterDir = (dataDir: string) => join(dataDir, 'printer');

/**
 * Binds the printers to issued tickets: it listens to `ticket.issued` on the floor bus and prints the tickets whose
 * issue asked for paper. A ticket is printed at most once by itself (a repeated request is ignored while `printed`
 * is set); a reprint is asked for explicitly. Every outcome is stored on the
 * ticket (`printed` 1/0), logged (`ticket.printed` / `ticket.print_failed`), published as `ticket.updated`
 * with change `printed`, and the printer's state goes to the device registry.
 */
export function createTicketPrinting(opts: TicketPrintingOptions) {
  const { floor, registry } = opts;
  const inFlight = new Map<string, Promise<unknown>>();
  let stopped = false;
  const units: Unit[] = opts.printers.map((config) => {
    let sim: SimPrinter | null = null;
    let connect: () => Promise<Transport>;
    let where: string;
    switch (config.transport) {
      case 'sim': {
        const link = simulatedPrinterLink({ dir: simPrinterDir(opts.dataDir), name: config.id, paperWidth: config.paperWidth });
        sim = link.printer;
        connect = async () => link.host;
        where = `mô phỏng, ghi vào ${simPrinterDir(opts.dataDir)}`;
        break;
      }
      case 'serial':
        connect = () => openSerial({ path: config.path!, baudRate: config.baudRate });
        where = `${config.path} @ ${config.baudRate}`;
        break;
      case 'tcp':
        connect = () => openTcp({ host: config.host!, port: config.port });
        where = `${config.host}:${config.port}`;
        break;
      case 'usb':
        connect = () => openDeviceFile(config.path!);
        where = config.path!;
        break;
    }
    return { config, driver: createEscPosPrinter({ connect, statusQuery: config.statusQuery }), sim, where, timer: null, rasters: createTicketRasterCache() };
  });

  const report = (u: Unit, status: PrinterStatus | null, failure: string | null = null) => {
    if (!stopped) registry.report({ id: u.config.id, kind: 'printer', ...printerHealth(u.config, status, failure, u.where) });
  };

  async function checkHealth(u: Unit) {
    if (stopped) return;
    try {
      report(u, await u.driver.status());
    } catch (e) {
      report(u, null, e instanceof PrintError ? e.fault : 'link_down');
    }
  }

  function pick(origin: PrintOrigin): Unit | null {
    if (origin.kioskId !== undefined && origin.kioskId !== null) {
      return units.find((u) => u.config.kioskId === origin.kioskId) ?? units.find((u) => u.config.kioskId === null) ?? null;
    }
    const counterId = origin.counterId ?? null;
    return (counterId !== null ? units.find((u) => u.config.counterIds.includes(counterId)) : undefined) ?? units[0] ?? null;
  }

  // The key proves the phone holds this ticket (the id alone is public on the LAN); base64url, so no escaping.
  const ticketUrl = (id: string) => `${opts.publicUrl().replace(/\/+$/, '')}/t/${encodeURIComponent(id)}?k=${floor.ratings.keyOf(id)}`;

  /** Stores the outcome; settles once it is committed. Once stopped, the store may be closed already. */
  async function record(ticketId: string, outcome: PrintOutcome) {
    if (stopped) return;
    await floor.recordPrint(ticketId, outcome).catch((e: unknown) => stopped || opts.log?.error({ err: e, ticketId }, 'storing a print outcome failed'));
  }

  async function print(ticketId: string, origin: PrintOrigin): Promise<PrintOutcome> {
    const t = floor.queries.tickets.get(ticketId);
    return t ? printTicket(t, origin, null) : { printed: false, printerId: null, reason: 'unknown_ticket' };
  }

  /**
   * `aheadAtIssue`: the people ahead of a new walk-in ticket as its issue counted them (what the kiosk's screen shows);
   * otherwise they are counted from the field's waiting list.
   */
  async function printTicket(t: Ticket, origin: PrintOrigin, aheadAtIssue: number | null): Promise<PrintOutcome> {
    const ticketId = t.id;
    const unit = pick(origin);
    if (!unit) return { printed: false, printerId: null, reason: 'no_printer' };
    const service = floor.services.find((s) => s.id === t.serviceId);
    const counterNumbers = floor.queries.counters
      .all()
      .filter((c) => c.serviceIds.includes(t.serviceId) || (t.priority !== null && c.priority))
      .map((c) => c.number)
      .sort((a, b) => a - b);
    const walkIn = t.priority === null && t.appointmentAt == null;
    const content = ticketContent(floor.config, unit.config.layout, {
      ticket: t,
      serviceName: service?.name ?? t.serviceId,
      counterNumbers,
      ahead: t.status !== 'waiting' ? null : walkIn && aheadAtIssue !== null ? aheadAtIssue : waitingAhead(t, floor.queries.tickets.waitingIn(t.serviceDay, t.serviceId)),
      url: ticketUrl(t.id),
    });
    const format = {
      paperWidth: unit.config.paperWidth,
      centering: unit.config.centering,
      cut: unit.config.cut,
      bandRows: unit.config.bandRows,
      ...(unit.config.layout.numberSize ? { numberSize: unit.config.layout.numberSize } : {}),
    };
    const bytes = ticketBytes(content, format, unit.rasters);
    let outcome: PrintOutcome;
    try {
      const status = await unit.driver.print(bytes);
      report(unit, status);
      outcome = { printed: true, printerId: unit.config.id, reason: null };
    } catch (e) {
      const reason = e instanceof PrintError ? e.fault : 'link_down';
      report(unit, null, reason);
      outcome = { printed: false, printerId: unit.config.id, reason };
    }
    await record(ticketId, outcome);
    return outcome;
  }

  /**
   * Prints an issued ticket once: ignored (null) when it is being printed or has been tried already. Never throws.
   * `aheadAtIssue`: see `printTicket`.
   */
  async function printIssued(ticketId: string, origin: PrintOrigin, aheadAtIssue: number | null = null): Promise<PrintOutcome | null> {
    if (stopped) return null;
    const t = floor.queries.tickets.get(ticketId);
    if (!t || t.printed !== null || inFlight.has(ticketId) || !pick(origin)) return null;
    const job = printTicket(t, origin, aheadAtIssue).catch((e: unknown) => {
      opts.log?.error({ err: e, ticket: t.number }, 'printing a ticket failed unexpectedly');
      return { printed: false, printerId: null, reason: 'internal_error' } satisfies PrintOutcome;
    });
    inFlight.set(ticketId, job);
    try {
      return await job;
    } finally {
      inFlight.delete(ticketId);
    }
  }

  // A crash while printing left tickets without an outcome: they are marked not printed, for staff to reprint.
  floor.markInterruptedPrints();

  // The issue command says in its event row whether, and for whom, the ticket is to be printed.
  const onIssued = (e: FloorEvent) => {
    if (e.type !== 'ticket.issued' || stopped) return;
    const request = floor.printRequestOf(e.ticket.id);
    // The ticket is drawn and sent after the reply has gone out. Everyone waiting in the field when it was issued is
    // ahead of a new walk-in ticket (floor/issue.ts): the event's count saves reading the field's waiting list again.
    if (request) setImmediate(() => void printIssued(e.ticket.id, { kioskId: request.kioskId, counterId: request.counterId }, e.waitingInService - 1));
  };
  floor.bus.on('event', onIssued);

  for (const u of units) {
    void checkHealth(u);
    u.timer = setInterval(() => void checkHealth(u), u.config.statusIntervalSeconds * 1000);
    u.timer.unref();
  }

  return {
    /** The ticket's public link, printed as its QR: `<publicUrl>/t/<id>?k=<rating key>`. */
    ticketUrl,
    /** The printer that would print for this origin, or null when none is configured. */
    printerFor: (origin: PrintOrigin) => pick(origin)?.config.id ?? null,
    /** Prints an issued ticket once (the bus listener calls it; tests may too). */
    printIssued,
    /** Prints a ticket again on request (staff), whatever happened before. */
    reprint: (ticketId: string, origin: PrintOrigin) => print(ticketId, origin),
    /** Simulated printers by id, for tests and the demo. */
    simulators: () => new Map(units.flatMap((u) => (u.sim ? [[u.config.id, u.sim] as const] : []))),
    async stop() {
      stopped = true;
      floor.bus.off('event', onIssued);
      for (const u of units) if (u.timer) clearInterval(u.timer);
      await Promise.all(inFlight.values());
      await Promise.all(units.map((u) => u.driver.close().catch(() => undefined)));
    },
  };
}
export type TicketPrinting = ReturnType<typeof createTicketPrinting>;

/** The address phones reach this server at: `config.publicUrl`, else the first LAN IPv4 address (or the bound host). */
export function defaultPublicUrl(opts: { publicUrl: string | null; host: string | undefined; port: number }): string {
  if (opts.publicUrl) return opts.publicUrl;
  const bound = opts.host && opts.host !== '0.0.0.0' && opts.host !== '::' ? opts.host : null;
  const lan = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
  return `http://${bound ?? lan ?? 'localhost'}:${opts.port}`;
}
