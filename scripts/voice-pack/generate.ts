// Builds the default voice pack: one WAV clip per word with Debian's espeak-ng Vietnamese voice, plus a chime, every
// clip normalised like a recorded one (server/src/voice/normalise.ts): silence trimmed to an even 25 ms pad (50 ms between words),
// 22.05 kHz, −18 LUFS, sample peak under −1 dBFS.
// Run: npx tsx scripts/voice-pack/generate.ts  (needs `apt-get install espeak-ng`); then measure.ts prints the figures.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clipName } from '../../display-ui/src/voice/clip-names';
import { normaliseClip } from '../../server/src/voice/normalise';
import { encodeWav, parseWav, type Audio } from '../../server/src/voice/wav-codec';
import { chime } from './chime';
import { vocabulary } from './vocabulary';

const outDir = fileURLToPath(new URL('../../display-ui/public/voice/default/', import.meta.url));
const voice = process.env.VOICE ?? 'vi';
const wordsPerMinute = process.env.SPEED ?? '160';

function normalised(name: string, audio: Audio, trim = true): Buffer {
  const result = normaliseClip(audio, { trim });
  if (!result) throw new Error(`${name}: espeak-ng wrote silence`);
  return encodeWav(result.audio);
}

mkdirSync(outDir, { recursive: true });
const tmp = mkdtempSync(join(tmpdir(), 'qms-voice-'));
const words: Record<string, string> = {};
try {
  for (const word of vocabulary) {
    const name = clipName(word);
    const raw = join(tmp, `${name}.wav`);
    execFileSync('espeak-ng', ['-v', voice, '-s', wordsPerMinute, '-a', '180', '-w', raw, word]);
    writeFileSync(join(outDir, `${name}.wav`), normalised(name, parseWav(readFileSync(raw))));
    words[name] = word;
  }
  writeFileSync(join(outDir, 'chime.wav'), normalised('chime', chime(), false));
  words.chime = '(chuông / chime)';
  const manifest = { name: 'default', voice: `espeak-ng -v ${voice} -s ${wordsPerMinute}`, ext: 'wav', loudness: '-18 LUFS', clips: words };
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`${Object.keys(words).length} clips written to ${outDir}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
