/**
 * A sliding-window limit per key (a client address): at most `max` hits in any `windowMs`. `hit` counts the request
 * and answers 0, or the milliseconds until the next one would be let through (the refused hit is not counted).
 */
export function createRateLimit(opts: { max: number; windowMs: number; now: () => number; maxKeys?: number }) {
  const hits = new Map<string, number[]>();
  const maxKeys = opts.maxKeys ?? 10_000;
  return {
    hit(key: string): number {
      const now = opts.now();
      const recent = (hits.get(key) ?? []).filter((t) => t > now - opts.windowMs);
      if (recent.length >= opts.max) {
        hits.set(key, recent);
        return recent[0]! + opts.windowMs - now;
      }
      recent.push(now);
      hits.delete(key);
      hits.set(key, recent);
      // Memory stays bounded whatever the number of addresses: the least recently seen go first.
      if (hits.size > maxKeys) hits.delete(hits.keys().next().value!);
      return 0;
    },
  };
}
