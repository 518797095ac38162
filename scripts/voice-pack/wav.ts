/** Mono 16-bit PCM WAV: just what the voice pack needs. */
export interface Pcm {
  sampleRate: number;
  samples: Int16Array;
}

export function readWav(buf: Buffer): Pcm {
  if (buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a WAV file');
  let sampleRate = 0;
  for (let off = 12; off + 8 <= buf.length; ) {
    const id = buf.toString('ascii', off, off + 4);
    // espeak-ng writing to a file leaves the chunk sizes at 0x7fffffff when it cannot seek; trust the file length then.
    const size = Math.min(buf.readUInt32LE(off + 4), buf.length - off - 8);
    if (id === 'fmt ') {
      if (buf.readUInt16LE(off + 8) !== 1 || buf.readUInt16LE(off + 10) !== 1 || buf.readUInt16LE(off + 22) !== 16) throw new Error('expected mono 16-bit PCM');
      sampleRate = buf.readUInt32LE(off + 12);
    } else if (id === 'data') {
      const data = buf.subarray(off + 8, off + 8 + size - (size % 2));
      return { sampleRate, samples: new Int16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.length)) };
    }
    off += 8 + size + (size % 2);
  }
  throw new Error('WAV without a data chunk');
}

export function writeWav({ sampleRate, samples }: Pcm): Buffer {
  const header = Buffer.alloc(44);
  const bytes = samples.length * 2;
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + bytes, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(bytes, 40);
  return Buffer.concat([header, Buffer.from(samples.buffer, samples.byteOffset, bytes)]);
}

/**
 * Cuts the silence espeak-ng leaves around a word, so clips played back to back sound like one sentence,
 * keeping `padMs` on each side and fading the edges to avoid clicks.
 */
export function trimSilence({ sampleRate, samples }: Pcm, { threshold = 0.02, padMs = 15, fadeMs = 4 } = {}): Pcm {
  let peak = 1;
  for (const s of samples) peak = Math.max(peak, Math.abs(s));
  const limit = peak * threshold;
  let start = samples.findIndex((s) => Math.abs(s) > limit);
  if (start < 0) return { sampleRate, samples: new Int16Array(0) };
  let end = samples.length - 1;
  while (end > start && Math.abs(samples[end] ?? 0) <= limit) end--;
  const pad = Math.round((sampleRate * padMs) / 1000);
  start = Math.max(0, start - pad);
  end = Math.min(samples.length, end + pad);
  const out = samples.slice(start, end);
  const fade = Math.min(Math.round((sampleRate * fadeMs) / 1000), Math.floor(out.length / 2));
  for (let i = 0; i < fade; i++) {
    const k = i / fade;
    out[i] = Math.round((out[i] ?? 0) * k);
    out[out.length - 1 - i] = Math.round((out[out.length - 1 - i] ?? 0) * k);
  }
  return { sampleRate, samples: out };
}

/** A two-tone "ding-dong" the hall hears before every announcement. */
export function chime(sampleRate = 22050): Pcm {
  const note = (freq: number, seconds: number) =>
    Array.from({ length: Math.round(sampleRate * seconds) }, (_, i) => {
      const t = i / sampleRate;
      const tone = Math.sin(2 * Math.PI * freq * t) + 0.35 * Math.sin(4 * Math.PI * freq * t) + 0.12 * Math.sin(6 * Math.PI * freq * t);
      return tone * Math.exp(-3.2 * t) * Math.min(1, t / 0.005);
    });
  const wave = [...note(659.25, 0.55), ...note(523.25, 0.9)];
  return { sampleRate, samples: Int16Array.from(wave, (v) => Math.round(v * 0.45 * 32767 / 1.47)) };
}
