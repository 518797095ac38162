import { randomBytes, randomInt } from 'node:crypto';
import type { PairedDevice, PairingKind } from '@qms/protocol';
import { hashToken } from '../http/auth';

export interface PairingRequest {
  id: string;
  code: string;
  kind: PairingKind;
  counterId: number | null;
  address: string;
  userAgent: string;
  since: number;
  expiresAt: number;
}

interface Pending extends PairingRequest {
  secretHash: string;
  /** Set when an admin paired it: the token waits here until the screen picks it up (once). */
  paired: { token: string; device: PairedDevice } | null;
}

export type WaitResult = { status: 'waiting'; code: string; expiresAt: number } | { status: 'paired'; token: string; device: PairedDevice } | null;

/**
 * Screens waiting to be paired, in memory: a code lives `ttlMs` after the screen last asked about it (it asks every
 * few seconds while it is open), so a code on a screen nobody looks after runs out. A restart forgets them; the
 * screens then ask for new codes. At most `maxPerAddress` waiting screens per address and `maxTotal` in all.
 */
export function createPairings({ now, ttlMs = 10 * 60_000, maxPerAddress = 10, maxTotal = 500 }: { now: () => number; ttlMs?: number; maxPerAddress?: number; maxTotal?: number }) {
  const pending = new Map<string, Pending>();
  const sweep = () => {
    const at = now();
    for (const [id, p] of pending) if (p.expiresAt <= at) pending.delete(id);
  };
  const newCode = () => {
    const used = new Set([...pending.values()].map((p) => p.code));
    for (;;) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      if (!used.has(code)) return code;
    }
  };
  const open = () => [...pending.values()].filter((p) => !p.paired);

  return {
    /** A new waiting screen with its code and the secret it waits with; null when its address has too many waiting. */
    start(r: { kind: PairingKind; counterId: number | null; address: string; userAgent: string }) {
      sweep();
      if (pending.size >= maxTotal || open().filter((p) => p.address === r.address).length >= maxPerAddress) return null;
      const at = now();
      const secret = randomBytes(24).toString('base64url');
      const p: Pending = { ...r, id: randomBytes(9).toString('base64url'), code: newCode(), since: at, expiresAt: at + ttlMs, secretHash: hashToken(secret), paired: null };
      pending.set(p.id, p);
      return { request: publicOf(p), secret };
    },
    /** What the screen waits for; null: no such request, a wrong secret, or expired. */
    wait(id: string, secret: string): WaitResult {
      sweep();
      const p = pending.get(id);
      if (!p || p.secretHash !== hashToken(secret)) return null;
      if (p.paired) {
        pending.delete(id);
        return { status: 'paired', ...p.paired };
      }
      p.expiresAt = now() + ttlMs;
      return { status: 'waiting', code: p.code, expiresAt: p.expiresAt };
    },
    byCode(code: string): PairingRequest | null {
      sweep();
      const p = open().find((x) => x.code === code);
      return p ? publicOf(p) : null;
    },
    /** Hands the token to the waiting screen; its code stops working for anybody else. */
    paired(id: string, token: string, device: PairedDevice) {
      const p = pending.get(id);
      if (!p) return;
      p.paired = { token, device };
      p.expiresAt = now() + ttlMs;
    },
    waiting: (): PairingRequest[] => {
      sweep();
      return open().map(publicOf).sort((a, b) => a.since - b.since);
    },
  };
}
export type Pairings = ReturnType<typeof createPairings>;

const publicOf = ({ secretHash: _s, paired: _p, ...r }: Pending): PairingRequest => r;
