// Builds the default voice pack: one WAV clip per word with Debian's espeak-ng Vietnamese voice, plus a chime.
// Run: npx tsx scripts/voice-pack/generate.ts  (needs `apt-get install espeak-ng`)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clipName } from '../../display-ui/src/voice/clip-names';
import { vocabulary } from './vocabulary';
import { chime, readWav, trimSilence, writeWav } from './wav';

const outDir = fileURLToPath(new URL('../../display-ui/public/voice/default/', import.meta.url));
const voice = process.env.VOICE ?? 'vi';
const wordsPerMinute = process.env.SPEED ?? '160';

mkdirSync(outDir, { recursive: true });
const tmp = mkdtempSync(join(tmpdir(), 'qms-voice-'));
const words: Record<string, string> = {};
try {
  for (const word of vocabulary) {
    const name = clipName(word);
    const raw = join(tmp, `${name}.wav`);
    execFileSync('espeak-ng', ['-v', voice, '-s', wordsPerMinute, '-a', '180', '-w', raw, word]);
    writeFileSync(join(outDir, `${name}.wav`), writeWav(trimSilence(readWav(readFileSync(raw)))));
    words[name] = word;
  }
  writeFileSync(join(outDir, 'chime.wav'), writeWav(chime()));
  words.chime = '(chuông / chime)';
  const manifest = { name: 'default', voice: `espeak-ng -v ${voice} -s ${wordsPerMinute}`, ext: 'wav', clips: words };
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`${Object.keys(words).length} clips written to ${outDir}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
