// Passwords for the center and the city hub alike (scrypt, one stored format). Node only: no screen imports this subpath.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const N = 16384;
const r = 8;
const p = 1;
const keyLength = 32;

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password.normalize('NFC'), salt, keyLength, { N, r, p });
  return ['scrypt', N, r, p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export function verifyPassword(password: string, stored: string | null): boolean {
  const parts = stored?.split('$') ?? [];
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, rr, pp, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(rr),
    p: Number(pp),
  });
  return timingSafeEqual(expected, actual);
}

let dummy: string | null = null;
/** A valid hash of a random password nobody knows, made once: what an unknown account's password is checked against. */
const dummyHash = () => (dummy ??= hashPassword(randomBytes(16).toString('base64')));

/**
 * Checks a sign-in. An unknown account, or one with no password set, still runs one full scrypt (against a dummy
 * hash) so its answer takes as long as a wrong password's: the time does not tell a guesser which usernames exist.
 * `verify` is a parameter so a test can see it is called on every path.
 */
export function checkCredentials(account: { passwordHash: string | null } | null, password: string, verify: typeof verifyPassword = verifyPassword): boolean {
  const stored = account?.passwordHash;
  const usable = !!stored && stored.split('$').length === 6 && stored.startsWith('scrypt$');
  const ok = verify(password, usable ? stored : dummyHash());
  return usable && ok;
}
