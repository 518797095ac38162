import { PAUSE } from './announcement';

/** One announcement as tests and support staff see it in `window.__qmsAudio`. */
export interface AnnouncementRecord {
  key: string;
  ticketNumber: string;
  counterNumber: number;
  recall: boolean;
  clips: string[];
  state: 'queued' | 'playing' | 'done' | 'skipped';
  /** Clips the voice pack lacks (skipped in playback). */
  missing: string[];
  /** How long it plays, known once its clips are decoded and scheduled. */
  seconds: number | null;
  /** Said once instead of `repeat` times because more calls were waiting behind it. */
  shortened: boolean;
  queuedAt: number;
}

export interface AudioDebug {
  /** The last announcements, oldest first (at most `HISTORY_MAX`). */
  announcements: AnnouncementRecord[];
  /** Whether the browser lets the page play sound. */
  unlocked: boolean;
}

declare global {
  interface Window {
    __qmsAudio?: AudioDebug;
  }
}

const HISTORY_MAX = 50;
const PAUSE_SECONDS = 0.7;
/** A call that waited this long while sound was blocked is not said when sound comes back: the citizen has gone. */
const STALE_MS = 120_000;

interface Waiting {
  record: AnnouncementRecord;
  /** Sound was blocked at some time while it waited. */
  blocked: boolean;
}

export interface PlayerOptions {
  /** Base address of the voice pack, e.g. `/display/voice/default/`. */
  packUrl: string;
  onUnlockedChange: (unlocked: boolean) => void;
}

/**
 * Plays announcements one after another, in the order they were queued. Each announcement's clips are
 * decoded first, then scheduled sample-accurately on the Web Audio clock, back to back: no gaps, no
 * overlaps, and a second call waits for the first to finish. While sound is on no call is dropped; when
 * more calls wait, the one playing is said once instead of `repeat` times so a burst drains faster.
 */
export class AnnouncementPlayer {
  private readonly ctx: AudioContext;
  private readonly buffers = new Map<string, Promise<AudioBuffer | null>>();
  private readonly queue: Waiting[] = [];
  private readonly debug: AudioDebug = { announcements: [], unlocked: false };
  private manifest: Promise<{ ext: string; files: Record<string, string> }> | null = null;
  private running = false;
  private closed = false;

  constructor(private readonly opts: PlayerOptions) {
    this.ctx = new AudioContext({ latencyHint: 'playback' });
    window.__qmsAudio = this.debug;
    this.ctx.onstatechange = () => this.stateChanged();
    this.stateChanged();
  }

  get unlocked(): boolean {
    return this.ctx.state === 'running';
  }

  /** Calls queued and not yet started. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Called from a click: browsers allow sound after a user gesture. */
  unlock(): void {
    void this.ctx.resume().then(() => this.stateChanged());
  }

  enqueue(a: Omit<AnnouncementRecord, 'state' | 'missing' | 'queuedAt' | 'seconds' | 'shortened'>): void {
    const record: AnnouncementRecord = { ...a, state: 'queued', missing: [], queuedAt: Date.now(), seconds: null, shortened: false };
    this.debug.announcements.push(record);
    if (this.debug.announcements.length > HISTORY_MAX) this.debug.announcements.splice(0, this.debug.announcements.length - HISTORY_MAX);
    this.queue.push({ record, blocked: !this.unlocked });
    // While blocked nothing drains the queue: drop the stale calls here so it stays bounded.
    if (!this.unlocked) this.dropStale();
    void this.drain();
  }

  close(): void {
    this.closed = true;
    this.queue.length = 0;
    void this.ctx.close();
  }

  private stateChanged() {
    this.debug.unlocked = this.unlocked;
    this.opts.onUnlockedChange(this.unlocked);
    if (!this.unlocked) {
      for (const w of this.queue) w.blocked = true;
      return;
    }
    this.dropStale();
    void this.drain();
  }

  /** Drops the calls that waited too long while sound was blocked; never one queued and waiting with sound on. */
  private dropStale() {
    const now = Date.now();
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const w = this.queue[i] as Waiting;
      if (!w.blocked || now - w.record.queuedAt <= STALE_MS) continue;
      w.record.state = 'skipped';
      this.queue.splice(i, 1);
    }
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (!this.closed && this.unlocked && this.queue.length > 0) {
        const next = (this.queue.shift() as Waiting).record;
        next.state = 'playing';
        await this.play(next);
        next.state = 'done';
      }
    } finally {
      this.running = false;
    }
  }

  private async play(record: AnnouncementRecord): Promise<void> {
    const buffers = await Promise.all(record.clips.map((clip) => (clip === PAUSE ? null : this.load(clip))));
    // Decided once decoded, so a call that arrived meanwhile counts as waiting.
    const firstPause = record.clips.indexOf(PAUSE);
    record.shortened = this.queue.length > 0 && firstPause >= 0;
    const clips = record.shortened ? record.clips.slice(0, firstPause) : record.clips;
    let at = this.ctx.currentTime + 0.05;
    clips.forEach((clip, i) => {
      const buffer = buffers[i];
      if (clip === PAUSE) {
        at += PAUSE_SECONDS;
        return;
      }
      if (!buffer) {
        record.missing.push(clip);
        return;
      }
      const source = this.ctx.createBufferSource();
      source.buffer = buffer;
      source.connect(this.ctx.destination);
      source.start(at);
      at += buffer.duration;
    });
    const seconds = Math.max(0, at - this.ctx.currentTime);
    record.seconds = Math.round(seconds * 100) / 100;
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }

  private load(clip: string): Promise<AudioBuffer | null> {
    let buffer = this.buffers.get(clip);
    if (!buffer) {
      buffer = this.fileOf(clip)
        .then((file) => fetch(this.opts.packUrl + file))
        .then((res) => (res.ok ? res.arrayBuffer() : Promise.reject(new Error(`${res.status}`))))
        .then((bytes) => this.ctx.decodeAudioData(bytes))
        .catch(() => {
          this.buffers.delete(clip); // try again next time: the server may be back
          return null;
        });
      this.buffers.set(clip, buffer);
    }
    return buffer;
  }

  private fileOf(clip: string): Promise<string> {
    this.manifest ??= fetch(`${this.opts.packUrl}manifest.json`)
      .then((res) => res.json() as Promise<{ ext?: string; files?: Record<string, string> }>)
      .then((m) => ({ ext: m.ext ?? 'wav', files: m.files ?? {} }))
      .catch(() => ({ ext: 'wav', files: {} }));
    return this.manifest.then((m) => m.files[clip] ?? `${clip}.${m.ext}`);
  }
}
