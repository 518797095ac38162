import { hubLinkQueries, type HubTarget } from '../store/hub-link';
import type { FloorContext } from './context';

/** What the change log may say of a link: the address and whether a key is set, never the key. */
const logged = (t: HubTarget | null) => (t ? { url: t.url, key: 'set' } : null);

/**
 * The admin joins or leaves the city hub: one transaction writes the link and its `setup.hub.linked` or
 * `setup.hub.unlinked` event (which the hub itself receives: it never carries the key). The push loop follows it
 * after the commit (hub-sync/link.ts). Joining rewinds the push cursor: the new hub gets the whole log, and a hub that
 * has some of it stores each event once.
 */
export function setHubLink(ctx: FloorContext, actorId: number, target: HubTarget | null) {
  const links = hubLinkQueries(ctx.db);
  ctx.run((tx) => {
    const before = links.get();
    links.set(target);
    if (target) links.rewindCursor();
    tx.log({
      type: target ? 'setup.hub.linked' : 'setup.hub.unlinked',
      ticketId: null,
      counterId: null,
      staffId: actorId,
      payload: { entity: 'hub', id: 'hub', before: logged(before), after: logged(target) },
    });
  });
}
