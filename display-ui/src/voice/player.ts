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
  /** Why it was skipped: it waited too long while sound was blocked, or a newer call at its counter replaced it. */
  skippedBecause?: 'stale' | 'superseded';
  /** Clips that could not be loaded (left out, or see `fallback`). */
  missing: string[];
  /** `digits`: a number missing a clip was read digit by digit; `chime`: it could not be said, only the chime played. */
  fallback: 'digits' | 'chime' | null;
  /** How long it plays, known once its clips are decoded and scheduled. */
  seconds: number | null;
  /** Not said `repeat` times in full because more calls were waiting (see `form`). */
  shortened: boolean;
  /** `full`: chime and the manager's sentence; `brief`: only the number and the counter, said once (a rush). */
  form: 'full' | 'brief' | null;
  /** Seconds on the audio clock from the call reaching the display to its first sound. */
  lag: number | null;
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
/** Silence between two brief calls in a rush, so the ear tells them apart. */
const BRIEF_GAP_SECONDS = 0.45;
/** The next sound is decided this long before the current one ends: late enough to know who waits, early enough to join without a gap. */
const LEAD_SECONDS = 0.3;
/** A brief call that has already waited this long, or with two more behind it, reads its number digit by digit: the shortest way. */
const DIGITS_AFTER_SECONDS = 5;
/** A call that waited this long while sound was blocked is not said when sound comes back: the citizen has gone. */
const STALE_MS = 120_000;

export interface Call {
  key: string;
  ticketNumber: string;
  counterNumber: number;
  recall: boolean;
  /** The manager's sentence. */
  sentence: Segment[];
  /** The number and the counter only ("… quầy …"), in the display's reading, then digit by digit. */
  brief: Segment[];
  briefDigits: Segment[];
  repeat: number;
}

interface Waiting {
  record: AnnouncementRecord;
  call: Call;
  /** `currentTime` of the audio clock when it was queued. */
  queuedAudio: number;
  /** Sound was blocked at some time while it waited. */
  blocked: boolean;
}

export interface PlayerOptions {
  /** Base address of the voice pack, e.g. `/display/voice/default/`. */
  packUrl: string;
  onUnlockedChange: (unlocked: boolean) => void;
  /** A call was started or skipped: it will not be said again (the display remembers it across reloads). */
  onHandled?: (key: string) => void;
}

/**
 * Plays announcements one after another, in the order they were queued, scheduled sample-accurately on the Web
 * Audio clock: no overlaps, and a second call waits for the first. A call alone gets the chime and the manager's
 * sentence `repeat` times. In a rush it never falls far behind the screen (docs/voice.md, "Bursts"):
 * - the repeat is dropped as soon as another call waits;
 * - a call with others waiting is said briefly, the number and the counter only, straight after the one before
 *   (no chime between), and digit by digit once the rush is deep;
 * - a waiting call is replaced by a newer call at the same counter (that counter no longer calls it).
 */
export class AnnouncementPlayer {
  private readonly ctx: AudioContext;
  private readonly loader: ClipLoader<AudioBuffer>;
  private readonly queue: Waiting[] = [];
  private readonly debug: AudioDebug = { announcements: [], unlocked: false };
  private running = false;
  private closed = false;
  /** When the last scheduled sound ends, on the audio clock. */
  private endsAt = -Infinity;

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

