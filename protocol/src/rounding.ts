// Kept apart from the zod schemas so a screen can use it without bundling zod.

/**
 * Decimals, `min` or more, that `rate` needs so that once rounded it does not look equal to `target` while it is
 * below or above it (3799/4000 under a 0.95 target: 0.94975 is "95%" at `min` 0, "94,98%" here). `unit` is
 * 100 for percentages, 1 for fractions.
 */
export function decimalsAgainst(rate: number, target: number | null | undefined, min: number, unit = 100): number {
  if (target === null || target === undefined || rate === target) return min;
  let d = min;
  for (; d < 8; d++) {
    const f = 10 ** d;
    const shown = Math.round(rate * unit * f);
    const goal = Math.round(target * unit * f);
    if (rate < target ? shown < goal : shown > goal) break;
  }
  return d;
}
