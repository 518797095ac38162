import { describe, expect, it } from 'vitest';
import { checkCredentials, hashPassword, verifyPassword } from './password';

describe('checking a sign-in', () => {
  const counting = () => {
    const calls: (string | null)[] = [];
    const verify: typeof verifyPassword = (password, stored) => {
      calls.push(stored);
      return verifyPassword(password, stored);
    };
    return { calls, verify };
  };

  it('an unknown account and an account with no password run the same scrypt check as a wrong password', () => {
    const known = { passwordHash: hashPassword('123456') };
    const wrong = counting();
    expect(checkCredentials(known, 'sai', wrong.verify)).toBe(false);
    expect(wrong.calls).toEqual([known.passwordHash]);

    for (const account of [null, { passwordHash: null }, { passwordHash: 'not-a-hash' }]) {
      const c = counting();
      expect(checkCredentials(account, '123456', c.verify)).toBe(false);
      expect(c.calls).toHaveLength(1);
      // A real scrypt hash with the same cost as the stored ones, so it takes as long.
      expect(c.calls[0]).toMatch(/^scrypt\$16384\$8\$1\$[^$]+\$[^$]+$/);
    }
  });

  it('the right password passes', () => {
    expect(checkCredentials({ passwordHash: hashPassword('đúng rồi') }, 'đúng rồi')).toBe(true);
  });
});