  enqueue(call: Call): void {
    const { key, ticketNumber, counterNumber, recall } = call;
    const clips = repeated(call.sentence.flatMap((s) => s.clips), call.repeat);
    const record: AnnouncementRecord = {
      key, ticketNumber, counterNumber, recall, clips, state: 'queued', missing: [], fallback: null, queuedAt: Date.now(),
      seconds: null, shortened: false, form: null, lag: null,
    };
    this.debug.announcements.push(record);
    if (this.debug.announcements.length > HISTORY_MAX) this.debug.announcements.splice(0, this.debug.announcements.length - HISTORY_MAX);
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i]!.call.counterNumber === counterNumber) this.skip(this.queue.splice(i, 1)[0]!, 'superseded');
    }
    this.queue.push({ record, call, queuedAudio: this.ctx.currentTime, blocked: !this.unlocked });
    // While blocked nothing drains the queue: drop the stale calls here so it stays bounded.
    if (!this.unlocked) this.dropStale();
    void this.drain();
  }

  close(): void {
    this.closed = true;
    this.queue.length = 0;
    void this.ctx.close();
  }

  private skip(w: Waiting, because: 'stale' | 'superseded') {
    w.record.state = 'skipped';
    w.record.skippedBecause = because;
    this.opts.onHandled?.(w.record.key);
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
      this.skip(w, 'stale');
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
        this.opts.onHandled?.(next.record.key);
        await this.play(next);
        next.record.state = 'done';
      }
    } finally {
      this.running = false;
    }
  }

  /** Resolves at `at` on the audio clock, minus the lead. */
  private until(at: number): Promise<void> {
    const ms = Math.max(0, (at - LEAD_SECONDS - this.ctx.currentTime) * 1000);
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  private async play({ record, call, queuedAudio }: Waiting): Promise<void> {
    const load = (clip: string) => this.loader.load(clip);
    const [chime, full, brief, briefDigits] = await Promise.all([
      load(CHIME), speakable(call.sentence, load), speakable(call.brief, load), speakable(call.briefDigits, load),
    ]);
    // Decided once loaded, so a call that arrived meanwhile counts as waiting.
    const rush = this.queue.length > 0;
    const now = this.ctx.currentTime;
    const quiet = now + 0.05 > this.endsAt + 1;
    const digits = this.queue.length >= 2 || now - queuedAudio > DIGITS_AFTER_SECONDS;
    const spoken = !rush ? full : digits && briefDigits.fallback !== 'chime' ? briefDigits : brief;
    record.form = rush ? 'brief' : 'full';
    record.missing = chime ? spoken.missing : [CHIME, ...spoken.missing];
    record.fallback = spoken.fallback;
    if (spoken.fallback) {
      const how = spoken.fallback === 'digits' ? 'number read digit by digit' : 'number not spoken, chime only';
      console.warn(`Voice: ${record.ticketNumber} → counter ${record.counterNumber}: missing ${spoken.missing.join(', ')}; ${how}`);
    }
    let at = Math.max(now + 0.05, this.endsAt + (rush ? BRIEF_GAP_SECONDS : PAUSE_SECONDS));
    const start = at;
    const schedule = (buffer: AudioBuffer) => {
      const source = this.ctx.createBufferSource();
      source.buffer = buffer;
      source.connect(this.ctx.destination);
      source.start(at);
      at += buffer.duration;
    };
    // In a rush the chime only opens it, after a silence; a call that cannot be said still gets its chime.
    if (chime && (!rush || quiet || spoken.buffers.length === 0)) schedule(chime);
    spoken.buffers.forEach(schedule);
    record.lag = Math.round((start - queuedAudio) * 100) / 100;
    record.seconds = Math.round((at - start) * 100) / 100;
    const times = rush || spoken.buffers.length === 0 ? 1 : repeatCount(call.repeat);
    record.shortened = rush && repeatCount(call.repeat) > 1;
    for (let i = 1; i < times; i++) {
      this.endsAt = at;
      await this.until(at);
      // The repeat is dropped as soon as another call waits.
      if (this.queue.length > 0 || this.closed) {
        record.shortened = true;
        break;
      }
      at = Math.max(at, this.ctx.currentTime + 0.05) + PAUSE_SECONDS;
      spoken.buffers.forEach(schedule);
    }
    this.endsAt = at;
    record.seconds = Math.round((at - start) * 100) / 100;
    await this.until(at);
  }
}
