// localStorage can be missing (tests in Node) or throw (disabled storage, private modes);
// a screen must keep working without it, it only forgets across reloads.

export function readStored(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string | null): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(key);
    else globalThis.localStorage?.setItem(key, value);
  } catch {
    /* storage unavailable: keep the value in memory only */
  }
}
