// Kept apart from the zod schemas so a screen can use them without bundling zod.

/** The photo formats an upload may have, by `Content-Type`. */
export const photoContentTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoContentType = (typeof photoContentTypes)[number];

/** Largest photo upload: plenty for a face, small enough for an old tablet. */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

/** The photo address with its version, so a changed photo gets a new URL instead of the cached one. */
export const staffPhotoUrl = (staff: { id: number; photoVersion?: number | null | undefined }) =>
  `/api/staff/${staff.id}/photo${staff.photoVersion ? `?v=${staff.photoVersion}` : ''}`;
