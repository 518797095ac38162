import { announcementSentence, CHIME } from '../../../display-ui/src/voice/announcement';
import { ClipLoader } from '../../../display-ui/src/voice/clip-loader';
import type { ReadingOptions } from '../../../display-ui/src/voice/number-reading';
import { speakable } from '../../../display-ui/src/voice/speakable';

let shared: AudioContext | null = null;
/** One AudioContext for the page (browsers limit how many a page may open). */
export function audioContext(): AudioContext {
  // The studio is used on the admin's own, current browser; the old TV sticks never open it.
  // eslint-disable-next-line compat/compat
  shared ??= new AudioContext();
  if (shared.state === 'suspended') void shared.resume();
  return shared;
}

/** A recording decoded by the browser (webm/opus from the microphone, m4a/mp3/ogg/wav from a phone) as mono 16-bit WAV. */
export function wavOf(buffer: AudioBuffer): Blob {
  const n = buffer.length;
  const mono = new Float32Array(n);
  for (let ch = 0; ch < buffer.numberOfChannels; ch++) {
    const data = buffer.getChannelData(ch);
    for (let i = 0; i < n; i++) mono[i] = (mono[i] ?? 0) + (data[i] ?? 0) / buffer.numberOfChannels;
  }
  const out = new DataView(new ArrayBuffer(44 + n * 2));
  const text = (at: number, s: string) => [...s].forEach((c, i) => out.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  out.setUint32(4, 36 + n * 2, true);
  text(8, 'WAVEfmt ');
  out.setUint32(16, 16, true);
  out.setUint16(20, 1, true);
  out.setUint16(22, 1, true);
  out.setUint32(24, buffer.sampleRate, true);
  out.setUint32(28, buffer.sampleRate * 2, true);
  out.setUint16(32, 2, true);
  out.setUint16(34, 16, true);
  text(36, 'data');
  out.setUint32(40, n * 2, true);
  for (let i = 0; i < n; i++) out.setInt16(44 + i * 2, Math.max(-32768, Math.min(32767, Math.round((mono[i] ?? 0) * 32767))), true);
  return new Blob([out.buffer], { type: 'audio/wav' });
}

/** Decodes any audio file the browser can play; null when it cannot (not audio, or a format it lacks). */
export async function decodeFile(file: Blob): Promise<AudioBuffer | null> {
  try {
    return await audioContext().decodeAudioData(await file.arrayBuffer());
  } catch {
    return null;
  }
}

/** The microphone works only in a secure context: https, or http://localhost on the server PC. */
export const microphoneAvailable = () => window.isSecureContext && !!navigator.mediaDevices?.getUserMedia && typeof MediaRecorder !== 'undefined';

export interface Recording {
  /** Stops and gives the recording decoded (null if the browser recorded nothing it can decode). */
  stop: () => Promise<AudioBuffer | null>;
  cancel: () => void;
}

/** Starts recording from the microphone; `onLevel` gets the input's peak (0–1) about 30 times a second. */
export async function startRecording(onLevel: (peak: number) => void): Promise<Recording> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, autoGainControl: false, noiseSuppression: true } });
  const ctx = audioContext();
  const source = ctx.createMediaStreamSource(stream);
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 1024;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  let running = true;
  const meter = () => {
    if (!running) return;
    analyser.getFloatTimeDomainData(samples);
    let peak = 0;
    for (const s of samples) peak = Math.max(peak, Math.abs(s));
    onLevel(peak);
    setTimeout(meter, 33);
  };
  meter();
  // eslint-disable-next-line compat/compat
  const recorder = new MediaRecorder(stream);
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => chunks.push(e.data);
  recorder.start();
  const end = () => {
    running = false;
    source.disconnect();
    for (const t of stream.getTracks()) t.stop();
    onLevel(0);
  };
  return {
    stop: () =>
      new Promise((resolve) => {
        recorder.onstop = () => {
          end();
          void decodeFile(new Blob(chunks, { type: recorder.mimeType })).then(resolve);
        };
        recorder.stop();
      }),
    cancel: () => {
      if (recorder.state !== 'inactive') recorder.stop();
      end();
    },
  };
}

const packUrl = (packId: number | null) => `/display/voice/pack/${packId ?? 0}/`;
const loaders = new Map<string, ClipLoader<AudioBuffer>>();
/** Drops what the preview has loaded of a pack (after a clip was recorded again). */
export const forgetPack = (packId: number | null) => loaders.delete(packUrl(packId));
function loaderOf(packId: number | null): ClipLoader<AudioBuffer> {
  const url = packUrl(packId);
  let l = loaders.get(url);
  if (!l) {
    l = new ClipLoader(url, (bytes) => audioContext().decodeAudioData(bytes));
    loaders.set(url, l);
  }
  return l;
}

/** Plays buffers back to back from now; resolves when the last has ended. */
function playInOrder(buffers: AudioBuffer[]): Promise<void> {
  const ctx = audioContext();
  let at = ctx.currentTime + 0.05;
  for (const b of buffers) {
    const s = ctx.createBufferSource();
    s.buffer = b;
    s.connect(ctx.destination);
    s.start(at);
    at += b.duration;
  }
  return new Promise((resolve) => setTimeout(resolve, (at - ctx.currentTime) * 1000));
}

/** Plays one clip of a pack (the default pack's where the pack has none). */
export async function playClip(packId: number | null, clip: string): Promise<boolean> {
  const b = await loaderOf(packId).load(clip);
  if (b) await playInOrder([b]);
  return !!b;
}

export interface PreviewResult {
  clips: string[];
  missing: string[];
  fallback: 'digits' | 'chime' | null;
}

/**
 * Says a full call the way the hall will with this pack: the chime and the sentence once, each clip from the pack or
 * else the default pack, a number missing a word read digit by digit or not at all (the display's own rules).
 */
export async function previewCall(packId: number | null, call: { ticketNumber: string; counterNumber: number; template: string; reading: ReadingOptions }): Promise<PreviewResult> {
  const load = (clip: string) => loaderOf(packId).load(clip);
  const sentence = announcementSentence(call);
  const [chime, spoken] = await Promise.all([load(CHIME), speakable(sentence, load)]);
  await playInOrder([...(chime ? [chime] : []), ...spoken.buffers]);
  return { clips: [CHIME, ...sentence.flatMap((s) => s.clips)], missing: spoken.missing, fallback: spoken.fallback };
}
