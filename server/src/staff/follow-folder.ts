import type { Floor } from '../floor';
import type { createPhotoStore } from './photo-store';

/** Photos copied into (or deleted from) the folder by hand while the server was off: the accounts follow the folder. */
export async function followPhotoFolder(floor: Pick<Floor, 'queries' | 'photoChanged'>, photos: Pick<ReturnType<typeof createPhotoStore>, 'has'>) {
  for (const { id, username } of floor.queries.users.all()) {
    const has = await photos.has(username);
    // Read again after the await: an upload may have landed meanwhile.
    const user = floor.queries.users.byId(id);
    if (user && has !== (user.photoVersion !== null)) floor.photoChanged(id, { by: null, removed: !has });
  }
}
