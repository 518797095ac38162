import type { Floor } from '../../floor';
import type { Db } from '../../store/open';

export interface DeviceHealth {
  id: string;
  kind: string;
  ok: boolean;
  detail: string | null;
}

export interface RouteDeps {
  floor: Floor;
  db: Db;
  now: () => number;
  version: string;
  devices: () => DeviceHealth[];
}
