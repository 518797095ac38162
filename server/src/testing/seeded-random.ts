/** A small seeded generator for tests (0 ≤ x < 1), so a failing random sequence can be run again. */
export function seededRandom(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
