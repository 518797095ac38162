/**
 * Slows password guessing on the LAN, three ways, each over `windowMs`:
 * - one account from one address: after `maxFailures` wrong passwords that pair is refused for `lockMs`;
 * - one address across accounts (password spraying): after `maxAddressFailures` wrong sign-ins that address is
 *   refused for `lockMs`, whatever username it tries;
 * - one account from many addresses: after `maxAccountFailures` every sign-in to it waits `slowMs` first. Only a
 *   short delay, not a lock: whoever guesses from other PCs must not keep the officer out of their own account.
 * In memory: a restart forgets it, which only helps a guesser by one window.
 */
export function createLoginThrottle({ maxFailures = 5, maxAddressFailures = 20, maxAccountFailures = 10, windowMs = 10 * 60_000, lockMs = 5 * 60_000, slowMs = 2000 } = {}) {
  const failures = new Map<string, number[]>();
  const lockedUntil = new Map<string, number>();
  const keys = (address: string, username: string) => ({ pair: `pair ${address} ${username}`, address: `address ${address}`, account: `account ${username}` });
  const recent = (key: string, now: number) => (failures.get(key) ?? []).filter((t) => now - t < windowMs);
  const lockLeft = (key: string, now: number) => {
    const until = lockedUntil.get(key) ?? 0;
    if (until <= now) lockedUntil.delete(key);
    return Math.max(0, until - now);
  };
  const count = (key: string, now: number, max: number, lock: boolean) => {
    // Thousands of made-up usernames must not grow the maps without end: forget what is past its window.
    if (failures.size > 10_000) for (const [k, t] of failures) if (now - t[t.length - 1]! >= windowMs) failures.delete(k);
    if (lockedUntil.size > 10_000) for (const [k, until] of lockedUntil) if (until <= now) lockedUntil.delete(k);
    const times = recent(key, now);
    times.push(now);
    if (lock && times.length >= max) {
      lockedUntil.set(key, now + lockMs);
      failures.delete(key);
    } else failures.set(key, times.slice(-max));
  };
  return {
    /** `waitMs`: how long this address must wait before trying this account (0: go on); `delayMs`: a pause before answering. */
    check(address: string, username: string, now: number): { waitMs: number; delayMs: number } {
      const k = keys(address, username);
      const waitMs = Math.max(lockLeft(k.pair, now), lockLeft(k.address, now));
      return { waitMs, delayMs: recent(k.account, now).length >= maxAccountFailures ? slowMs : 0 };
    },
    failed(address: string, username: string, now: number) {
      const k = keys(address, username);
      count(k.pair, now, maxFailures, true);
      count(k.address, now, maxAddressFailures, true);
      count(k.account, now, maxAccountFailures, false);
    },
    succeeded(address: string, username: string) {
      failures.delete(keys(address, username).pair);
    },
  };
}
