import { integratedLoudness, samplePeakDb } from './loudness';
import type { Audio } from './wav-codec';

/**
 * The loudness every clip is brought to. −18 LUFS rather than broadcast's −23: these are single words played
 * through a TV's small speakers into a noisy hall, with no programme around them to keep dynamic range for; speech
 * peaks sit 10–15 dB above its loudness, so −18 leaves them under the −1 dBFS ceiling with little or no limiting
 * (−16, the podcast target, makes the limiter work on most words).
 */
export const TARGET_LUFS = -18;
/** The sample peak no clip goes above after its gain. */
export const PEAK_CEILING_DB = -1;
/** Every clip is stored at this rate: the default pack's (espeak-ng's) rate; speech needs nothing above 11 kHz. */
export const CLIP_RATE = 22050;
/** Silence kept before and after each word: the gap between two words is twice this, the same everywhere. */
export const EDGE_PAD_MS = 25;

export interface ClipFigures {
  /** Integrated loudness after normalising (LUFS). */
  lufs: number;
  /** Sample peak after normalising (dBFS). */
  peakDb: number;
  /** The loudness as received, before any change (LUFS). */
  inputLufs: number;
  /** The gain applied (dB), before the limiter. */
  gainDb: number;
  seconds: number;
}

const dbToGain = (db: number) => 10 ** (db / 20);

/**
 * Cuts the silence (or room noise) before the first and after the last sound, keeping `padMs` on each side with
 * raised-cosine fades so a clip never starts or stops with a click. Sound is a 10 ms frame within 35 dB of the loudest
 * and 8 dB above the room's noise (the 10th percentile of the frames), whatever the recording's level: a phone held
 * far away still keeps its whole word. Null when nothing is louder than −70 dBFS (a silent recording).
 */
export function trimSilence({ sampleRate, samples }: Audio, { padMs = EDGE_PAD_MS, fadeMs = 8 } = {}): Audio | null {
  const frame = Math.max(1, Math.round(sampleRate / 100));
  const levels: number[] = [];
  for (let start = 0; start < samples.length; start += frame) {
    let sum = 0;
    const end = Math.min(samples.length, start + frame);
    for (let i = start; i < end; i++) sum += (samples[i] ?? 0) ** 2;
    levels.push(10 * Math.log10(sum / (end - start) + 1e-20));
  }
  const loudest = Math.max(...levels);
  if (!(loudest > -70)) return null;
  const noise = [...levels].sort((a, b) => a - b)[Math.floor(levels.length / 10)] ?? -Infinity;
  const threshold = Math.min(loudest - 6, Math.max(loudest - 35, noise + 8));
  const first = levels.findIndex((l) => l > threshold);
  if (first < 0) return null;
  let last = levels.length - 1;
  while (last > first && (levels[last] ?? -Infinity) <= threshold) last--;
  const pad = Math.round((sampleRate * padMs) / 1000);
  const soundStart = first * frame;
  const soundEnd = Math.min(samples.length, (last + 1) * frame);
  // The pad is silence added, not the room noise around the word, so every gap between words is the same.
  const fade = Math.min(Math.round((sampleRate * fadeMs) / 1000), Math.floor((soundEnd - soundStart) / 2));
  const out = new Float32Array(pad + (soundEnd - soundStart) + pad);
  out.set(samples.subarray(soundStart, soundEnd), pad);
  fadeEdges(out.subarray(pad, pad + soundEnd - soundStart), fade);
  return { sampleRate, samples: out };
}

/** Raised-cosine fade in and out over `n` samples at each end, in place. */
export function fadeEdges(samples: Float32Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const k = 0.5 - 0.5 * Math.cos((Math.PI * i) / n);
    samples[i] = (samples[i] ?? 0) * k;
    const j = samples.length - 1 - i;
    samples[j] = (samples[j] ?? 0) * k;
  }
}

/**
 * Band-limited resampling with a Blackman-windowed sinc (16 zero crossings each side), cut off below the lower of
 * the two Nyquist frequencies so going down from 48 kHz does not fold hiss into the speech band.
 */
