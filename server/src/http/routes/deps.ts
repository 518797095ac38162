import type { TicketPrinting } from '../../devices/printer';
import type { DeviceHealth } from '../../devices/registry';
import type { Floor } from '../../floor';
import type { Stats } from '../../stats/worker-client';
import type { Backups } from '../../store/backup';
import type { DiskState } from '../../store/disk-state';
import type { Db } from '../../store/open';
import type { Logger } from '../../log';
import type { HubLink } from '../../hub-sync/link';

export interface RouteDeps {
  floor: Floor;
  db: Db;
  now: () => number;
  version: string;
  devices: () => DeviceHealth[];
  /** Officers' photos: `rating.photoDir` of the config, else `photos/` in the data folder. */
  photoDir: string;
  /** Report figures, computed in a worker thread. */
  stats: Stats;
  log: Logger;
  /** Prints issued tickets (it listens to the floor bus); absent in tests of the API alone. */
  printing?: TicketPrinting;
  /** The database copies (absent in tests of the API alone). */
  backups?: Backups;
  /** Whether the data folder takes writes (disk full). */
  disk?: DiskState;
  /** The link to the city hub the admin page shows and sets (absent in tests of the API alone). */
  hubLink?: HubLink;
}
