import { createHmac, timingSafeEqual } from 'node:crypto';

/** 12 base64url characters = 72 bits: out of reach of guessing over a LAN, and short in the printed QR. */
const KEY_LENGTH = 12;

/**
 * The per-ticket rating key the ticket's QR carries (paper and kiosk screen): HMAC-SHA256 of the ticket id with the
 * server's secret. The ticket id alone is no proof of holding the ticket: `GET /api/counters` shows it to the LAN.
 */
export function ratingKeys(secret: Buffer) {
  const keyOf = (ticketId: string) => createHmac('sha256', secret).update(`rating:${ticketId}`).digest('base64url').slice(0, KEY_LENGTH);
  return {
    keyOf,
    matches(ticketId: string, key: string | null | undefined): boolean {
      if (!key) return false;
      const want = Buffer.from(keyOf(ticketId));
      const given = Buffer.from(key);
      return given.length === want.length && timingSafeEqual(given, want);
    },
  };
}
