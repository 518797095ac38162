import { statfsSync } from 'node:fs';

/** SQLite's "database or disk is full" (and its extended codes), thrown by better-sqlite3 as `SqliteError`. */
export function isDiskFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_FULL(_|$)/.test(code);
}

/** Below this much free space in the data folder the server warns before writes start failing. */
export const lowSpaceBytes = 100 * 1024 * 1024;

/**
 * Whether the data folder can take writes: set by a write that failed with SQLITE_FULL, cleared by a write that
 * succeeded a minute or more after the last failure (space came back, nothing to restart), plus the folder's free
 * space for the administrator.
 */
export function createDiskState(dataDir: string, now: () => number, holdMs = 60_000) {
  let fullSince: number | null = null;
  let lastFull = 0;
  return {
    noteFull: () => {
      fullSince ??= now();
      lastFull = now();
    },
    // A small write can still fit in a page already there while larger ones fail: the warning stays a minute after the last failure.
    noteWriteOk: () => {
      if (fullSince !== null && now() - lastFull >= holdMs) fullSince = null;
    },
    state() {
      let freeBytes: number | null;
      try {
        const s = statfsSync(dataDir);
        freeBytes = s.bavail * s.bsize;
      } catch {
        freeBytes = null;
      }
      return { full: fullSince !== null, fullSince, freeBytes, low: freeBytes !== null && freeBytes < lowSpaceBytes };
    },
  };
}
export type DiskState = ReturnType<typeof createDiskState>;
