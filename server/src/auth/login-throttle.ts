/**
 * Slows password guessing on the LAN: after `maxFailures` wrong passwords for one username from one address within
 * `windowMs`, that pair is refused for `lockMs`. Keyed by address too, so nobody can lock an officer out from
 * another PC. In memory: a restart forgets it, which only helps a guesser by one window.
 */
export function createLoginThrottle({ maxFailures = 5, windowMs = 10 * 60_000, lockMs = 5 * 60_000 } = {}) {
  const failures = new Map<string, number[]>();
  const lockedUntil = new Map<string, number>();
  return {
    /** Milliseconds the pair must still wait, or 0. */
    waitMs(key: string, now: number): number {
      const until = lockedUntil.get(key) ?? 0;
      if (until <= now) lockedUntil.delete(key);
      return Math.max(0, until - now);
    },
    failed(key: string, now: number) {
      const recent = (failures.get(key) ?? []).filter((t) => now - t < windowMs);
      recent.push(now);
      if (recent.length >= maxFailures) {
        lockedUntil.set(key, now + lockMs);
        failures.delete(key);
      } else failures.set(key, recent);
    },
    succeeded(key: string) {
      failures.delete(key);
    },
  };
}
