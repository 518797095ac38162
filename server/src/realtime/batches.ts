import type { FloorEvent } from '@qms/protocol';
import type { FloorServer } from './io';

/** The room of the sockets that asked (`batch: true`) for one `events` message per command instead of one `event` per event. */
export const BATCH = 'batch';

/**
 * Sends floor events to rooms (null: every socket). A socket in `BATCH` gets the events meant for it once the command
 * has published them all (a microtask later: a command publishes its events in one synchronous loop), in one `events`
 * message: a call reaches a hall display as one frame instead of three. Sockets with the same events share one encoding.
 */
export function eventSender(io: FloorServer) {
  let pending: { rooms: string[] | null; event: FloorEvent }[] = [];

  function flush() {
    const sent = pending;
    pending = [];
    const { rooms, sids } = io.sockets.adapter;
    const groups = new Map<string, string[]>();
    for (const id of rooms.get(BATCH) ?? []) {
      // The socket's rooms as they are now: a desk signed in during the command hears it all as staff.
      const joined = sids.get(id);
      const picked = sent.flatMap((x, i) => (x.rooms === null || x.rooms.some((r) => joined?.has(r)) ? [i] : []));
      if (picked.length === 0) continue;
      const key = picked.join(',');
      const ids = groups.get(key);
      if (ids) ids.push(id);
      else groups.set(key, [id]);
    }
    for (const [key, ids] of groups) io.to(ids).emit('events', key.split(',').map((i) => sent[Number(i)]!.event));
  }

  return (rooms: string[] | null, event: FloorEvent) => {
    // No socket in those rooms (no screen open yet): nothing to encode.
    if (rooms ? !rooms.some((r) => io.sockets.adapter.rooms.has(r)) : io.sockets.sockets.size === 0) return;
    (rooms ? io.to(rooms) : io).except(BATCH).emit('event', event);
    if (pending.length === 0) queueMicrotask(flush);
    pending.push({ rooms, event });
  };
}
