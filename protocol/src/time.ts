/** Parts of an instant as seen on a wall clock in `timeZone`. */
export function localParts(ms: number, timeZone: string) {
  const d = new Date(ms + offsetMinutes(ms, timeZone) * 60000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

function intlParts(ms: number, timeZone: string) {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour) % 24, minute: Number(parts.minute), second: Number(parts.second) };
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** The local calendar date (`YYYY-MM-DD`) of an instant in `timeZone`. */
export function localDate(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Offset of `timeZone` from UTC at the instant, in minutes. */
export function offsetMinutes(ms: number, timeZone: string): number {
  // Zones change their offset on whole minutes: the offset is remembered per minute (a command formats the same few
  // instants again and again, and Intl's formatting is the costly part).
  const minute = Math.floor(ms / 60000);
  let known = offsets.get(timeZone);
  if (!known) offsets.set(timeZone, (known = new Map()));
  const hit = known.get(minute);
  if (hit !== undefined) return hit;
  const p = intlParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const offset = Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
  if (known.size >= 4096) known.clear();
  known.set(minute, offset);
  return offset;
}
const offsets = new Map<string, Map<number, number>>();

/** ISO-8601 with the zone's offset, e.g. `2026-11-23T08:05:00.000+07:00`. */
export function toLocalIso(ms: number, timeZone: string): string {
  const off = offsetMinutes(ms, timeZone);
  const d = new Date(ms + off * 60000);
  const sign = off < 0 ? '-' : '+';
  return `${d.toISOString().slice(0, 23)}${sign}${pad(Math.trunc(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

/** The instant a local date begins (00:00) in `timeZone`. */
export function startOfLocalDay(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  // Two passes settle zones whose offset differs between the guess and the answer (DST edges). Where the
  // clocks jump over midnight, the second pass lands on the day before and the first is the day's first instant.
  const first = guess - offsetMinutes(guess, timeZone) * 60000;
  const second = guess - offsetMinutes(first, timeZone) * 60000;
  return localDate(second, timeZone) === date ? second : first;
}

/** The local date after `date`. */
export function nextLocalDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
