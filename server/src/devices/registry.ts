import type { Floor } from '../floor';

export interface DeviceHealth {
  id: string;
  kind: string;
  ok: boolean;
  detail: string | null;
}

/**
 * What every hardware device reports about itself (printer paper out, LED bus down…). Health lists it,
 * and each change goes out as a `device.status` event to staff and admin screens.
 */
export function createDeviceRegistry(floor: Pick<Floor, 'publish'>) {
  const devices = new Map<string, DeviceHealth>();
  return {
    report(h: DeviceHealth) {
      const prev = devices.get(h.id);
      devices.set(h.id, h);
      if (!prev || prev.ok !== h.ok || prev.detail !== h.detail) floor.publish([{ type: 'device.status', deviceId: h.id, kind: h.kind, ok: h.ok, detail: h.detail }]);
    },
    list: (): DeviceHealth[] => [...devices.values()],
  };
}
export type DeviceRegistry = ReturnType<typeof createDeviceRegistry>;
