import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'qms-lazy-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// A fresh process (this one's module cache is shared with other tests): the demo center (a printer configured) started,
// then the packages loaded so far listed; then the two heavy ones imported, to show the listing sees them.
const script = `
import { createRequire } from 'node:module';
const { loadConfig, demoConfigPath, startServer } = await import('@qms/server');
const server = await startServer({ config: loadConfig(demoConfigPath), dataDir: process.env.DATA_DIR, port: 0, host: '127.0.0.1' });
const cache = createRequire(process.cwd() + '/').cache;
const loaded = () => ['exceljs', '@napi-rs/canvas'].filter((p) => Object.keys(cache).some((k) => k.includes('/node_modules/' + p + '/')));
const atStart = loaded();
await import('exceljs');
await import('@napi-rs/canvas');
console.log(JSON.stringify({ atStart, afterImport: loaded() }));
await server.close();
`;

describe('what the server loads at start', () => {
  it('neither exceljs (the Excel export) nor the canvas library (drawing tickets, photos): about 55 MB of memory until first used', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const { atStart, afterImport } = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { atStart: string[]; afterImport: string[] };
    expect(afterImport).toEqual(['exceljs', '@napi-rs/canvas']);
    expect(atStart).toEqual([]);
  });
});
