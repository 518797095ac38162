import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * The real server as `npm start` runs it (plain node on the build in server/dist, rebuilt when its sources changed), in
 * its own process so the load generator does not share its event loop; a fresh data folder unless `dataDir` names one.
 */
export async function benchServer(
  opts: { dataDir?: string; env?: NodeJS.ProcessEnv; nodeArgs?: string[]; cpus?: string; root?: string } = {},
): Promise<{ base: string; child: ChildProcess; dataDir: string; stop: () => Promise<void> }> {
  // `root` or BENCH_SERVER_ROOT: another checkout (with its node_modules), to measure an older commit with the same load ("before").
  const root = opts.root ?? process.env.BENCH_SERVER_ROOT ?? repoRoot;
  const port = await freePort();
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'qms-bench-'));
  const build = spawnSync(process.execPath, ['scripts/build-server.mjs', '--if-stale'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the server build failed');
  // `cpus` (e.g. '0'): the server pinned with taskset, as on an old one-core PC.
  // BENCH_CPU_PROF=<folder>: any benchmark's server writes a cpu profile there (to look at one path by hand).
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const command = [process.execPath, ...prof, ...(opts.nodeArgs ?? []), 'server/dist/main.mjs'];
  const child = spawn(opts.cpus ? 'taskset' : command[0]!, opts.cpus ? ['-c', opts.cpus, ...command] : command.slice(1), {
    cwd: root,
    env: { ...process.env, ...opts.env, PORT: String(port), QMS_DATA_DIR: dataDir },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = () => new Promise<void>((r) => (child.exitCode !== null ? r() : (child.once('exit', () => r()), child.kill('SIGTERM'))));
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, child, dataDir, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill('SIGKILL');
  throw new Error('bench server did not start');
}
