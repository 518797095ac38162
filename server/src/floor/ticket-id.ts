import { randomBytes } from 'node:crypto';

/**
 * A ticket id: a UUID of version 7 (RFC 9562), the issue time in milliseconds then 74 random bits. Ids issued together
 * sort together, so the indexes keyed by ticket id (the tickets' own, the events') take each new one on the same last
 * page instead of a random page each: fewer pages for every commit to write. An id reveals when its ticket was issued,
 * which the ticket says anyway; what proves a phone holds the ticket is its rating key, not the id.
 */
export function ticketId(now: number): string {
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = 0x70 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
