import { fadeEdges } from '../../server/src/voice/normalise';
import type { Audio } from '../../server/src/voice/wav-codec';

/**
 * The two-tone "ding-dong" before every announcement. Each note swells in over 15 ms and dies away smoothly; the
 * second starts while the first still rings, so nothing jumps where the tone changes, and the end fades to zero.
 * Its level is set afterwards, by the same normaliser as the words.
 */
export function chime(sampleRate = 22050): Audio {
  const seconds = 1.6;
  const out = new Float32Array(Math.round(sampleRate * seconds));
  const note = (freq: number, start: number, length: number) => {
    const from = Math.round(sampleRate * start);
    const n = Math.min(out.length - from, Math.round(sampleRate * length));
    const attack = Math.round(sampleRate * 0.015);
    const release = Math.round(sampleRate * 0.12);
    for (let i = 0; i < n; i++) {
      const t = i / sampleRate;
      const partials = Math.sin(2 * Math.PI * freq * t) + 0.3 * Math.sin(4 * Math.PI * freq * t) + 0.08 * Math.sin(6 * Math.PI * freq * t);
      const swell = i < attack ? 0.5 - 0.5 * Math.cos((Math.PI * i) / attack) : 1;
      const fade = i > n - release ? 0.5 - 0.5 * Math.cos((Math.PI * (n - i)) / release) : 1;
      out[from + i] = (out[from + i] ?? 0) + 0.4 * partials * Math.exp(-2.6 * t) * swell * fade;
    }
  };
  note(659.25, 0, 0.75);
  note(523.25, 0.5, 1.1);
  fadeEdges(out, Math.round(sampleRate * 0.005));
  return { sampleRate, samples: out };
}

/**
 * How loud the clicks of a clip are: the highest sample above 5 kHz (a 4th-order high-pass), in dB under the clip's
 * peak. The chime's partials stay under 2 kHz, so what passes is a jump in the wave (an edge or a note cut short).
 */
export function clickLevelDb(samples: Float32Array, sampleRate: number): number {
  const w = (2 * Math.PI * 5000) / sampleRate;
  const alpha = Math.sin(w) / (2 * Math.SQRT1_2);
  const a0 = 1 + alpha;
  const b = [(1 + Math.cos(w)) / 2 / a0, -(1 + Math.cos(w)) / a0, (1 + Math.cos(w)) / 2 / a0];
  const a = [(-2 * Math.cos(w)) / a0, (1 - alpha) / a0];
  let x: Float32Array | Float64Array = samples;
  for (let stage = 0; stage < 2; stage++) {
    const y: Float64Array = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) {
      y[i] = b[0]! * (x[i] ?? 0) + b[1]! * (x[i - 1] ?? 0) + b[2]! * (x[i - 2] ?? 0) - a[0]! * (y[i - 1] ?? 0) - a[1]! * (y[i - 2] ?? 0);
    }
    x = y;
  }
  let peak = 0;
  let high = 0;
  for (let i = 0; i < samples.length; i++) {
    peak = Math.max(peak, Math.abs(samples[i] ?? 0));
    high = Math.max(high, Math.abs(x[i] ?? 0));
  }
  return 20 * Math.log10(high / Math.max(1e-9, peak));
}
