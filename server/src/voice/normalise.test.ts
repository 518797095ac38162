import { describe, expect, it } from 'vitest';
import { integratedLoudness, samplePeakDb } from './loudness';
import { CLIP_RATE, EDGE_PAD_MS, gainWithLimit, normaliseClip, PEAK_CEILING_DB, resample, TARGET_LUFS, trimSilence } from './normalise';
import { encodeWav, parseWav, type WavError } from './wav-codec';

const tone = (rate: number, seconds: number, dbfs: number, freq = 440) =>
  Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => 10 ** (dbfs / 20) * Math.sin((2 * Math.PI * freq * i) / rate));
/** A "word": a tone with silence (and a little noise) around it. */
const word = (rate: number, dbfs: number, before = 0.3, after = 0.5) => {
  const body = tone(rate, 0.4, dbfs);
  const out = new Float32Array(Math.round(rate * (before + after)) + body.length);
  for (let i = 0; i < out.length; i++) out[i] = (Math.random() - 0.5) * 0.0004;
  out.set(body, Math.round(rate * before));
  return out;
};

function wavBytes(rate: number, channels: number[][], format: 'pcm16' | 'float32' | 'pcm24'): Buffer {
  const bits = format === 'pcm16' ? 16 : format === 'pcm24' ? 24 : 32;
  const frames = channels[0]!.length;
  const data = Buffer.alloc(frames * channels.length * (bits / 8));
  let o = 0;
  for (let i = 0; i < frames; i++) {
    for (const ch of channels) {
      const v = ch[i]!;
      if (format === 'float32') data.writeFloatLE(v, o);
      else if (format === 'pcm16') data.writeInt16LE(Math.round(v * 32767), o);
      else data.writeIntLE(Math.round(v * 8388607), o, 3);
      o += bits / 8;
    }
  }
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVEfmt ', 8, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(format === 'float32' ? 3 : 1, 20);
  h.writeUInt16LE(channels.length, 22);
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE((rate * channels.length * bits) / 8, 28);
  h.writeUInt16LE((channels.length * bits) / 8, 32);
  h.writeUInt16LE(bits, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

describe('WAV reading and writing', () => {
  it('reads PCM16, PCM24 and float32, stereo mixed down to mono, and writes PCM16 that reads back the same', () => {
    const left = [0, 0.5, -0.5, 0.25];
    const right = [0, 0.5, -0.5, -0.25];
    for (const format of ['pcm16', 'pcm24', 'float32'] as const) {
      const a = parseWav(wavBytes(44100, [left, right], format));
      expect(a.sampleRate).toBe(44100);
      expect(Array.from(a.samples).map((v) => Math.round(v * 1000) / 1000)).toEqual([0, 0.5, -0.5, 0]);
    }
    const back = parseWav(encodeWav({ sampleRate: 22050, samples: Float32Array.from([0, 0.5, -0.5]) }));
    expect(back.sampleRate).toBe(22050);
    expect(Array.from(back.samples).map((v) => Math.round(v * 100) / 100)).toEqual([0, 0.5, -0.5]);
  });

  it('refuses what is not a WAV it can read, with a reason', () => {
    const reason = (b: Buffer) => {
      try {
        parseWav(b);
        return 'read';
      } catch (e) {
        return (e as WavError).reason;
      }
    };
    expect(reason(Buffer.from('OggS\0\0\0\0\0\0\0\0\0\0'))).toBe('not_wav');
    const alaw = wavBytes(8000, [[0, 0.1]], 'pcm16');
    alaw.writeUInt16LE(6, 20);
    expect(reason(alaw)).toBe('unsupported_format');
    expect(reason(wavBytes(8000, [[0, 0.1]], 'pcm16').subarray(0, 36))).toBe('no_data');
    const slow = wavBytes(8000, [[0, 0.1]], 'pcm16');
    slow.writeUInt32LE(100, 24);
    expect(reason(slow)).toBe('bad_rate');
  });
});

describe('normalising a clip', () => {
  it('brings quiet and loud words, at any rate, to the target within 0.5 LU and their peak under the ceiling', () => {
    const results = [
      normaliseClip({ sampleRate: 48000, samples: word(48000, -40) }),
      normaliseClip({ sampleRate: 44100, samples: word(44100, -6) }),
      normaliseClip({ sampleRate: 22050, samples: word(22050, -20) }),
    ];
    for (const r of results) {
      expect(r!.audio.sampleRate).toBe(CLIP_RATE);
      expect(Math.abs(r!.figures.lufs - TARGET_LUFS)).toBeLessThan(0.5);
      expect(r!.figures.peakDb).toBeLessThanOrEqual(PEAK_CEILING_DB + 0.01);
    }
    const spread = Math.max(...results.map((r) => r!.figures.lufs)) - Math.min(...results.map((r) => r!.figures.lufs));
    expect(spread).toBeLessThan(0.5);
  });

  it('trims the silence around a word to the same pad on each side', () => {
    const t = trimSilence({ sampleRate: 22050, samples: word(22050, -20, 0.7, 0.2) })!;
    const pad = Math.round((22050 * EDGE_PAD_MS) / 1000);
    expect(t.samples.length).toBeGreaterThan(pad * 2 + 0.39 * 22050);
    expect(t.samples.length).toBeLessThan(pad * 2 + 0.42 * 22050);
    expect(Math.max(...Array.from(t.samples.subarray(0, pad), Math.abs))).toBe(0);
    expect(Math.abs(t.samples[pad]!)).toBeLessThan(0.01); // faded in, no click
    expect(trimSilence({ sampleRate: 22050, samples: new Float32Array(22050) })).toBeNull();
  });

  it('a word recorded far from the phone (−55 dBFS) keeps its whole length, and still reaches the target', () => {
    const t = trimSilence({ sampleRate: 22050, samples: word(22050, -55) })!;
    const pad = Math.round((22050 * EDGE_PAD_MS) / 1000);
    expect(t.samples.length).toBeGreaterThan(pad * 2 + 0.39 * 22050);
    expect(Math.abs(normaliseClip({ sampleRate: 22050, samples: word(22050, -55) })!.figures.lufs - TARGET_LUFS)).toBeLessThan(0.5);
  });

  it('a peaky clip is limited, not clipped: the ceiling holds and the loudness still reaches the target', () => {
    const s = word(22050, -30);
    for (let i = 0; i < 110; i++) s[Math.round(22050 * 0.5) + i] = 0.9 * Math.sin((Math.PI * i) / 110); // a 5 ms bump (a plosive)
    const r = normaliseClip({ sampleRate: 22050, samples: s })!;
    expect(r.figures.gainDb).toBeGreaterThan(7); // without the limiter the bump would reach +6 dBFS
    expect(r.figures.peakDb).toBeLessThanOrEqual(PEAK_CEILING_DB + 0.01);
    expect(Math.abs(r.figures.lufs - TARGET_LUFS)).toBeLessThan(0.5);
  });

  it('gainWithLimit never passes the ceiling and leaves quiet samples untouched', () => {
    const s = Float32Array.from([0.1, 0.1, 0.9, 0.1, 0.1]);
    const out = gainWithLimit(s, 1000, 2, -1);
    expect(Math.max(...Array.from(out))).toBeLessThanOrEqual(10 ** (-1 / 20) + 1e-6);
    expect(samplePeakDb(gainWithLimit(tone(22050, 0.5, -30), 22050, 2))).toBeCloseTo(-30 + 6.02, 1);
  });

  it('resampling 48 kHz → 22.05 kHz keeps a 1 kHz tone level and removes a 15 kHz one (no aliasing)', () => {
    const keep = resample({ sampleRate: 48000, samples: tone(48000, 1, -10, 1000) }, 22050);
    expect(keep.samples.length).toBe(22050);
    expect(integratedLoudness([keep.samples.subarray(500, -500)], 22050)).toBeCloseTo(integratedLoudness([tone(22050, 1, -10, 1000)], 22050), 0);
    const alias = resample({ sampleRate: 48000, samples: tone(48000, 1, -10, 15000) }, 22050);
    expect(samplePeakDb(alias.samples.subarray(500, -500))).toBeLessThan(-50);
  });

  it('a silent recording gives null', () => {
    expect(normaliseClip({ sampleRate: 22050, samples: new Float32Array(22050) })).toBeNull();
  });
});
