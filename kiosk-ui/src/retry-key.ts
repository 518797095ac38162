import { newIdempotencyKey } from '@qms/ui-kit';

/** How long after a tap that got no answer the same tap counts as a retry of it. */
const RETRY_WINDOW_MS = 120_000;

/**
 * Idempotency keys for the kiosk's taps. A request that got no answer may still have issued a ticket on the
 * server; tapping the same field with the same priority soon after sends the same key, so the server answers
 * with that ticket instead of issuing a second one.
 */
export function createRetryKeys(now: () => number = Date.now) {
  let pending: { what: string; key: string; at: number } | null = null;
  return {
    keyFor(what: string): string {
      return pending && pending.what === what && now() - pending.at < RETRY_WINDOW_MS ? pending.key : newIdempotencyKey();
    },
    /** The request sent with `key` got no answer: keep the key for a retry (the window runs from the first failure). */
    unanswered(what: string, key: string): void {
      if (pending?.key !== key) pending = { what, key, at: now() };
    },
    answered(): void {
      pending = null;
    },
  };
}
