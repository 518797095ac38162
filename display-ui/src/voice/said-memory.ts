import { readStored, writeStored } from '@qms/ui-kit';

const STORAGE_KEY = 'qms.display.saidCalls';
/** More than a day's calls of one display in the last minutes: the oldest are forgotten first. */
const KEEP = 300;

/**
 * The calls this display has said (or deliberately not said), kept in localStorage so a reload never says one
 * again. `fresh` is true on a display that never said anything here (a new TV): it starts from the present.
 */
export class SaidMemory {
  private readonly keys: string[];
  private readonly set: Set<string>;
  readonly fresh: boolean;

  constructor() {
    const stored = readStored(STORAGE_KEY);
    let keys: string[] = [];
    try {
      const parsed: unknown = stored ? JSON.parse(stored) : [];
      if (Array.isArray(parsed)) keys = parsed.filter((k): k is string => typeof k === 'string');
    } catch {
      /* unreadable: start afresh */
    }
    this.fresh = stored === null;
    if (this.fresh) writeStored(STORAGE_KEY, '[]');
    this.keys = keys.slice(-KEEP);
    this.set = new Set(this.keys);
  }

  has(key: string): boolean {
    return this.set.has(key);
  }

  add(...keys: string[]): void {
    const added = keys.filter((k) => !this.set.has(k));
    if (added.length === 0) return;
    for (const k of added) this.set.add(k);
    this.keys.push(...added);
    const drop = this.keys.splice(0, Math.max(0, this.keys.length - KEEP));
    for (const k of drop) this.set.delete(k);
    writeStored(STORAGE_KEY, JSON.stringify(this.keys));
  }
}
