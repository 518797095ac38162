import { LED_MAX_ADDRESS, LED_MIN_ADDRESS, createLedBus, encodeLedBrightness, memoryPair, openSerial, simulateLedBoards, type LedBus, type SimulatedLedBoards, type Transport } from '@qms/drivers';
import type { CounterDto, FloorEvent } from '@qms/protocol';
import type { Floor } from '../floor';
import { ledBusId, type LedBusConfig } from './led-config';
import type { DeviceRegistry } from './registry';

export interface LedBindingOptions {
  buses: LedBusConfig[];
  floor: Floor;
  registry: DeviceRegistry;
  reopenMs?: number;
}

/** The number a counter's board shows: the ticket called or being served there, else blank. */
export function ledText(counter: Pick<CounterDto, 'currentTicket'> | null): string {
  const t = counter?.currentTicket;
  return t && (t.status === 'called' || t.status === 'serving') ? t.number : '';
}

/**
 * Binds LED counter boards to the floor: each board shows its counter's current number, flashing for a
 * few seconds on every call and recall. Each board reports its health to the registry.
 */
export async function startLedBoards(opts: LedBindingOptions) {
  const counterIds = new Set(opts.floor.config.counters.map((c) => c.id));
  const stray = opts.buses.flatMap((b) => b.boards).find((b) => !counterIds.has(b.counterId));
  if (stray) throw new Error(`hardware.ledBoards: the board at address ${stray.address} names counter ${stray.counterId}, which is not configured`);
  const sims = new Map<string, SimulatedLedBoards>();
  const stops = opts.buses.map((cfg, i) => {
    const id = ledBusId(cfg, i);
    const open = async (): Promise<Transport> => {
      if (cfg.transport === 'serial') return openSerial({ path: cfg.path!, baudRate: cfg.baudRate });
      const pair = memoryPair(`simulated LED bus ${id}`);
      sims.get(id)?.close();
      // A simulated bus has a board at every address, so an address the admin sets later shows at once.
      const top = cfg.profile.address === 'ascii' ? 99 : LED_MAX_ADDRESS;
      const addresses = Array.from({ length: top - LED_MIN_ADDRESS + 1 }, (_, k) => LED_MIN_ADDRESS + k);
      sims.set(id, simulateLedBoards({ transport: pair.device, addresses, profile: cfg.profile }));
      return pair.host;
    };
    return runBus({ id, cfg, open, floor: opts.floor, registry: opts.registry, reopenMs: opts.reopenMs ?? 5000 });
  });
  return {
    /** Simulated boards by bus id (`sim` buses only). */
    sims,
    async stop() {
      await Promise.all(stops.map((s) => s()));
      for (const s of sims.values()) s.close();
    },
  };
}

const CALL_BLINK_MS = 5000;

interface BusRun {
  id: string;
  cfg: LedBusConfig;
  open: () => Promise<Transport>;
  floor: Floor;
  registry: DeviceRegistry;
  reopenMs: number;
}

/** Keeps one bus open (reopening a lost serial port) and returns its stop function. */
function runBus({ id, cfg, open, floor, registry, reopenMs }: BusRun): () => Promise<void> {
  // The boards of this bus, address → counter id: from the database setup (the admin's counters page), read again on
  // every setup change. The hardware file only seeded it.
  const boardsNow = () => new Map(floor.queries.led.all().filter((b) => b.bus === id && b.address !== null).map((b) => [b.address!, b.counterId]));
  let boards = boardsNow();
  const report = (address: number, ok: boolean, detail: string) => {
    const counterId = boards.get(address);
    registry.report({ id: `${id}/${address}`, kind: 'led', ok, detail: counterId === undefined ? `không gắn quầy/no counter: ${detail}` : `quầy/counter ${counterId}: ${detail}` });
  };
  let stopped = false;
  let bus: LedBus | null = null;
  let transport: Transport | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  // Boards flashing a fresh call: the number and when the flash ends.
  const blinking = new Map<number, { text: string; timer: ReturnType<typeof setTimeout> }>();

  const current = (counterId: number) => {
    const c = floor.queries.counters.get(counterId);
    return ledText(c ? floor.counterView(c) : null);
  };
  const showCounter = (counterId: number, text: string, blink: boolean) => {
    for (const [address, boardCounter] of boards) {
      if (boardCounter !== counterId) continue;
      const flash = blinking.get(address);
      // The counter update that follows a call carries the same number: let the flash run its course.
      if (!blink && flash?.text === text) continue;
      clearTimeout(flash?.timer);
      blinking.delete(address);
      void bus?.show(address, text, blink);
      if (blink) {
        const timer = setTimeout(() => {
          blinking.delete(address);
          void bus?.show(address, current(counterId));
        }, CALL_BLINK_MS);
        blinking.set(address, { text, timer });
      }
    }
  };
  const brighten = (t: Transport, address: number) =>
    cfg.brightness === null ? Promise.resolve() : t.write(encodeLedBrightness(address, cfg.brightness, cfg.profile)).catch(() => undefined);
  /** After a setup change: a board moved away goes blank, a board newly set shows its counter's number. */
  const rebind = () => {
    const next = boardsNow();
    const was = boards;
    boards = next;
    for (const [address, counterId] of was) {
      if (next.get(address) === counterId) continue;
      clearTimeout(blinking.get(address)?.timer);
      blinking.delete(address);
      if (!next.has(address)) void bus?.show(address, '');
    }
    for (const [address, counterId] of next) {
      if (was.get(address) === counterId) continue;
      if (!was.has(address) && transport) void brighten(transport, address);
      void bus?.show(address, current(counterId));
    }
  };
  const listener = (e: FloorEvent) => {
    if (e.type === 'ticket.called') showCounter(e.call.counterId, e.call.ticket.number, true);
    else if (e.type === 'counter.updated') showCounter(e.counter.id, ledText(e.counter), false);
    else if (e.type === 'setup.updated') rebind();
  };

  const connect = async () => {
    if (stopped) return;
    try {
      transport = await open();
    } catch (e) {
      for (const address of boards.keys()) report(address, false, (e as Error).message);
      retry = setTimeout(() => void connect(), reopenMs);
      return;
    }
    const t = transport;
    bus = createLedBus({ transport: t, profile: cfg.profile, onStatus: (s) => report(s.address, s.ok, s.detail) });
    t.onError((err) => {
      if (stopped || transport !== t) return;
      for (const address of boards.keys()) report(address, false, err.message);
      bus?.close();
      bus = null;
      transport = null;
      void t.close();
      retry = setTimeout(() => void connect(), reopenMs);
    });
    for (const address of boards.keys()) await brighten(t, address);
    for (const [address, counterId] of boards) void bus.show(address, current(counterId));
  };

  floor.bus.on('event', listener);
  void connect();
  // A board that missed a frame, or was switched off and on (one-way boards cannot say so), would keep a stale number.
  const refresher = setInterval(() => void bus?.refresh(cfg.profile.ack ? 'failing' : 'all'), cfg.refreshSeconds * 1000);
  refresher.unref?.();
  return async () => {
    stopped = true;
    floor.bus.off('event', listener);
    clearTimeout(retry);
    clearInterval(refresher);
    for (const f of blinking.values()) clearTimeout(f.timer);
    await bus?.idle();
    bus?.close();
    await transport?.close();
  };
}
