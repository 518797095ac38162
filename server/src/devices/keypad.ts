import { createKeypadBus, memoryPair, openSerial, simulateKeypads, type KeypadBus, type KeypadKey, type SimulatedKeypads, type Transport } from '@qms/drivers';
import type { CounterDto, FloorEvent } from '@qms/protocol';
import type { Actor, CounterCommand, Floor } from '../floor';
import { QueueError } from '../queue';
import { keypadDeviceId, type KeypadBusConfig } from './keypad-config';
import type { DeviceRegistry } from './registry';
import type { Logger } from '../log';

export interface KeypadBindingOptions {
  buses: KeypadBusConfig[];
  floor: Floor;
  registry: DeviceRegistry;
  log: Logger;
  /** How long an answer such as "nobody waiting" stays on the keypad before the number comes back. */
  flashMs?: number;
  reopenMs?: number;
}

/** What a keypad shows besides the number; see docs/hardware/keypad.md. */
export const keypadSigns = { nobodyWaiting: '----', notSignedIn: 'E1', notPossible: 'E2', paused: 'PAUSE' } as const;

/** The desk console action each key other than "next" stands for. */
const consoleActions = {
  recall: 'recall',
  noShow: 'no-show',
  finish: 'finish',
  start: 'start',
} as const satisfies Record<Exclude<KeypadKey, 'next'>, CounterCommand['action']>;

/**
 * Binds caller keypads to the floor: a key acts exactly like the desk console's button, for the officer
 * signed in at the keypad's counter; the keypad shows the counter's current number.
 */
export async function startKeypads(opts: KeypadBindingOptions) {
  const { floor, registry } = opts;
  const flashMs = opts.flashMs ?? 3000;
  const sims = new Map<string, SimulatedKeypads>();
  const stops: (() => Promise<void>)[] = [];
  const counterIds = new Set(floor.config.counters.map((c) => c.id));
  const stray = opts.buses.flatMap((b) => b.pads).find((p) => !counterIds.has(p.counterId));
  if (stray) throw new Error(`hardware.keypads: the keypad at address ${stray.address} names counter ${stray.counterId}, which is not configured`);
  for (const [i, cfg] of opts.buses.entries()) {
    const id = cfg.id ?? `keypads-${i + 1}`;
    const deviceId = (address: number) => keypadDeviceId(cfg, i, address);
    const open = async (): Promise<Transport> => {
      if (cfg.transport === 'serial') return openSerial({ path: cfg.path!, baudRate: cfg.baudRate });
      const pair = memoryPair(`simulated keypad bus ${id}`);
      sims.get(id)?.close();
      sims.set(id, simulateKeypads({ transport: pair.device, addresses: cfg.pads.map((p) => p.address) }));
      return pair.host;
    };
    stops.push(runBus({ deviceId, cfg, open, floor, registry, flashMs, reopenMs: opts.reopenMs ?? 5000, log: opts.log }));
  }
  return {
    /** Simulated keypads by bus id (`sim` buses only): press keys, read displays. */
    sims,
    async stop() {
      await Promise.all(stops.map((s) => s()));
      for (const sim of sims.values()) sim.close();
    },
  };
}

interface BusRun {
  deviceId: (address: number) => string;
  cfg: KeypadBusConfig;
  open: () => Promise<Transport>;
  floor: Floor;
  registry: DeviceRegistry;
  flashMs: number;
  reopenMs: number;
  log: Logger;
}

/** Keeps one bus open (reopening a lost serial port), and returns its stop function. */
function runBus(run: BusRun): () => Promise<void> {
  const { cfg, floor, registry } = run;
  const { deviceId } = run;
  const report = (address: number, ok: boolean, detail: string) => {
    const pad = cfg.pads.find((p) => p.address === address)!;
    registry.report({ id: deviceId(address), kind: 'keypad', ok, detail: `quầy/counter ${pad.counterId}: ${detail}` });
  };
  let stopped = false;
  let bus: KeypadBus | null = null;
  let transport: Transport | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const flashes = new Map<number, ReturnType<typeof setTimeout>>();

  const restingText = (c: CounterDto | null) => (!c ? '' : c.currentTicket ? c.currentTicket.number : c.status === 'paused' ? keypadSigns.paused : '');
  const showCounter = (address: number, counterId: number) => {
    if (flashes.has(address)) return;
    const state = floor.queries.counters.get(counterId);
    bus?.show(address, restingText(state ? floor.counterView(state) : null));
  };
  const flash = (address: number, counterId: number, text: string) => {
    clearTimeout(flashes.get(address));
    bus?.show(address, text, true);
    flashes.set(
      address,
      setTimeout(() => {
        flashes.delete(address);
        showCounter(address, counterId);
      }, run.flashMs),
    );
  };

  const press = (address: number, key: KeypadKey) => {
    const pad = cfg.pads.find((p) => p.address === address);
    if (!pad) return;
    const counter = floor.queries.counters.get(pad.counterId);
    const user = counter?.staffId != null ? floor.queries.users.byId(counter.staffId) : null;
    if (!counter || !user) return flash(address, pad.counterId, keypadSigns.notSignedIn);
    const actor: Actor = { userId: user.id, role: user.role };
    try {
      if (key === 'next') {
        if (floor.callNext(counter.id, actor) === null) flash(address, pad.counterId, keypadSigns.nobodyWaiting);
      } else {
        floor.command(counter.id, actor, { action: consoleActions[key] });
      }
    } catch (e) {
      // A key press must never take the server down; the officer sees E2 and the console still works.
      if (!(e instanceof QueueError)) run.log.error({ err: e, device: deviceId(address), key }, 'keypad press failed');
      flash(address, pad.counterId, keypadSigns.notPossible);
    }
  };

  const listener = (e: FloorEvent) => {
    if (e.type !== 'counter.updated') return;
    for (const p of cfg.pads) {
      if (p.counterId !== e.counter.id) continue;
      // A change at the counter (from this keypad or the console) ends any sign being flashed.
      clearTimeout(flashes.get(p.address));
      flashes.delete(p.address);
      bus?.show(p.address, restingText(e.counter));
    }
  };
  floor.bus.on('event', listener);

  const connect = async () => {
    retry = undefined;
    try {
      transport = await run.open();
    } catch (e) {
      for (const p of cfg.pads) report(p.address, false, (e as Error).message);
      if (!stopped) retry = setTimeout(() => void connect(), run.reopenMs);
      return;
    }
    if (stopped) return void (await transport.close());
    const b = createKeypadBus({ transport, addresses: cfg.pads.map((p) => p.address), pollIntervalMs: cfg.pollIntervalMs, replyTimeoutMs: cfg.replyTimeoutMs });
    bus = b;
    b.onKey(({ address, key }) => press(address, key));
    b.onStatus((s) => report(s.address, s.online, s.online ? `connected (${transport?.description})` : s.detail));
    for (const p of cfg.pads) {
      report(p.address, false, `waiting for the first answer on ${transport.description}`);
      showCounter(p.address, p.counterId);
    }
    transport.onError((err) => {
      if (stopped || bus !== b) return;
      bus = null;
      for (const p of cfg.pads) report(p.address, false, err.message);
      void b.close().then(() => transport?.close()).catch(() => undefined);
      retry = setTimeout(() => void connect(), run.reopenMs);
    });
  };
  const started = connect();

  return async () => {
    stopped = true;
    await started;
    clearTimeout(retry);
    for (const t of flashes.values()) clearTimeout(t);
    floor.bus.off('event', listener);
    await bus?.close();
    await transport?.close();
  };
}
