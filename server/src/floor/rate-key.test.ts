import { describe, expect, it } from 'vitest';
import { ratingKeys } from './rate-key';

describe('ticket rating keys', () => {
  const secret = Buffer.alloc(32, 7);
  const keys = ratingKeys(secret);

  it('are 12 base64url characters, the same for the same ticket and secret, different otherwise', () => {
    const key = keys.keyOf('0b7c1a52-3f7e-4c1e-9a53-6f1d2b4c8e90');
    expect(key).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(ratingKeys(Buffer.alloc(32, 7)).keyOf('0b7c1a52-3f7e-4c1e-9a53-6f1d2b4c8e90')).toBe(key);
    expect(keys.keyOf('0b7c1a52-3f7e-4c1e-9a53-6f1d2b4c8e91')).not.toBe(key);
    expect(ratingKeys(Buffer.alloc(32, 8)).keyOf('0b7c1a52-3f7e-4c1e-9a53-6f1d2b4c8e90')).not.toBe(key);
  });

  it('match only the exact key of that ticket', () => {
    const key = keys.keyOf('t1');
    expect(keys.matches('t1', key)).toBe(true);
    for (const wrong of [null, undefined, '', key.slice(0, 11), `${key}A`, keys.keyOf('t2'), 'é'.repeat(6)]) expect(keys.matches('t1', wrong)).toBe(false);
  });
});
