// A mergeable histogram of durations (wait and service times) for the median and p90 of reports built from rollups
// (docs/figures.md): fixed log-linear bins, so two sketches merge (and a value is taken out again) by adding counts.
//
// Bins, for a duration v in ms: 100 ms wide below 6.4 s; above, each doubling [6.4 s·2^k, 6.4 s·2^(k+1)) is cut into
// 64 bins of equal width. A bin stands for its midpoint, so the value a bin gives is off the true one by at most
// half a bin: ERROR BOUND ≤ max(50 ms, 1/128 ≈ 0.79 % of the value). Negative durations (a clock set back) count in
// the first bin.

const SUB = 64;
const BASE_MS = 100;
const LINEAR_MS = SUB * BASE_MS; // 6.4 s

/** The stated error of a value read from a sketch, in ms: |estimate − true| ≤ this (before rounding to 0.1 s). */
export const sketchErrorMs = (trueMs: number) => Math.max(BASE_MS / 2, Math.abs(trueMs) / (2 * SUB));

/** Bin of a duration in ms. */
export function binOf(ms: number): number {
  if (!(ms >= LINEAR_MS)) return ms > 0 ? Math.floor(ms / BASE_MS) : 0;
  let k = Math.floor(Math.log2(ms / LINEAR_MS));
  // log2 can land one off at a power of two; fix it so 6.4 s·2^k ≤ ms < 6.4 s·2^(k+1).
  if (LINEAR_MS * 2 ** k > ms) k--;
  else if (LINEAR_MS * 2 ** (k + 1) <= ms) k++;
  const width = BASE_MS * 2 ** k;
  return SUB + SUB * k + Math.floor((ms - LINEAR_MS * 2 ** k) / width);
}

/** [low, high) of a bin, in ms. */
export function binRange(bin: number): [number, number] {
  if (bin < SUB) return [bin * BASE_MS, (bin + 1) * BASE_MS];
  const k = Math.floor((bin - SUB) / SUB);
  const width = BASE_MS * 2 ** k;
  const low = LINEAR_MS * 2 ** k + ((bin - SUB) % SUB) * width;
  return [low, low + width];
}

/** The value a bin stands for: its midpoint, in ms. */
export const binValue = (bin: number) => {
  const [lo, hi] = binRange(bin);
  return (lo + hi) / 2;
};

/** Counts per bin (dense, grown as needed). */
export class DurationSketch {
  counts: number[] = [];
  n = 0;

  add(ms: number, by = 1): void {
    this.addBin(binOf(ms), by);
  }

  addBin(bin: number, by: number): void {
    const c = this.counts;
    while (c.length <= bin) c.push(0);
    c[bin]! += by;
    this.n += by;
  }

  merge(o: DurationSketch): void {
    const c = this.counts;
    while (c.length < o.counts.length) c.push(0);
    for (let i = 0; i < o.counts.length; i++) c[i]! += o.counts[i]!;
    this.n += o.n;
  }

  /** The value (ms) at 1-based rank r of the sorted values, as its bin's midpoint. */
  atRank(r: number): number | null {
    if (r < 1 || r > this.n) return null;
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i]!;
      if (seen >= r) return binValue(i);
    }
    return null;
  }

  /** Median as docs/figures.md defines it (mean of the two middle values for an even count), in ms. */
  median(): number | null {
    const n = this.n;
    if (n === 0) return null;
    return n % 2 ? this.atRank((n + 1) / 2) : (this.atRank(n / 2)! + this.atRank(n / 2 + 1)!) / 2;
  }

  /** Nearest-rank p90: the value at rank ⌈0.9 n⌉, in ms. */
  p90(): number | null {
    return this.n ? this.atRank(Math.ceil(0.9 * this.n)) : null;
  }
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

// Compact bytes for storage: unsigned varints, bins as (gap, count) pairs of the non-empty ones.

/** Writes varints (numbers up to 2^53; signed ones zigzagged). */
export class ByteWriter {
  private buf = new Uint8Array(256);
  private len = 0;

  uint(v: number): void {
    if (this.len + 8 > this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    while (v >= 0x80) {
      this.buf[this.len++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.len++] = v;
  }

  int(v: number): void {
    this.uint(v >= 0 ? v * 2 : -v * 2 - 1);
  }

  str(s: string): void {
    const bytes = utf8.encode(s);
    this.uint(bytes.length);
    for (const b of bytes) this.uint(b);
  }

  bytes(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

export class ByteReader {
  pos = 0;
  constructor(private readonly buf: Uint8Array) {}

  uint(): number {
    let v = 0;
    let scale = 1;
    for (;;) {
      const b = this.buf[this.pos++]!;
      if (b < 0x80) return v + b * scale;
      v += (b & 0x7f) * scale;
      scale *= 0x80;
    }
  }

  int(): number {
    const z = this.uint();
    return z % 2 ? -(z + 1) / 2 : z / 2;
  }

  str(): string {
    const n = this.uint();
    const bytes = new Uint8Array(n);
    let ascii = true;
    for (let i = 0; i < n; i++) ascii = (bytes[i] = this.uint()) < 0x80 && ascii;
    return ascii ? String.fromCharCode(...bytes) : fromUtf8.decode(bytes);
  }
}

export function writeSketch(w: ByteWriter, s: DurationSketch): void {
  let nonEmpty = 0;
  for (const c of s.counts) if (c !== 0) nonEmpty++;
  w.uint(nonEmpty);
  let last = 0;
  for (let i = 0; i < s.counts.length; i++) {
    const c = s.counts[i]!;
    if (c === 0) continue;
    w.uint(i - last);
    w.int(c);
    last = i;
  }
}

/** Adds the stored sketch to `into`, `sign` times. */
export function readSketchInto(r: ByteReader, into: DurationSketch, sign = 1): void {
  const n = r.uint();
  let bin = 0;
  for (let i = 0; i < n; i++) {
    bin += r.uint();
    into.addBin(bin, sign * r.int());
  }
}
