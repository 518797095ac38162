import type { PairingKind } from '@qms/protocol';
import { QueueError } from '../queue';
import { pairedDeviceQueries } from '../store/paired-devices';
import type { FloorContext } from './context';
import { setupChange } from './setup-commands';

export interface NewDevice {
  kind: PairingKind;
  counterId: number | null;
  /** A hall display's counters; null: every counter. */
  counterIds: number[] | null;
  /** `sha256:<hex>` of the token the screen gets: the token itself is never stored. */
  storedToken: string;
}

/** Adds a paired device with the next free id (`kiosk-1`, `rating-2`, …), logged as `setup.device.added`. */
export function addDevice(ctx: FloorContext, actorId: number, d: NewDevice) {
  const devices = pairedDeviceQueries(ctx.db);
  const taken = devices.allIds();
  let n = 1;
  while (taken.has(`${d.kind}-${n}`)) n++;
  const id = `${d.kind}-${n}`;
  const known = new Set(ctx.q.setup.counters().map((c) => c.id));
  const unknown = [d.counterId, ...(d.counterIds ?? [])].find((c) => c !== null && !known.has(c));
  if (unknown !== undefined && unknown !== null) throw new QueueError('unknown_counter', { counter: unknown });
  const counterIds = d.kind === 'display' && d.counterIds?.length ? [...new Set(d.counterIds)] : null;
  return setupChange(ctx, actorId, { entity: 'device', id: () => id }, (_tx, log) => {
    ctx.q.setup.saveDevice({ id, kind: d.kind, token: d.storedToken, counterId: d.counterId });
    devices.setCounterIds(id, counterIds);
    const after = { id, kind: d.kind, counterId: d.counterId, counterIds };
    log('device', 'added', id, null, after);
    return after;
  });
}

/** Retires a device (paired or from the config file): its token stops working with the setup reloaded. */
export function revokeDevice(ctx: FloorContext, actorId: number, id: string) {
  const device = ctx.q.setup.devices().find((d) => d.id === id);
  if (!device) throw new QueueError('unknown_device', { id });
  setupChange(ctx, actorId, { entity: 'device', id: () => id }, (_tx, log) => {
    ctx.q.setup.retireDevice(id);
    log('device', 'revoked', id, { id, kind: device.kind, counterId: device.counterId }, null);
  });
}
