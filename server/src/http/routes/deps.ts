import type { DeviceHealth } from '../../devices/registry';
import type { Floor } from '../../floor';
import type { Db } from '../../store/open';

export interface RouteDeps {
  floor: Floor;
  db: Db;
  now: () => number;
  version: string;
  devices: () => DeviceHealth[];
}
