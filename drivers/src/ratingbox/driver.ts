import { Listeners, type Transport } from '../transport';
import { decodeBoxStream, encodeBoxAck, encodeBoxMode, type BoxMode } from './codec';

export interface RatingBoxStatus {
  online: boolean;
  /** Buttons the box says it has (from its hello); null until it has spoken. */
  buttons: number | null;
  firmware: string | null;
  detail: string;
}

export interface RatingBoxDriverOptions {
  transport: Transport;
  /** No hello or press for this long: the box is offline (unplugged, no power). */
  silenceMs?: number;
  /** A repeated press with the same sequence number within this time is the box retrying, not a new press. */
  repeatWindowMs?: number;
  now?: () => number;
}

/** One rating box on a serial line: emits each press once, acknowledges every frame, sets the lights. */
export function createRatingBoxDriver(opts: RatingBoxDriverOptions) {
  const { transport } = opts;
  const now = opts.now ?? Date.now;
  const silenceMs = opts.silenceMs ?? 15_000;
  const repeatWindowMs = opts.repeatWindowMs ?? 5_000;
  const presses = new Listeners<{ button: number }>();
  const statuses = new Listeners<RatingBoxStatus>();
  let pending: Buffer = Buffer.alloc(0);
  let lastHeard = 0;
  let lastPress: { seq: number; at: number } | null = null;
  let status: RatingBoxStatus = { online: false, buttons: null, firmware: null, detail: 'chưa nhận tín hiệu / no signal yet' };

  const setStatus = (next: Omit<RatingBoxStatus, 'buttons' | 'firmware'> & Partial<RatingBoxStatus>) => {
    const merged = { ...status, ...next };
    const changed = merged.online !== status.online || merged.detail !== status.detail || merged.buttons !== status.buttons;
    status = merged;
    if (changed) statuses.emit(status);
  };
  const write = (buf: Buffer) => transport.write(buf).catch((e: Error) => setStatus({ online: false, detail: `lỗi ghi / write failed: ${e.message}` }));

  const offData = transport.onData((chunk) => {
    const { messages, rest } = decodeBoxStream(Buffer.concat([pending, chunk]));
    pending = rest;
    for (const m of messages) {
      lastHeard = now();
      if (m.kind === 'hello') setStatus({ online: true, buttons: m.buttons, firmware: m.firmware, detail: `${m.buttons} nút / buttons, fw ${m.firmware}` });
      if (m.kind !== 'press') continue;
      if (!status.online) setStatus({ online: true, detail: 'đang hoạt động / working' });
      void write(encodeBoxAck(m.seq));
      const repeat = lastPress !== null && lastPress.seq === m.seq && lastHeard - lastPress.at < repeatWindowMs;
      lastPress = { seq: m.seq, at: lastHeard };
      if (!repeat) presses.emit({ button: m.button });
    }
  });
  const offError = transport.onError((e) => setStatus({ online: false, detail: e.message }));
  const watchdog = setInterval(() => {
    if (status.online && now() - lastHeard > silenceMs) setStatus({ online: false, detail: 'mất tín hiệu / no signal' });
  }, Math.min(1000, silenceMs / 3));
  watchdog.unref?.();

  return {
    onPress: (l: (p: { button: number }) => void) => presses.add(l),
    onStatus: (l: (s: RatingBoxStatus) => void) => statuses.add(l),
    status: () => status,
    /** Lights: `ask` when a ticket may be rated, `thanks` after a rating, `refused` when a press was not taken. */
    setMode: (mode: BoxMode) => write(encodeBoxMode(mode)),
    async close() {
      clearInterval(watchdog);
      offData();
      offError();
      await transport.close();
    },
  };
}
export type RatingBoxDriver = ReturnType<typeof createRatingBoxDriver>;
