import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

export const docPath = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));

export const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;

/** Replaces a `<!-- name:begin -->…<!-- name:end -->` section of docs/benchmarks.md, or appends it. */
export function writeSection(section: string) {
  const name = section.match(/^<!-- ([\w-]+):begin -->/)?.[1];
  if (!name) throw new Error('a benchmark section starts with <!-- name:begin -->');
  const marker = new RegExp(`<!-- ${name}:begin -->[\\s\\S]*<!-- ${name}:end -->`);
  const old = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Benchmarks\n\nEach section is rewritten by `npm run bench`.\n';
  writeFileSync(docPath, marker.test(old) ? old.replace(marker, section) : `${old.trimEnd()}\n\n${section}\n`);
}
