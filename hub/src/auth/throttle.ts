/**
 * Slows password guessing at the hub's sign-in: after `maxFailures` wrong passwords for one account from one address
 * within `windowMs`, that pair is refused until the window has passed. In memory: a restart forgets, which only helps
 * the one who forgot their password.
 */
export function loginThrottle(now: () => number, maxFailures = 10, windowMs = 15 * 60_000) {
  const failures = new Map<string, number[]>();
  const recent = (key: string) => (failures.get(key) ?? []).filter((t) => now() - t < windowMs);
  return {
    /** Minutes until the pair may try again, or 0. */
    lockedFor(username: string, address: string): number {
      const list = recent(`${username}\u0001${address}`);
      return list.length >= maxFailures ? Math.ceil((windowMs - (now() - list[0]!)) / 60_000) : 0;
    },
    failed(username: string, address: string) {
      const key = `${username}\u0001${address}`;
      failures.set(key, [...recent(key), now()]);
      if (failures.size > 10_000) failures.delete(failures.keys().next().value!);
    },
    succeeded(username: string, address: string) {
      failures.delete(`${username}\u0001${address}`);
    },
  };
}
