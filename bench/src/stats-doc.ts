import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const docPath = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));
const marker = /<!-- stats:begin -->[\s\S]*<!-- stats:end -->/;

/** Replaces the reports section of docs/benchmarks.md (or appends it). */
export function writeSection(section: string) {
  const old = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Benchmarks\n';
  writeFileSync(docPath, marker.test(old) ? old.replace(marker, section) : `${old.trimEnd()}\n\n${section}\n`);
}
