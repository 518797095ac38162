import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { photoContentTypes, type PhotoContentType } from '@qms/protocol';
import { photoExtensions } from './photo-bytes';

export interface StoredPhoto {
  bytes: Buffer;
  type: PhotoContentType;
}

/** Officers' photos as files `<username>.jpg|png|webp` in one folder (usernames are `[a-z0-9._-]`, see the config schema). */
export function createPhotoStore(dir: string) {
  const fileOf = (username: string, type: PhotoContentType) => join(dir, `${username}.${photoExtensions[type]}`);
  const exists = (path: string) => stat(path).then(() => true, () => false);

  // Two uploads for one officer at once could otherwise each delete the other's file and leave none.
  const queues = new Map<string, Promise<unknown>>();
  function oneAtATime<T>(username: string, fn: () => Promise<T>): Promise<T> {
    const run = (queues.get(username) ?? Promise.resolve()).then(fn);
    const settled = run.catch(() => undefined);
    queues.set(username, settled);
    void settled.then(() => queues.get(username) === settled && queues.delete(username));
    return run;
  }

  async function removeOthers(username: string, keep: PhotoContentType | null): Promise<boolean> {
    let removed = false;
    for (const type of photoContentTypes) {
      if (type === keep || !(await exists(fileOf(username, type)))) continue;
      await rm(fileOf(username, type), { force: true });
      removed = true;
    }
    return removed;
  }

  return {
    dir,
    async read(username: string): Promise<StoredPhoto | null> {
      for (const type of photoContentTypes) {
        const bytes = await readFile(fileOf(username, type)).catch(() => null);
        if (bytes) return { bytes, type };
      }
      return null;
    },

    async has(username: string): Promise<boolean> {
      for (const type of photoContentTypes) if (await exists(fileOf(username, type))) return true;
      return false;
    },

    /** Writes a temp file, flushes it and renames it over the photo, so a tablet never reads half a photo. */
    save(username: string, type: PhotoContentType, bytes: Uint8Array): Promise<void> {
      return oneAtATime(username, async () => {
        await mkdir(dir, { recursive: true });
        const temp = join(dir, `.${username}.${randomBytes(6).toString('hex')}.tmp`);
        try {
          const file = await open(temp, 'wx');
          try {
            await file.writeFile(bytes);
            await file.sync();
          } finally {
            await file.close();
          }
          await rename(temp, fileOf(username, type));
        } catch (err) {
          await rm(temp, { force: true });
          throw err;
        }
        await removeOthers(username, type);
      });
    },

    /** Removes the officer's photo in every format; false when there was none. */
    remove(username: string): Promise<boolean> {
      return oneAtATime(username, () => removeOthers(username, null));
    },
  };
}
export type PhotoStore = ReturnType<typeof createPhotoStore>;
