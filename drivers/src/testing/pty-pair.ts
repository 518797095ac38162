import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A real PTY pair from socat: what is written to one path comes out of the other. */
export async function ptyPair(): Promise<{ a: string; b: string; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'qms-pty-'));
  const a = join(dir, 'a');
  const b = join(dir, 'b');
  const proc: ChildProcess = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
  await until(() => existsSync(a) && existsSync(b));
  return { a, b, stop: () => proc.kill('SIGTERM') };
}


async function until(cond: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('socat did not create the PTY pair (is socat installed?)');
    await new Promise((r) => setTimeout(r, 10));
  }
}
