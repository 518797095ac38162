import { useCallback, useEffect, useState } from 'react';
import type { HealthReply } from '@qms/protocol';
import { apiFetch } from './api';
import { useFloorEvent, type UseFloorResult } from './useFloor';

export type DeviceState = NonNullable<HealthReply['devices']>[number];

/**
 * Every device's state (printers, boards, kiosks…): read from `/api/health` on every (re)connect, which covers
 * events missed while offline, then kept live by `device.status` events. `devices` is null until the first answer.
 */
export function useDevices(floor: Pick<UseFloorResult, 'subscribe' | 'connected'>) {
  const [devices, setDevices] = useState<DeviceState[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    apiFetch<HealthReply>('/api/health')
      .then((h) => {
        setDevices(h.devices ?? []);
        setError(null);
      })
      .catch(setError);
  }, []);
  useEffect(() => {
    if (floor.connected) load();
  }, [floor.connected, load]);
  useFloorEvent(floor.subscribe, (e) => {
    if (e.type !== 'device.status') return;
    const next: DeviceState = { id: e.deviceId, kind: e.kind, ok: e.ok, code: e.code, detail: e.detail };
    setDevices((list) => {
      const rest = list ?? [];
      return rest.some((d) => d.id === next.id) ? rest.map((d) => (d.id === next.id ? next : d)) : [...rest, next];
    });
  });
  return { devices, error };
}
