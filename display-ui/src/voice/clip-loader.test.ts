import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClipLoader } from './clip-loader';

/** A server whose active pack can be switched: each clip's bytes are "<pack>:<clip>". */
function packServer() {
  const state = { version: undefined as string | undefined, down: false, hanging: false, clipFetches: 0 };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (state.down) throw new TypeError('fetch failed');
      if (state.hanging && url.endsWith('manifest.json')) {
        // A server PC switched off: no answer, ever.
        await new Promise(() => {});
      }
      const file = url.split('/').pop()!;
      if (file === 'manifest.json') return new Response(JSON.stringify({ ext: 'wav', ...(state.version ? { version: state.version } : {}) }));
      state.clipFetches++;
      return new Response(`${state.version ?? 'default'}:${file.replace('.wav', '')}`);
    }),
  );
  return state;
}
const text = (bytes: ArrayBuffer) => Promise.resolve(new TextDecoder().decode(bytes));
/** One announcement's loads, in the player's order: the chime first. */
const announcement = (loader: ClipLoader<string>) => Promise.all(['chime', 'mowif', 'ba'].map((c) => loader.load(c)));

describe('clip loader and the active voice pack', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('loads each clip once while the pack stays the same', async () => {
    const server = packServer();
    const loader = new ClipLoader('/voice/default/', text);
    expect(await announcement(loader)).toEqual(['default:chime', 'default:mowif', 'default:ba']);
    expect(await announcement(loader)).toEqual(['default:chime', 'default:mowif', 'default:ba']);
    expect(server.clipFetches).toBe(3);
  });

  it('speaks the next announcement with the pack the admin switched to, and back, without a reload', async () => {
    const server = packServer();
    const loader = new ClipLoader('/voice/default/', text);
    await announcement(loader);
    server.version = 'pack-1';
    expect(await announcement(loader)).toEqual(['pack-1:chime', 'pack-1:mowif', 'pack-1:ba']);
    server.version = undefined;
    expect(await announcement(loader)).toEqual(['default:chime', 'default:mowif', 'default:ba']);
  });

  it('keeps the pack it knows when the manifest cannot be read (server restarting)', async () => {
    const server = packServer();
    server.version = 'pack-2';
    const loader = new ClipLoader('/voice/default/', text);
    await announcement(loader);
    server.down = true;
    expect(await announcement(loader)).toEqual(['pack-2:chime', 'pack-2:mowif', 'pack-2:ba']);
  });

  it('does not hold an announcement longer than 2 s for a manifest that does not come', async () => {
    vi.useFakeTimers();
    try {
      const server = packServer();
      server.version = 'pack-2';
      const loader = new ClipLoader('/voice/default/', text);
      await announcement(loader);
      server.hanging = true;
      let said = false;
      const next = announcement(loader).then((clips) => ((said = true), clips));
      await vi.advanceTimersByTimeAsync(2000);
      expect(said).toBe(true);
      expect(await next).toEqual(['pack-2:chime', 'pack-2:mowif', 'pack-2:ba']);
    } finally {
      vi.useRealTimers();
    }
  });
});
