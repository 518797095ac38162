import { toLocalIso, type HubLinkDto } from '@qms/protocol';
import { hubLinkQueries, type HubTarget } from '../store/hub-link';
import { hubSyncQueries } from '../store/hub-sync';
import type { Db } from '../store/open';
import type { HubSync } from './index';

export interface HubLinkOptions {
  db: Db;
  /** The link given by the environment (QMS_HUB_URL and QMS_HUB_KEY) or the server's options: it wins over the page's. */
  fixed: HubTarget | null;
  timeZone: string;
  start: (target: HubTarget) => HubSync;
}

const hint = (key: string) => `…${key.slice(-4)}`;

/**
 * The center's link to the city hub: the environment's if set, else the one the admin page stored. `apply()` (after
 * the page's change is committed) stops the push loop and starts it on the new link, or leaves it stopped: no restart.
 */
export function createHubLink(opts: HubLinkOptions) {
  const links = hubLinkQueries(opts.db);
  const cursor = hubSyncQueries(opts.db);
  let sync: HubSync | null = null;
  const target = () => opts.fixed ?? links.get();
  const apply = () => {
    sync?.stop();
    const t = target();
    sync = t ? opts.start(t) : null;
  };
  apply();
  return {
    get sync() {
      return sync;
    },
    fromEnvironment: () => opts.fixed !== null,
    apply,
    view(): HubLinkDto {
      const t = target();
      const s = sync?.state();
      const iso = (ms: number) => toLocalIso(ms, opts.timeZone);
      return {
        source: opts.fixed ? 'environment' : t ? 'admin' : 'none',
        url: t?.url ?? null,
        keyHint: t ? hint(t.key) : null,
        sync: {
          running: sync !== null,
          lastPushAt: s?.lastPushAt ? iso(s.lastPushAt) : null,
          pendingEvents: Math.max(0, cursor.lastEventId() - cursor.pushedThrough()),
          failures: s?.failures ?? 0,
          lastError: s?.lastError ? { at: iso(s.lastError.at), message: s.lastError.message } : null,
        },
      };
    },
    stop: () => sync?.stop(),
  };
}
export type HubLink = ReturnType<typeof createHubLink>;
