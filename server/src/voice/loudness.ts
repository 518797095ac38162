// Integrated loudness after ITU-R BS.1770-4 / EBU R128: K-weighting, 400 ms blocks overlapping by 75 %,
// an absolute gate at −70 LUFS and a relative gate 10 LU below the loudness of the blocks above it.

const ABSOLUTE_GATE = -70;
const RELATIVE_GATE = -10;

interface Biquad {
  b: [number, number, number];
  a: [number, number];
}

/**
 * The two K-weighting stages for any sample rate (BS.1770 gives them for 48 kHz; these are the analogue prototypes
 * libebur128 and pyloudnorm derive them from, so 48 kHz gives the standard's coefficients).
 */
export function kWeighting(sampleRate: number): [Biquad, Biquad] {
  let K = Math.tan((Math.PI * 1681.974450955533) / sampleRate);
  const Q1 = 0.7071752369554196;
  const Vh = 10 ** (3.999843853973347 / 20);
  const Vb = Vh ** 0.4996667741545416;
  let a0 = 1 + K / Q1 + K * K;
  const shelf: Biquad = {
    b: [(Vh + (Vb * K) / Q1 + K * K) / a0, (2 * (K * K - Vh)) / a0, (Vh - (Vb * K) / Q1 + K * K) / a0],
    a: [(2 * (K * K - 1)) / a0, (1 - K / Q1 + K * K) / a0],
  };
  K = Math.tan((Math.PI * 38.13547087602444) / sampleRate);
  const Q2 = 0.5003270373238773;
  a0 = 1 + K / Q2 + K * K;
  const highPass: Biquad = { b: [1, -2, 1], a: [(2 * (K * K - 1)) / a0, (1 - K / Q2 + K * K) / a0] };
  return [shelf, highPass];
}

function filter(x: Float32Array | Float64Array, { b, a }: Biquad): Float64Array {
  const y = new Float64Array(x.length);
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  for (let i = 0; i < x.length; i++) {
    const x0 = x[i] ?? 0;
    const y0 = b[0] * x0 + b[1] * x1 + b[2] * x2 - a[0] * y1 - a[1] * y2;
    y[i] = y0;
    x2 = x1;
    x1 = x0;
    y2 = y1;
    y1 = y0;
  }
  return y;
}

const lufs = (meanSquare: number) => -0.691 + 10 * Math.log10(meanSquare);

/**
 * Integrated loudness in LUFS of one or more channels at one sample rate (each channel weighted 1: left, right,
 * centre, or a mono clip as one channel). −Infinity for silence. A clip shorter than one 400 ms block (a single word)
 * is measured as one block of its whole length, so every clip of a pack gets a figure.
 */
export function integratedLoudness(channels: (Float32Array | Float64Array)[], sampleRate: number): number {
  const length = Math.min(...channels.map((c) => c.length));
  if (!channels.length || length === 0) return -Infinity;
  const weighted = channels.map((c) => kWeighting(sampleRate).reduce<Float64Array | Float32Array>((x, stage) => filter(x, stage), c));
  // Prefix sums of the squares make every block's mean square O(1).
  const energy = new Float64Array(length + 1);
  for (let i = 0; i < length; i++) {
    let e = 0;
    for (const w of weighted) e += (w[i] ?? 0) ** 2;
    energy[i + 1] = (energy[i] ?? 0) + e;
  }
  const block = Math.round(sampleRate * 0.4);
  const step = Math.round(sampleRate * 0.1);
  const blocks: number[] = [];
  if (length < block) blocks.push((energy[length] ?? 0) / length);
  else for (let start = 0; start + block <= length; start += step) blocks.push(((energy[start + block] ?? 0) - (energy[start] ?? 0)) / block);
  const aboveAbsolute = blocks.filter((z) => lufs(z) > ABSOLUTE_GATE);
  if (!aboveAbsolute.length) return -Infinity;
  const relative = lufs(mean(aboveAbsolute)) + RELATIVE_GATE;
  const gated = aboveAbsolute.filter((z) => lufs(z) > relative);
  return lufs(mean(gated));
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** The largest absolute sample, in dBFS (−Infinity for silence). */
export function samplePeakDb(samples: Float32Array): number {
  let peak = 0;
  for (const s of samples) peak = Math.max(peak, Math.abs(s));
  return 20 * Math.log10(peak);
}

/** RMS level in dBFS, as sox's `stats` reports it ("RMS lev dB"), for cross-checks. */
export function rmsDb(samples: Float32Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return 10 * Math.log10(sum / Math.max(1, samples.length));
}