export function resample({ sampleRate, samples }: Audio, rate: number): Audio {
  if (sampleRate === rate) return { sampleRate, samples: samples.slice() };
  const ratio = rate / sampleRate;
  const cutoff = Math.min(1, ratio) * 0.95;
  const half = 16 / cutoff;
  const out = new Float32Array(Math.max(1, Math.round(samples.length * ratio)));
  for (let j = 0; j < out.length; j++) {
    const centre = j / ratio;
    const from = Math.max(0, Math.ceil(centre - half));
    const to = Math.min(samples.length - 1, Math.floor(centre + half));
    let sum = 0;
    for (let i = from; i <= to; i++) {
      const t = i - centre;
      const x = Math.PI * t * cutoff;
      const sinc = t === 0 ? 1 : Math.sin(x) / x;
      const w = 0.42 + 0.5 * Math.cos((Math.PI * t) / half) + 0.08 * Math.cos((2 * Math.PI * t) / half);
      sum += (samples[i] ?? 0) * sinc * w;
    }
    out[j] = sum * cutoff;
  }
  return { sampleRate: rate, samples: out };
}

/**
 * Multiplies by `gain` and keeps every sample under `ceilingDb` with a smooth gain envelope (5 ms look-ahead and
 * release) instead of clipping: only the few loudest syllables are turned down, by no more than they need.
 */
export function gainWithLimit(samples: Float32Array, sampleRate: number, gain: number, ceilingDb = PEAK_CEILING_DB): Float32Array {
  const ceiling = dbToGain(ceilingDb);
  const need = Float32Array.from(samples, (s) => Math.min(1, ceiling / Math.max(1e-9, Math.abs(s * gain))));
  const w = Math.max(1, Math.round(sampleRate * 0.005));
  // Min over ±w, then a moving average over w+1: the average of values each ≤ need[i] stays ≤ need[i].
  const held = new Float32Array(need.length);
  for (let i = 0; i < need.length; i++) {
    let m = 1;
    for (let k = Math.max(0, i - w); k <= Math.min(need.length - 1, i + w); k++) m = Math.min(m, need[k] ?? 1);
    held[i] = m;
  }
  const half = Math.floor(w / 2);
  const out = new Float32Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    let sum = 0;
    let n = 0;
    for (let k = Math.max(0, i - half); k <= Math.min(held.length - 1, i + half); k++, n++) sum += held[k] ?? 1;
    out[i] = Math.max(-ceiling, Math.min(ceiling, (samples[i] ?? 0) * gain * (sum / n)));
  }
  return out;
}

/**
 * A clip as the packs store it: mono at CLIP_RATE, silence trimmed to even pads, at TARGET_LUFS with its peak
 * under PEAK_CEILING_DB. The limiter takes a little loudness from peaky words, so the gain is corrected (up to three
 * times) until the result is within 0.1 LU of the target. Null when the clip holds no sound.
 */
export function normaliseClip(input: Audio, { targetLufs = TARGET_LUFS, ceilingDb = PEAK_CEILING_DB, trim = true } = {}): { audio: Audio; figures: ClipFigures } | null {
  const inputLufs = integratedLoudness([input.samples], input.sampleRate);
  const resampled = resample(input, CLIP_RATE);
  const trimmed = trim ? trimSilence(resampled) : resampled;
  if (!trimmed) return null;
  const measured = integratedLoudness([trimmed.samples], CLIP_RATE);
  if (!Number.isFinite(measured)) return null;
  const gainDb = targetLufs - measured;
  let gain = dbToGain(gainDb);
  let out = gainWithLimit(trimmed.samples, CLIP_RATE, gain, ceilingDb);
  for (let i = 0; i < 3; i++) {
    const miss = targetLufs - integratedLoudness([out], CLIP_RATE);
    if (Math.abs(miss) < 0.1) break;
    gain *= dbToGain(miss);
    out = gainWithLimit(trimmed.samples, CLIP_RATE, gain, ceilingDb);
  }
  const audio = { sampleRate: CLIP_RATE, samples: out };
  return {
    audio,
    figures: { lufs: integratedLoudness([out], CLIP_RATE), peakDb: samplePeakDb(out), inputLufs, gainDb, seconds: out.length / CLIP_RATE },
  };
}
