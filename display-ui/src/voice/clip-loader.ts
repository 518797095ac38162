/** Waits before the 2nd and 3rd try of a clip that failed to arrive (network down, server restarting). */
export const RETRY_MS = [300, 1000];
/** Every announcement starts with this clip: loading it is the moment to look whether the pack changed. */
const FIRST_CLIP = 'chime';
/** How long an announcement waits for the manifest when a pack is already known, before speaking with that one. */
export const MANIFEST_WAIT_MS = 2000;

interface Manifest {
  /** Names the pack the server speaks with now (a recorded pack's id); clips of another version are not reused. */
  version: string;
  ext: string;
  files: Record<string, string>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Fetches and decodes the clips of a voice pack, each once per pack version; a clip that could not be had is asked
 * again next time. The pack's manifest is read again at the start of every announcement (its chime), so when the
 * admin switches the hall to another recorded pack, the next call is said with it, without a reload. If the manifest
 * cannot be read then (server restarting), the pack known before keeps speaking.
 */
export class ClipLoader<T> {
  private readonly buffers = new Map<string, Promise<T | null>>();
  private manifest: Promise<Manifest> | null = null;
  private known: Manifest | null = null;
  private refreshing = false;

  constructor(
    private readonly packUrl: string,
    private readonly decode: (bytes: ArrayBuffer) => Promise<T>,
  ) {}

  load(clip: string): Promise<T | null> {
    if (!this.manifest || (clip === FIRST_CLIP && !this.refreshing)) this.manifest = this.readManifest();
    return this.manifest.then((m) => {
      const key = `${m.version}\u0000${clip}`;
      let buffer = this.buffers.get(key);
      if (!buffer) {
        buffer = this.fetchClip(m, clip).then((b) => {
          if (!b) this.buffers.delete(key);
          return b;
        });
        this.buffers.set(key, buffer);
      }
      return buffer;
    });
  }

  private async fetchClip(m: Manifest, clip: string): Promise<T | null> {
    const url = this.packUrl + (m.files[clip] ?? `${clip}.${m.ext}`);
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await fetch(url);
        if (res.ok) return await this.decode(await res.arrayBuffer()).catch(() => null);
        if (res.status < 500) return null; // not in the pack: asking again will not bring it
      } catch {
        // network error: try again
      }
      const wait = RETRY_MS[attempt];
      if (wait === undefined) return null;
      await sleep(wait);
    }
  }

  private readManifest(): Promise<Manifest> {
    const known = this.known;
    this.refreshing = true;
    // fetchManifest never rejects.
    const fresh = this.fetchManifest().then((m) => {
      this.refreshing = false;
      return m;
    });
    if (!known) return fresh;
    // A server that does not answer at all (switched off mid-call) must not hold the announcement. The timer is
    // cleared when the manifest comes, so no stray timer is left running (tests drive time by hand).
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(this.known ?? known), MANIFEST_WAIT_MS);
      void fresh.then((m) => {
        clearTimeout(timer);
        resolve(m);
      });
    });
  }

  private async fetchManifest(): Promise<Manifest> {
    try {
      const res = await fetch(`${this.packUrl}manifest.json`, { cache: 'no-cache' });
      if (!res.ok) throw new Error(`manifest: ${res.status}`);
      const m = (await res.json()) as { version?: string; ext?: string; files?: Record<string, string> };
      const next = { version: m.version ?? '', ext: m.ext ?? 'wav', files: m.files ?? {} };
      if (this.known && this.known.version !== next.version) {
        for (const key of this.buffers.keys()) if (!key.startsWith(`${next.version}\u0000`)) this.buffers.delete(key);
      }
      this.known = next;
      return next;
    } catch {
      if (this.known) return this.known;
      this.manifest = null; // unreachable for now: ask again for the next clip
      return { version: '', ext: 'wav', files: {} };
    }
  }
}
