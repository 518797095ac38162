import type { Floor } from '../floor';

export interface DeviceHealth {
  id: string;
  kind: string;
  ok: boolean;
  /** The state as a code screens translate (`paper_out`, `ready`…); null where the device only has free text. */
  code: string | null;
  detail: string | null;
}

/**
 * What every hardware device reports about itself (printer paper out, LED bus down…). Health lists it,
 * and each change goes out as a `device.status` event to staff and admin screens.
 */
export function createDeviceRegistry(floor: Pick<Floor, 'publish'>) {
  const devices = new Map<string, DeviceHealth>();
  return {
    report(health: Omit<DeviceHealth, 'code'> & { code?: string | null }) {
      const h: DeviceHealth = { ...health, code: health.code ?? null };
      const prev = devices.get(h.id);
      devices.set(h.id, h);
      if (!prev || prev.ok !== h.ok || prev.code !== h.code || prev.detail !== h.detail) {
        floor.publish([{ type: 'device.status', deviceId: h.id, kind: h.kind, ok: h.ok, code: h.code, detail: h.detail }]);
      }
    },
    list: (): DeviceHealth[] => [...devices.values()],
  };
}
export type DeviceRegistry = ReturnType<typeof createDeviceRegistry>;
