/** Audio as the voice module handles it: mono, float samples in [-1, 1]. */
export interface Audio {
  sampleRate: number;
  samples: Float32Array;
}

/** Why a file is not a WAV this module can read; the route turns it into a 4xx in plain words. */
export class WavError extends Error {
  constructor(
    readonly reason: 'not_wav' | 'unsupported_format' | 'no_data' | 'bad_rate',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a RIFF/WAVE file: PCM 8/16/24/32-bit or IEEE float 32/64-bit, any number of channels (mixed down to mono by
 * their mean). WAVE_FORMAT_EXTENSIBLE is read by its sub-format. A data chunk whose size runs past the end of the file
 * (espeak-ng writing to a pipe leaves 0x7fffffff) is read to the end of the file.
 */
export function parseWav(buf: Uint8Array): Audio {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.length < 12 || b.toString('ascii', 0, 4) !== 'RIFF' || b.toString('ascii', 8, 12) !== 'WAVE') throw new WavError('not_wav', 'not a RIFF/WAVE file');
  let fmt: { format: number; channels: number; rate: number; bits: number } | null = null;
  for (let off = 12; off + 8 <= b.length; ) {
    const id = b.toString('ascii', off, off + 4);
    const size = Math.min(b.readUInt32LE(off + 4), b.length - off - 8);
    if (id === 'fmt ') {
      if (size < 16) throw new WavError('unsupported_format', 'fmt chunk too short');
      let format = b.readUInt16LE(off + 8);
      if (format === 0xfffe && size >= 40) format = b.readUInt16LE(off + 8 + 24);
      fmt = { format, channels: b.readUInt16LE(off + 10), rate: b.readUInt32LE(off + 12), bits: b.readUInt16LE(off + 22) };
    } else if (id === 'data') {
      if (!fmt) throw new WavError('unsupported_format', 'data before fmt');
      return { sampleRate: checkedRate(fmt.rate), samples: decode(b.subarray(off + 8, off + 8 + size), fmt) };
    }
    off += 8 + size + (size % 2);
  }
  throw new WavError('no_data', 'no data chunk');
}

function checkedRate(rate: number): number {
  if (rate < 8000 || rate > 192000) throw new WavError('bad_rate', `sample rate ${rate} Hz`);
  return rate;
}

function decode(data: Buffer, { format, channels, bits }: { format: number; channels: number; bits: number }): Float32Array {
  const pcm = format === 1;
  const float = format === 3;
  const bytes = bits / 8;
  if (channels < 1 || channels > 8 || !((pcm && [8, 16, 24, 32].includes(bits)) || (float && (bits === 32 || bits === 64)))) {
    throw new WavError('unsupported_format', `format ${format}, ${bits} bits, ${channels} channels`);
  }
  const read = (o: number): number => {
    if (float) return bits === 32 ? data.readFloatLE(o) : data.readDoubleLE(o);
    if (bits === 8) return (data.readUInt8(o) - 128) / 128;
    if (bits === 16) return data.readInt16LE(o) / 32768;
    if (bits === 24) return data.readIntLE(o, 3) / 8388608;
    return data.readInt32LE(o) / 2147483648;
  };
  const frames = Math.floor(data.length / (bytes * channels));
  const out = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let ch = 0; ch < channels; ch++) sum += read((i * channels + ch) * bytes);
    const v = sum / channels;
    out[i] = Number.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 0;
  }
  return out;
}

/** Mono 16-bit PCM WAV, with TPDF-free plain rounding (the clips are normalised well above the 16-bit floor). */
export function encodeWav({ sampleRate, samples }: Audio): Buffer {
  const bytes = samples.length * 2;
  const out = Buffer.alloc(44 + bytes);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + bytes, 4);
  out.write('WAVEfmt ', 8, 'ascii');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20);
  out.writeUInt16LE(1, 22);
  out.writeUInt32LE(sampleRate, 24);
  out.writeUInt32LE(sampleRate * 2, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(bytes, 40);
  for (let i = 0; i < samples.length; i++) out.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round((samples[i] ?? 0) * 32767))), 44 + i * 2);
  return out;
}
