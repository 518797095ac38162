// localStorage can be missing (tests in Node) or throw (disabled storage, private modes);
// a screen must keep working without it, it only forgets across reloads.
// `window`, not `globalThis`: the screens' oldest browsers (Chrome 69) lack `globalThis`.
const storage = (): Storage | undefined => (typeof window === 'undefined' ? undefined : window.localStorage);

export function readStored(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string | null): void {
  try {
    if (value === null) storage()?.removeItem(key);
    else storage()?.setItem(key, value);
  } catch {
    /* storage unavailable: keep the value in memory only */
  }
}
