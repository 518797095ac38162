import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chime, clickLevelDb } from '../../../scripts/voice-pack/chime';
import { integratedLoudness, samplePeakDb } from './loudness';
import { CLIP_RATE, EDGE_PAD_MS, PEAK_CEILING_DB, TARGET_LUFS } from './normalise';
import { parseWav } from './wav-codec';

const dir = fileURLToPath(new URL('../../../display-ui/public/voice/default/', import.meta.url));
const clips = readdirSync(dir)
  .filter((f) => f.endsWith('.wav'))
  .map((file) => ({ file, ...parseWav(readFileSync(dir + file)) }));

describe('the default voice pack as built (scripts/voice-pack/generate.ts)', () => {
  it('every clip is at the target loudness: spread across the pack ≤ 2 LU (it was 14), peaks under the ceiling, one rate', () => {
    const lufs = clips.map((c) => integratedLoudness([c.samples], c.sampleRate));
    expect(clips.length).toBeGreaterThan(70);
    expect(Math.max(...lufs) - Math.min(...lufs)).toBeLessThanOrEqual(2);
    for (const l of lufs) expect(Math.abs(l - TARGET_LUFS)).toBeLessThan(1);
    for (const c of clips) {
      expect(c.sampleRate).toBe(CLIP_RATE);
      expect(samplePeakDb(c.samples)).toBeLessThanOrEqual(PEAK_CEILING_DB + 0.05);
    }
  });

  it('every word starts and ends with the same short silence, so the gaps between words are even', () => {
    const pad = Math.round((CLIP_RATE * EDGE_PAD_MS) / 1000);
    for (const c of clips.filter((x) => x.file !== 'chime.wav')) {
      const edges = [...c.samples.subarray(0, pad - 1), ...c.samples.subarray(c.samples.length - pad + 1)];
      expect(Math.max(...edges.map(Math.abs)), c.file).toBeLessThan(1 / 32767 + 1e-6);
      expect(Math.abs(c.samples[pad + 2] ?? 1), c.file).toBeLessThan(0.05);
    }
  });

  it('the chime has no click: nothing above 5 kHz within 50 dB of its peak (the old one, cut between its notes: −36 dB)', () => {
    const built = clips.find((c) => c.file === 'chime.wav')!;
    expect(clickLevelDb(built.samples, built.sampleRate)).toBeLessThan(-50);
    expect(clickLevelDb(chime().samples, 22050)).toBeLessThan(-50);
    const cut = chime().samples;
    cut.fill(0, 8000, 8100); // a gap cut into a ringing note is a click
    expect(clickLevelDb(cut, 22050)).toBeGreaterThan(-40);
  });
});
