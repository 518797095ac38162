import { z } from 'zod';
import { Role } from './enums';

export { photoContentTypes, PHOTO_MAX_BYTES, staffPhotoUrl, type PhotoContentType } from './staff-photo';

/**
 * Changes whenever a manager uploads or removes an officer's photo (milliseconds, increasing); null when the photo
 * was never changed through the API.
 */
export const PhotoVersion = z.number().int().nullable();

/** An account as the manager's "Cán bộ" page lists it. */
export const StaffDto = z.object({
  id: z.number().int(),
  username: z.string(),
  name: z.string(),
  title: z.string(),
  role: Role,
  /** The counter the officer is signed in at now, or null. */
  counter: z.object({ id: z.number().int(), number: z.number().int() }).nullable(),
  hasPhoto: z.boolean(),
  photoVersion: PhotoVersion,
});
export type StaffDto = z.infer<typeof StaffDto>;
