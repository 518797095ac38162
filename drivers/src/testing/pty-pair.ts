import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { until } from './wait';

/** A real PTY pair from socat: what is written to one path comes out of the other. */
export async function ptyPair(): Promise<{ a: string; b: string; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'qms-pty-'));
  const a = join(dir, 'a');
  const b = join(dir, 'b');
  const proc: ChildProcess = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
  await until(() => existsSync(a) && existsSync(b), 20_000, 'socat to create the PTY pair (is socat installed?)');
  return { a, b, stop: () => proc.kill('SIGTERM') };
}
