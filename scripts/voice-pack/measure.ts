// Loudness of every clip of a voice pack folder, and the spread across the pack.
// Run: npx tsx scripts/voice-pack/measure.ts [folder]   (default: display-ui/public/voice/default)
//      add --table for a markdown table of every clip.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { integratedLoudness, rmsDb, samplePeakDb } from '../../server/src/voice/loudness';
import { parseWav } from '../../server/src/voice/wav-codec';
import { clickLevelDb } from './chime';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? fileURLToPath(new URL('../../display-ui/public/voice/default/', import.meta.url));
const rows = readdirSync(dir)
  .filter((f) => f.endsWith('.wav'))
  .sort()
  .map((file) => {
    const { sampleRate, samples } = parseWav(readFileSync(join(dir, file)));
    return { file, sampleRate, seconds: samples.length / sampleRate, lufs: integratedLoudness([samples], sampleRate), peak: samplePeakDb(samples), rms: rmsDb(samples), clicks: clickLevelDb(samples, sampleRate) };
  });
const f = (x: number) => x.toFixed(1);
if (args.includes('--table')) {
  console.log('| Clip | s | LUFS | Peak dBFS | RMS dB |\n|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.file} | ${r.seconds.toFixed(2)} | ${f(r.lufs)} | ${f(r.peak)} | ${f(r.rms)} |`);
}
const lufs = rows.map((r) => r.lufs).filter(Number.isFinite);
const rms = rows.map((r) => r.rms).filter(Number.isFinite);
const rates = [...new Set(rows.map((r) => r.sampleRate))];
const chime = rows.find((r) => r.file === 'chime.wav');
console.log(`${rows.length} clips in ${dir}`);
console.log(`sample rates: ${rates.join(', ')} Hz`);
console.log(`loudness: ${f(Math.min(...lufs))} … ${f(Math.max(...lufs))} LUFS, spread ${f(Math.max(...lufs) - Math.min(...lufs))} LU, mean ${f(lufs.reduce((s, x) => s + x, 0) / lufs.length)} LUFS`);
console.log(`RMS: ${f(Math.min(...rms))} … ${f(Math.max(...rms))} dBFS, spread ${f(Math.max(...rms) - Math.min(...rms))} dB`);
console.log(`highest peak: ${f(Math.max(...rows.map((r) => r.peak)))} dBFS`);
if (chime) console.log(`chime: ${f(chime.lufs)} LUFS, clicks (above 5 kHz) ${f(chime.clicks)} dB under its peak`);
