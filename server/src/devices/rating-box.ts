import { createRatingBoxDriver, memoryPair, openSerial, simulateRatingBox, type BoxMode, type RatingBoxDriver, type SimulatedRatingBox, type Transport } from '@qms/drivers';
import type { FloorEvent } from '@qms/protocol';
import { scaleLevels } from '../config/rating';
import type { Floor } from '../floor';
import { QueueError } from '../queue';
import type { RatingBoxConfig } from './rating-box-config';
import type { DeviceRegistry } from './registry';

export interface RatingBoxBindingOptions {
  boxes: RatingBoxConfig[];
  floor: Floor;
  registry: DeviceRegistry;
  reopenMs?: number;
}

/**
 * Binds rating button boxes to the floor: a press rates the ticket the box's counter just finished, through the
 * same rules as the tablet (`floor.rate` with channel `box`); the box lights up while a rating is possible.
 */
export async function startRatingBoxes(opts: RatingBoxBindingOptions) {
  const sims = new Map<string, SimulatedRatingBox>();
  const stops = opts.boxes.map((cfg) =>
    runBox({
      cfg,
      floor: opts.floor,
      registry: opts.registry,
      reopenMs: opts.reopenMs ?? 5000,
      open: async (): Promise<Transport> => {
        if (cfg.transport === 'serial') return openSerial({ path: cfg.path!, baudRate: cfg.baudRate });
        const pair = memoryPair(`simulated rating box ${cfg.id}`);
        sims.set(cfg.id, simulateRatingBox({ transport: pair.device, buttons: cfg.buttons }));
        return pair.host;
      },
    }),
  );
  return {
    /** Simulated boxes by id (`sim` transport only): press buttons, read the lights. */
    sims,
    async stop() {
      await Promise.all(stops.map((s) => s()));
      await Promise.all([...sims.values()].map((s) => s.stop()));
    },
  };
}

interface BoxRun {
  cfg: RatingBoxConfig;
  floor: Floor;
  registry: DeviceRegistry;
  reopenMs: number;
  open: () => Promise<Transport>;
}

/** Keeps one box open (reopening a lost serial port) and returns its stop function. */
function runBox({ cfg, floor, registry, reopenMs, open }: BoxRun): () => Promise<void> {
  const report = (ok: boolean, detail: string) => registry.report({ id: cfg.id, kind: 'rating-box', ok, detail: `quầy/counter ${cfg.counterId}: ${detail}` });
  let driver: RatingBoxDriver | null = null;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let lights: ReturnType<typeof setTimeout> | undefined;

  const show = (mode: BoxMode, backToIdleAfterSeconds?: number) => {
    clearTimeout(lights);
    void driver?.setMode(mode);
    if (backToIdleAfterSeconds) lights = setTimeout(() => void driver?.setMode('idle'), backToIdleAfterSeconds * 1000);
  };

  const onPress = (button: number) => {
    const level = scaleLevels[cfg.buttons][button - 1];
    const prompt = floor.ratings.prompt(cfg.counterId).prompt;
    if (!level || !prompt) return show('refused', 2);
    try {
      floor.rate({ ticketId: prompt.ticketId, level }, { channel: 'box', deviceId: cfg.id, counterId: cfg.counterId, buttons: cfg.buttons });
    } catch (e) {
      if (!(e instanceof QueueError)) throw e;
      show('refused', 2);
    }
  };

  const onEvent = (e: FloorEvent) => {
    if (e.type === 'ticket.updated' && e.change === 'finished' && e.ticket.counterId === cfg.counterId) show('ask', floor.ratings.question().askSeconds);
    if (e.type === 'rating.received' && e.counterId === cfg.counterId) show('thanks', floor.ratings.question().thanksSeconds);
    if (e.type === 'rating.skipped' && e.counterId === cfg.counterId) show('idle');
  };
  floor.bus.on('event', onEvent);

  const connect = async () => {
    try {
      const transport = await open();
      if (stopped) return void (await transport.close());
      const d = createRatingBoxDriver({ transport, silenceMs: cfg.silenceMs });
      driver = d;
      d.onPress((p) => onPress(p.button));
      d.onStatus((s) => {
        if (s.online && s.buttons !== null && s.buttons !== cfg.buttons) report(false, `hộp có ${s.buttons} nút, cấu hình ghi ${cfg.buttons} / the box has ${s.buttons} buttons, config says ${cfg.buttons}`);
        else report(s.online, s.detail);
      });
      transport.onError(() => {
        if (stopped || driver !== d) return;
        driver = null;
        void d.close().catch(() => undefined);
        retry = setTimeout(() => void connect(), reopenMs);
      });
      report(false, `${transport.description}: chờ tín hiệu / waiting for the box`);
      if (floor.ratings.prompt(cfg.counterId).prompt) show('ask');
      else show('idle');
    } catch (e) {
      report(false, (e as Error).message);
      if (!stopped) retry = setTimeout(() => void connect(), reopenMs);
    }
  };
  void connect();

  return async () => {
    stopped = true;
    clearTimeout(retry);
    clearTimeout(lights);
    floor.bus.off('event', onEvent);
    await driver?.close().catch(() => undefined);
  };
}
