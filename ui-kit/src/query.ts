/** A query parameter of the page address (`?counter=3`), or null. */
export function queryParam(name: string): string | null {
  if (typeof window === 'undefined') return null;
  return new URLSearchParams(window.location.search).get(name);
}

/** A positive integer from the page address, e.g. `?counter=3` → 3; undefined when absent or not a number. */
export function queryInt(name: string): number | undefined {
  const raw = queryParam(name);
  if (raw === null || !/^\d+$/.test(raw.trim())) return undefined;
  const n = Number(raw);
  return n > 0 ? n : undefined;
}

/** A list of positive integers, e.g. `?counters=1,2,3` → [1, 2, 3]; undefined when absent or empty. */
export function queryIntList(name: string): number[] | undefined {
  const raw = queryParam(name);
  if (raw === null) return undefined;
  const list = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^\d+$/.test(s))
    .map(Number)
    .filter((n) => n > 0);
  return list.length > 0 ? list : undefined;
}
