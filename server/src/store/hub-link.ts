import { ratingSecret } from './secrets';
import type { Db } from './open';

export interface HubTarget {
  url: string;
  key: string;
}

/** The hub address and key the admin page set (migration 016), kept with the server's secrets. */
export function hubLinkQueries(db: Db) {
  const read = db.prepare<[], { hub_url: string | null; hub_key: string | null }>('SELECT hub_url, hub_key FROM secrets WHERE id = 1');
  const write = db.prepare<[string | null, string | null]>('UPDATE secrets SET hub_url = ?, hub_key = ? WHERE id = 1');
  const rewind = db.prepare('DELETE FROM hub_sync');
  return {
    get(): HubTarget | null {
      const r = read.get();
      return r?.hub_url && r.hub_key ? { url: r.hub_url, key: r.hub_key } : null;
    },
    set(target: HubTarget | null) {
      ratingSecret(db); // the secrets row exists from the first start on; made here if not
      write.run(target?.url ?? null, target?.key ?? null);
    },
    /** The push starts again from the log's first event. */
    rewindCursor: () => void rewind.run(),
  };
}
