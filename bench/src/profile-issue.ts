import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchServer } from './child';
import { drive } from './kiosk-issue';
import { topInclusive, topSelf } from './profile';

/** `node --cpu-prof` on the issue path alone: `tickets` desk tickets (officer token, Idempotency-Key, no paper), 8 in flight. */
export async function profileIssue({ tickets = 800 } = {}) {
  const profDir = mkdtempSync(join(tmpdir(), 'qms-prof-issue-'));
  const server = await benchServer({ nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`] });
  try {
    const login = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'canbo1', password: '123456' }) });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
    await drive(server.base, server.child.pid!, headers, tickets, 8, true);
  } finally {
    await server.stop();
  }
  const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('no profile written');
  const profile = JSON.parse(readFileSync(join(profDir, file), 'utf8')) as Parameters<typeof topSelf>[0];
  return { tickets, top: topSelf(profile), inclusive: topInclusive(profile, 25), file: join(profDir, file) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await profileIssue();
  console.log(`profile ${r.file}\nself:`);
  for (const t of r.top) console.log(`${(t.share * 100).toFixed(1).padStart(5)} %  ${t.fn}`);
  console.log('inclusive:');
  for (const t of r.inclusive) console.log(`${(t.share * 100).toFixed(1).padStart(5)} %  ${t.fn}`);
}
