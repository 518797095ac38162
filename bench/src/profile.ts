import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchServer } from './child';

const services = ['ho-tich', 'chung-thuc', 'dat-dai', 'xay-dung', 'bao-tro-xa-hoi', 'nguoi-co-cong', 'bhxh'];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** Self time per function (file:name), as a share of the busy (non-idle) samples. */
export function topSelf(profile: { nodes: ProfileNode[] }, n = 15) {
  const self = new Map<string, number>();
  let busy = 0;
  for (const node of profile.nodes) {
    const f = node.callFrame;
    if (f.functionName === '(idle)') continue;
    const file = f.url.replace(/^.*\/(node_modules\/)?/, (m) => (m.includes('node_modules') ? 'nm:' : ''));
    const key = `${f.functionName || '(anonymous)'} ${file.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
    const hits = node.hitCount ?? 0;
    busy += hits;
    self.set(key, (self.get(key) ?? 0) + hits);
  }
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([fn, hits]) => ({ fn, share: hits / busy }));
}

/** Total (inclusive) time of each function of the project (server/src), as a share of the busy samples. */
export function topInclusive(profile: { nodes: ProfileNode[] }, n = 15) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const total = new Map<number, number>();
  const sum = (id: number): number => {
    const node = byId.get(id)!;
    const t = (node.hitCount ?? 0) + (node.children ?? []).reduce((a, c) => a + sum(c), 0);
    total.set(id, t);
    return t;
  };
  const root = profile.nodes[0]!;
  sum(root.id);
  const idle = profile.nodes.filter((x) => x.callFrame.functionName === '(idle)').reduce((a, x) => a + (x.hitCount ?? 0), 0);
  const busy = total.get(root.id)! - idle;
  const incl = new Map<string, number>();
  const walk = (id: number, open: Set<string>) => {
    const node = byId.get(id)!;
    const f = node.callFrame;
    let key: string | null = null;
    if (f.url.includes('/server/') && f.functionName) key = `${f.functionName} ${f.url.split('/').slice(-2).join('/')}`;
    if (/node:http|_http_/.test(f.url) && f.functionName) key = `(node http) ${f.functionName}`;
    const inner = new Set(open);
    if (key && !open.has(key)) {
      incl.set(key, (incl.get(key) ?? 0) + total.get(id)!);
      inner.add(key);
    }
    for (const c of node.children ?? []) walk(c, inner);
  };
  walk(root.id, new Set());
  return [...incl.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([fn, hits]) => ({ fn, share: hits / busy }));
}

/**
 * The kiosk's real request (device token, Idempotency-Key, printing on with the simulated printer), then call-next and
 * finish at a counter, against the real server started with `--cpu-prof`. Returns the top self-time entries.
 */
export async function profileFloor({ tickets = Number(process.env.BENCH_PROFILE_TICKETS ?? 1000) } = {}) {
  const profDir = mkdtempSync(join(tmpdir(), 'qms-prof-'));
  const server = await benchServer({ nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`] });
  const started = performance.now();
  try {
    const kiosk = { 'content-type': 'application/json', authorization: 'Bearer demo-kiosk-token-0001' };
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < tickets) {
          const i = next++;
          const res = await fetch(`${server.base}/api/tickets`, { method: 'POST', headers: { ...kiosk, 'idempotency-key': `k-${i}` }, body: JSON.stringify({ serviceId: services[i % services.length] }) });
          if (res.status !== 201) throw new Error(`issue failed: ${res.status} ${await res.text()}`);
        }
      }),
    );
    const desks = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(async (id) => {
        const login = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: `canbo${id}`, password: '123456' }) });
        const headers = { 'content-type': 'application/json', authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
        await fetch(`${server.base}/api/counters/${id}/sign-in`, { method: 'POST', headers, body: '{}' });
        return { id, headers };
      }),
    );
    for (let i = 0; i < tickets / 2; i++) {
      const d = desks[i % desks.length]!;
      const called = await fetch(`${server.base}/api/counters/${d.id}/call-next`, { method: 'POST', headers: { ...d.headers, 'idempotency-key': `c-${i}` }, body: '{}' });
      if (called.status === 204) continue;
      if (called.status !== 200) throw new Error(`call failed: ${called.status} ${await called.text()}`);
      const finished = await fetch(`${server.base}/api/counters/${d.id}/finish`, { method: 'POST', headers: d.headers, body: '{}' });
      if (finished.status !== 200) throw new Error(`finish failed: ${finished.status} ${await finished.text()}`);
    }
  } finally {
    await server.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('no profile written');
  const profile = JSON.parse(readFileSync(join(profDir, file), 'utf8')) as { nodes: ProfileNode[] };
  return { tickets, seconds, top: topSelf(profile), inclusive: topInclusive(profile, 25), file: join(profDir, file) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await profileFloor();
  console.log(`${r.tickets} kiosk tickets + ${r.tickets / 2} call/finish in ${r.seconds.toFixed(1)} s; profile ${r.file}`);
  console.log('self:');
  for (const t of r.top) console.log(`${(t.share * 100).toFixed(1).padStart(5)} %  ${t.fn}`);
  console.log('inclusive:');
  for (const t of r.inclusive) console.log(`${(t.share * 100).toFixed(1).padStart(5)} %  ${t.fn}`);
}
