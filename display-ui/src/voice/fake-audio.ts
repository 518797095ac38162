// For the voice unit tests only; nothing in the display imports it.
import { vi } from 'vitest';
import { announcementClips, CHIME, DEFAULT_TEMPLATE } from './announcement';
import { callForms } from './call-forms';
import { defaultReading } from './number-reading';

/** Played sources, in the order they were started, by clip name. */
export interface Heard {
  clip: string;
  at: number;
}

/**
 * A stand-in for the browser's AudioContext in unit tests: "decodes" a clip's bytes to its name, each clip
 * lasting `CLIP_SECONDS`, and records every source started. Its clock follows the (fake) system time.
 */
export class FakeAudioContext {
  static CLIP_SECONDS = 0.5;
  /** Lengths of single clips, by name, overriding `CLIP_SECONDS` (e.g. the real pack's). */
  static clipSeconds: Record<string, number> = {};
  static initialState: 'running' | 'suspended' = 'running';
  static last: FakeAudioContext;
  state: 'running' | 'suspended' | 'closed' = FakeAudioContext.initialState;
  onstatechange: (() => void) | null = null;
  readonly destination = {};
  readonly heard: Heard[] = [];
  private readonly t0 = Date.now();

  constructor() {
    FakeAudioContext.last = this;
  }

  get currentTime(): number {
    return (Date.now() - this.t0) / 1000;
  }

  resume(): Promise<void> {
    this.state = 'running';
    this.onstatechange?.();
    return Promise.resolve();
  }

  suspend(): void {
    this.state = 'suspended';
    this.onstatechange?.();
  }

  close(): Promise<void> {
    this.state = 'closed';
    return Promise.resolve();
  }

  decodeAudioData(bytes: ArrayBuffer): Promise<{ duration: number; clip: string }> {
    const clip = new TextDecoder().decode(bytes);
    return Promise.resolve({ duration: FakeAudioContext.clipSeconds[clip] ?? FakeAudioContext.CLIP_SECONDS, clip });
  }

  createBufferSource() {
    const heard = this.heard;
    return {
      buffer: null as { clip: string } | null,
      connect() {},
      start(at: number) {
        heard.push({ clip: this.buffer?.clip ?? '?', at });
      },
    };
  }
}

/** How the fake voice pack answers a clip's address: its bytes, a status code, or a thrown network error. */
export type PackAnswer = (clip: string, attempt: number) => 'ok' | number | 'network';

/** Installs the fake AudioContext, a `window` and a fetch serving a voice pack of every clip; returns fetch's calls. */
export function installFakeAudio(answer: PackAnswer = () => 'ok') {
  const attempts = new Map<string, number>();
  const fetch = vi.fn(async (url: string) => {
    const file = url.split('/').pop() ?? '';
    if (file === 'manifest.json') return new Response(JSON.stringify({ ext: 'wav' }));
    const clip = file.replace(/\.wav$/, '');
    const attempt = attempts.get(clip) ?? 0;
    attempts.set(clip, attempt + 1);
    const a = answer(clip, attempt);
    if (a === 'network') throw new TypeError('fetch failed');
    if (a !== 'ok') return new Response('', { status: a });
    return new Response(clip);
  });
  vi.stubGlobal('window', {});
  vi.stubGlobal('AudioContext', FakeAudioContext);
  vi.stubGlobal('fetch', fetch);
  return { fetch, attempts };
}

const input = (ticketNumber: string, counterNumber = 3) => ({ ticketNumber, counterNumber, template: DEFAULT_TEMPLATE, reading: defaultReading });
export const call = (ticketNumber: string, repeat = 2, counterNumber = 3) => ({
  key: ticketNumber,
  ticketNumber,
  counterNumber,
  recall: false,
  ...callForms(input(ticketNumber, counterNumber)),
  repeat,
});

/** The clips heard, one list per announcement (each starts with the chime). */
export function heardAnnouncements(): string[][] {
  const out: string[][] = [];
  for (const { clip } of FakeAudioContext.last.heard) {
    if (clip === CHIME) out.push([]);
    out.at(-1)?.push(clip);
  }
  return out;
}

export const sentenceOf = (ticketNumber: string, counterNumber = 3) => announcementClips({ ...input(ticketNumber, counterNumber), repeat: 1 });
