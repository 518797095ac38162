/** Waits before the 2nd and 3rd try of a clip that failed to arrive (network down, server restarting). */
export const RETRY_MS = [300, 1000];

interface Manifest {
  ext: string;
  files: Record<string, string>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fetches and decodes the clips of a voice pack, each once; a clip that could not be had is asked again next time. */
export class ClipLoader<T> {
  private readonly buffers = new Map<string, Promise<T | null>>();
  private manifest: Promise<Manifest> | null = null;

  constructor(
    private readonly packUrl: string,
    private readonly decode: (bytes: ArrayBuffer) => Promise<T>,
  ) {}

  load(clip: string): Promise<T | null> {
    let buffer = this.buffers.get(clip);
    if (!buffer) {
      buffer = this.fetchClip(clip).then((b) => {
        if (!b) this.buffers.delete(clip);
        return b;
      });
      this.buffers.set(clip, buffer);
    }
    return buffer;
  }

  private async fetchClip(clip: string): Promise<T | null> {
    const url = this.packUrl + (await this.fileOf(clip));
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

  private fileOf(clip: string): Promise<string> {
    this.manifest ??= fetch(`${this.packUrl}manifest.json`)
      .then((res) => res.json() as Promise<{ ext?: string; files?: Record<string, string> }>)
      .then((m) => ({ ext: m.ext ?? 'wav', files: m.files ?? {} }))
      .catch(() => {
        this.manifest = null; // unreachable for now: ask again for the next clip
        return { ext: 'wav', files: {} };
      });
    return this.manifest.then((m) => m.files[clip] ?? `${clip}.${m.ext}`);
  }
}
