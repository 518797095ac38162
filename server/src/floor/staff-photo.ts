import type { FloorContext } from './context';

/** `by`: the manager who uploaded or removed it; null when the server found the folder changed by hand. */
export interface PhotoChange {
  by: number | null;
  removed: boolean;
}

/**
 * Records that an officer's photo was uploaded or removed: a new photo version (increasing even when the clock
 * stands still or goes back; null once removed, so screens ask for no photo) and a `counter.updated` for every counter
 * they are signed in at, so the tablet there loads the new photo without a reload; other managers' staff lists hear
 * `staff.photo_changed`.
 */
export function photoChanged(ctx: FloorContext, userId: number, change: PhotoChange): number | null {
  return ctx.run((tx) => {
    const user = ctx.q.users.byId(userId);
    const version = change.removed ? null : Math.max(tx.now, (user?.photoVersion ?? 0) + 1);
    ctx.q.users.setPhotoVersion(userId, version);
    tx.log({ type: 'staff.photo_changed', ticketId: null, counterId: null, staffId: userId, payload: { ...change } });
    tx.emit({ type: 'staff.photo_changed', staffId: userId, photoVersion: version });
    for (const c of ctx.q.counters.all()) {
      if (c.staffId === userId) tx.emit({ type: 'counter.updated', counter: ctx.counterView(c) });
    }
    return version;
  });
}
