import { apiFetch, newIdempotencyKey, readStored, writeStored } from '@qms/ui-kit';

/** A public GET (no sign-in on a citizen's phone). */
export const getJson = <T,>(path: string) => apiFetch<T>(path);

const DEVICE_KEY = 'qms.book.device';

/** This phone's own random id, kept across visits, for the per-device daily booking limit (no name, nothing personal). */
export function deviceId(): string {
  const known = readStored(DEVICE_KEY);
  if (known && /^[0-9a-f]{16,64}$/.test(known)) return known;
  const made = newIdempotencyKey();
  writeStored(DEVICE_KEY, made);
  return made;
}
