import { describe, expect, it } from 'vitest';
import { integratedLoudness, kWeighting, samplePeakDb } from './loudness';

const sine = (rate: number, seconds: number, dbfs: number, freq = 1000) =>
  Float64Array.from({ length: Math.round(rate * seconds) }, (_, i) => 10 ** (dbfs / 20) * Math.sin((2 * Math.PI * freq * i) / rate));
const join = (...parts: Float64Array[]) => {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('integrated loudness (ITU-R BS.1770-4, EBU Tech 3341)', () => {
  it('K-weighting at 48 kHz has the coefficients printed in BS.1770', () => {
    const [shelf, highPass] = kWeighting(48000);
    expect(shelf.b[0]).toBeCloseTo(1.53512485958697, 9);
    expect(shelf.b[1]).toBeCloseTo(-2.69169618940638, 9);
    expect(shelf.b[2]).toBeCloseTo(1.19839281085285, 9);
    expect(shelf.a[0]).toBeCloseTo(-1.69065929318241, 9);
    expect(shelf.a[1]).toBeCloseTo(0.73248077421585, 9);
    expect(highPass.a[0]).toBeCloseTo(-1.99004745483398, 9);
    expect(highPass.a[1]).toBeCloseTo(0.99007225036621, 9);
  });

  it('a 0 dBFS 1 kHz sine in one channel reads −3.01 LUFS (BS.1770), at 48, 44.1 and 22.05 kHz', () => {
    for (const rate of [48000, 44100, 22050]) expect(integratedLoudness([sine(rate, 5, 0)], rate)).toBeCloseTo(-3.01, 1);
  });

  it('a mono 1 kHz sine at −20 dBFS reads −23.0 LUFS within 0.1 LU (within 0.5 LU is the brief)', () => {
    expect(Math.abs(integratedLoudness([sine(22050, 3, -20)], 22050) - -23.01)).toBeLessThan(0.1);
  });

  it('Tech 3341 case 1 and 2: stereo 1 kHz at −23 and −33 dBFS read −23 and −33 LUFS ±0.1', () => {
    const a = sine(48000, 20, -23);
    expect(integratedLoudness([a, a], 48000)).toBeCloseTo(-23, 1);
    const b = sine(48000, 20, -33);
    expect(integratedLoudness([b, b], 48000)).toBeCloseTo(-33, 1);
  });

  it('Tech 3341 case 3: −36/−23/−36 dBFS for 10/60/10 s reads −23 ±0.1 (the relative gate drops the quiet parts)', () => {
    const x = join(sine(48000, 10, -36), sine(48000, 60, -23), sine(48000, 10, -36));
    expect(Math.abs(integratedLoudness([x, x], 48000) - -23)).toBeLessThan(0.1);
  });

  it('Tech 3341 case 4: −72/−36/−23/−36/−72 dBFS for 10/10/60/10/10 s reads −23 ±0.1 (the absolute gate too)', () => {
    const x = join(sine(48000, 10, -72), sine(48000, 10, -36), sine(48000, 60, -23), sine(48000, 10, -36), sine(48000, 10, -72));
    expect(Math.abs(integratedLoudness([x, x], 48000) - -23)).toBeLessThan(0.1);
  });

  it('weights by frequency: 100 Hz reads quieter and 4 kHz louder than 1 kHz at the same level', () => {
    const at = (freq: number) => integratedLoudness([sine(48000, 3, -20, freq)], 48000);
    expect(at(100)).toBeLessThan(at(1000) - 0.5);
    expect(at(4000)).toBeGreaterThan(at(1000) + 2);
  });

  it('measures a clip shorter than one block as one block; silence is −Infinity', () => {
    expect(integratedLoudness([sine(22050, 0.25, -20)], 22050)).toBeCloseTo(-23.0, 0);
    expect(integratedLoudness([new Float64Array(22050)], 22050)).toBe(-Infinity);
    expect(samplePeakDb(Float32Array.from(sine(22050, 0.1, -6)))).toBeCloseTo(-6, 1);
  });
});
