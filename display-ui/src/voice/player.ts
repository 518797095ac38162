import { CHIME, repeatCount, repeated, type Segment } from './announcement';
import { ClipLoader } from './clip-loader';
import { speakable } from './speakable';

/** One announcement as tests and support staff see it in `window.__qmsAudio`. */
export interface AnnouncementRecord {
  key: string;
  ticketNumber: string;
  counterNumber: number;
  recall: boolean;
  /** As planned: the chime, then the sentence `repeat` times (what plays may be shortened, see below). */
  clips: string[];
  state: 'queued' | 'playing' | 'done' | 'skipped';
  /** Clips that could not be loaded (left out, or see `fallback`). */
  missing: string[];
  /** `digits`: a number missing a clip was read digit by digit; `chime`: it could not be said, only the chime played. */
  fallback: 'digits' | 'chime' | null;
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

export interface Call {
  key: string;
  ticketNumber: string;
  counterNumber: number;
  recall: boolean;
  sentence: Segment[];
  repeat: number;
}

interface Waiting {
  record: AnnouncementRecord;
  sentence: Segment[];
  repeat: number;
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
  private readonly loader: ClipLoader<AudioBuffer>;
  private readonly queue: Waiting[] = [];
  private readonly debug: AudioDebug = { announcements: [], unlocked: false };
  private running = false;
  private closed = false;

  constructor(private readonly opts: PlayerOptions) {
    // The hall display runs Chromium or Firefox (docs/voice.md); Safari before 14.1 has only webkitAudioContext.
    // eslint-disable-next-line compat/compat
    this.ctx = new AudioContext({ latencyHint: 'playback' });
    this.loader = new ClipLoader(opts.packUrl, (bytes) => this.ctx.decodeAudioData(bytes));
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

  enqueue({ sentence, repeat, ...a }: Call): void {
    const clips = repeated(sentence.flatMap((s) => s.clips), repeat);
    const record: AnnouncementRecord = { ...a, clips, state: 'queued', missing: [], fallback: null, queuedAt: Date.now(), seconds: null, shortened: false };
    this.debug.announcements.push(record);
    if (this.debug.announcements.length > HISTORY_MAX) this.debug.announcements.splice(0, this.debug.announcements.length - HISTORY_MAX);
    this.queue.push({ record, sentence, repeat, blocked: !this.unlocked });
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
        const next = this.queue.shift() as Waiting;
        next.record.state = 'playing';
        await this.play(next);
        next.record.state = 'done';
      }
    } finally {
      this.running = false;
    }
  }

  private async play({ record, sentence, repeat }: Waiting): Promise<void> {
    const load = (clip: string) => this.loader.load(clip);
    const [chime, spoken] = await Promise.all([load(CHIME), speakable(sentence, load)]);
    record.missing = chime ? spoken.missing : [CHIME, ...spoken.missing];
    record.fallback = spoken.fallback;
    if (spoken.fallback) {
      const how = spoken.fallback === 'digits' ? 'number read digit by digit' : 'number not spoken, chime only';
      console.warn(`Voice: ${record.ticketNumber} → counter ${record.counterNumber}: missing ${spoken.missing.join(', ')}; ${how}`);
    }
    // Decided once loaded, so a call that arrived meanwhile counts as waiting.
    record.shortened = this.queue.length > 0 && repeatCount(repeat) > 1 && spoken.buffers.length > 0;
    const times = record.shortened ? 1 : repeatCount(repeat);
    let at = this.ctx.currentTime + 0.05;
    const schedule = (buffer: AudioBuffer) => {
      const source = this.ctx.createBufferSource();
      source.buffer = buffer;
      source.connect(this.ctx.destination);
      source.start(at);
      at += buffer.duration;
    };
    if (chime) schedule(chime);
    for (let i = 0; i < times && spoken.buffers.length > 0; i++) {
      if (i > 0) at += PAUSE_SECONDS;
      spoken.buffers.forEach(schedule);
    }
    const seconds = Math.max(0, at - this.ctx.currentTime);
    record.seconds = Math.round(seconds * 100) / 100;
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }
}
