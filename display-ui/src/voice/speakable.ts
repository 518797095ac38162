import type { Segment } from './announcement';

export interface Spoken<T> {
  /** The sentence's clips in order; empty when a number could not be said right, so only the chime plays. */
  buffers: T[];
  /** Clips that could not be loaded. */
  missing: string[];
  /** `digits`: a number was read one character at a time; `chime`: a number could not be said at all. */
  fallback: 'digits' | 'chime' | null;
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Loads the clips of a sentence. A missing plain word is left out (the rest still makes sense); a number
 * missing a clip is read digit by digit instead, and if that is missing too the sentence is not said: a
 * wrong number is worse than none, the screen shows the right one.
 */
export async function speakable<T>(sentence: Segment[], load: (clip: string) => Promise<T | null>): Promise<Spoken<T>> {
  const loadAll = (clips: string[]) => Promise.all(clips.map(load)) as Promise<(T | null)[]>;
  const loaded = await Promise.all(sentence.map((s) => loadAll(s.clips)));
  const buffers: T[] = [];
  const missing: string[] = [];
  let fallback: Spoken<T>['fallback'] = null;
  for (const [i, s] of sentence.entries()) {
    const got = loaded[i] ?? [];
    const lacking = s.clips.filter((_, j) => !got[j]);
    missing.push(...lacking);
    if (lacking.length === 0 || !s.digits) {
      buffers.push(...got.filter((b): b is T => b !== null));
      continue;
    }
    const digits = same(s.digits, s.clips) ? got : await loadAll(s.digits);
    if (digits.every((b) => b !== null)) {
      buffers.push(...(digits as T[]));
      fallback ??= 'digits';
      continue;
    }
    missing.push(...s.digits.filter((_, j) => !digits[j]));
    fallback = 'chime';
  }
  const unique = [...new Set(missing)];
  return fallback === 'chime' ? { buffers: [], missing: unique, fallback } : { buffers, missing: unique, fallback };
}
