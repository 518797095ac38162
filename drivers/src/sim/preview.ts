// The picture of a simulated printer's ticket, from its bytes: `npx tsx drivers/src/sim/preview.ts <file.bin> [80|58]`
// writes `<file>.png` beside it (the simulator draws it only when asked: `preview(file)` or `previews: 'each'`).
import { readFileSync, writeFileSync } from 'node:fs';
import { decodeEscPos } from '../escpos/decoder';
import { paperPng } from './printer';

const [bin, width = '80'] = process.argv.slice(2);
if (!bin?.endsWith('.bin') || (width !== '80' && width !== '58')) {
  process.stderr.write('usage: npx tsx drivers/src/sim/preview.ts <file.bin> [80|58]\n');
  process.exit(2);
}
const png = bin.replace(/\.bin$/, '.png');
writeFileSync(png, paperPng(decodeEscPos(readFileSync(bin)), width === '58' ? 58 : 80));
process.stdout.write(`${png}\n`);
