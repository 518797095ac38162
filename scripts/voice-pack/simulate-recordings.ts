// Stands in for a center's recorded pack when no human recording is at hand: every word of the default template and
// the digits, said by espeak-ng's southern voice, made to sound like phone recordings (44.1 kHz, a level drawn between
// −38 and −8 dBFS, half a second of room noise around each word), written to <out>/raw; then each goes through the
// studio's normaliser (the function the server's upload route calls) into <out>/pack.
// Run: npx tsx scripts/voice-pack/simulate-recordings.ts /tmp/qms-recorded
//      npx tsx scripts/voice-pack/measure.ts /tmp/qms-recorded/raw; npx tsx scripts/voice-pack/measure.ts /tmp/qms-recorded/pack
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clipName } from '../../display-ui/src/voice/clip-names';
import { normaliseClip } from '../../server/src/voice/normalise';
import { encodeWav, parseWav } from '../../server/src/voice/wav-codec';

const out = process.argv[2] ?? '/tmp/qms-recorded';
const words = ['xin', 'mời', 'công', 'dân', 'có', 'số', 'thứ', 'tự', 'đến', 'quầy', 'không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười', 'mươi', 'mốt', 'lăm', 'tư', 'trăm', 'nghìn', 'linh'];
mkdirSync(join(out, 'raw'), { recursive: true });
mkdirSync(join(out, 'pack'), { recursive: true });
let seed = 14;
const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
for (const [i, word] of words.entries()) {
  const name = clipName(word);
  const said = parseWav(execFileSync('espeak-ng', ['-v', 'vi-vn-x-south', '-s', '150', '--stdout', word]));
  const rate = 44100;
  const ratio = rate / said.sampleRate;
  const body = Float32Array.from({ length: Math.round(said.samples.length * ratio) }, (_, j) => said.samples[Math.floor(j / ratio)] ?? 0);
  let peak = 0;
  for (const s of body) peak = Math.max(peak, Math.abs(s));
  const level = 10 ** ((-38 + 30 * ((i * 11) % words.length) / words.length) / 20) / peak;
  const samples = new Float32Array(body.length + rate);
  for (let j = 0; j < samples.length; j++) samples[j] = (random() - 0.5) * 0.0006 + (j >= rate / 2 && j < rate / 2 + body.length ? (body[j - rate / 2] ?? 0) * level : 0);
  writeFileSync(join(out, 'raw', `${name}.wav`), encodeWav({ sampleRate: rate, samples }));
  const normalised = normaliseClip(parseWav(readFileSync(join(out, 'raw', `${name}.wav`))));
  if (normalised) writeFileSync(join(out, 'pack', `${name}.wav`), encodeWav(normalised.audio));
}
console.log(`${words.length} recordings in ${out}/raw, normalised in ${out}/pack`);
