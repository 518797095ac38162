import { z } from 'zod';

const isoTime = z.string().describe('ISO-8601 time with the center offset');

/** One copy of the database in a backup folder. */
export const BackupDto = z.object({
  file: z.string(),
  /** Which target: the data folder's `backups/` (`main`) or `backups.secondDir` (`second`). */
  target: z.enum(['main', 'second']),
  at: isoTime,
  size: z.number().int(),
  /** `PRAGMA integrity_check` on the copy said ok (a copy that failed it is kept as `.bad`). */
  verified: z.boolean(),
});
export type BackupDto = z.infer<typeof BackupDto>;

/** The backups as `/api/health` (signed in) and the admin page tell them. */
export const BackupHealth = z.object({
  lastGoodAt: isoTime.nullable(),
  /** Hours since the last good copy; null when there is none. */
  ageHours: z.number().nullable(),
  /** `stale` (no good copy in the last day), `failed` (the last attempt failed in a target), or null. */
  warning: z.enum(['stale', 'failed']).nullable(),
  failures: z.array(z.object({ target: z.enum(['main', 'second']), message: z.string() })),
});
export type BackupHealth = z.infer<typeof BackupHealth>;

export const StorageHealth = z.object({
  /** The last write failed for lack of space (SQLITE_FULL) and none has succeeded since. */
  diskFull: z.boolean(),
  /** Free bytes in the data folder's file system; null when unknown. */
  freeBytes: z.number().nullable(),
  /** Under 100 MB free. */
  lowSpace: z.boolean(),
});
export type StorageHealth = z.infer<typeof StorageHealth>;

export const BackupsReply = z.object({ status: BackupHealth, copies: z.array(BackupDto) });
export type BackupsReply = z.infer<typeof BackupsReply>;
