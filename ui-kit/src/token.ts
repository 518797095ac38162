import { useSyncExternalStore } from 'react';
import type { UserDto } from '@qms/protocol';
import { readStored, writeStored } from './storage';

const TOKEN_KEY = 'qms.token';
const USER_KEY = 'qms.user';

let token: string | null = null;
let initialised = false;
const listeners = new Set<() => void>();

/**
 * A `?token=` in the page address wins and is remembered, so a device is set up once by opening
 * its address with the token; the token is then taken out of the address bar.
 */
function init(): void {
  if (initialised) return;
  initialised = true;
  token = readStored(TOKEN_KEY);
  if (typeof window === 'undefined' || !window.location) return;
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    token = fromUrl;
    writeStored(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    try {
      window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    } catch {
      /* some embedded browsers forbid it; harmless */
    }
  }
}

/** The bearer token of this device or signed-in user, or null. */
export function getToken(): string | null {
  init();
  return token;
}

/** Stores a token (after login, or when pairing a device); null forgets it. */
export function setToken(next: string | null): void {
  init();
  token = next && next.length > 0 ? next : null;
  writeStored(TOKEN_KEY, token);
  for (const l of listeners) l();
}

/** Forgets the token and the remembered user (sign out). */
export function clearToken(): void {
  writeStored(USER_KEY, null);
  setToken(null);
}

export function subscribeToken(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current token; re-renders when it changes. */
export function useToken(): string | null {
  return useSyncExternalStore(subscribeToken, getToken, () => null);
}

/** The user of the last login on this browser, for showing a name before the server answers. */
export function getStoredUser(): UserDto | null {
  const raw = readStored(USER_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as UserDto;
  } catch {
    return null;
  }
}

export function setStoredUser(user: UserDto | null): void {
  writeStored(USER_KEY, user ? JSON.stringify(user) : null);
}
