import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { benchServer } from './child';
import { cpuOf } from './proc';
import { median, percentile } from './stats';

const root = fileURLToPath(new URL('../../', import.meta.url));
const json = { 'content-type': 'application/json' };

async function waitUp(base: string) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${base} did not start`);
}

/** `n` socket.io clients connected as hall displays; `arrivals` resolves when every one has heard `ticket.called`. */
async function displays(base: string, n: number, auth: Record<string, string | boolean>) {
  const sockets: Socket[] = [];
  for (let i = 0; i < n; i++) {
    const s = io(base, { auth, transports: ['websocket'], forceNew: true });
    await new Promise<void>((resolve, reject) => {
      s.once('connect_error', reject);
      // The project's sockets get a snapshot first; the bare server's only connect.
      if (auth.role) s.once('snapshot', () => resolve());
      else s.once('connect', () => resolve());
    });
    sockets.push(s);
  }
  const arrivals = () => {
    const times: number[] = [];
    return {
      times,
      all: Promise.all(
        sockets.map(
          (s) =>
            new Promise<void>((resolve) => {
              const on = (e: { type: string }) => {
                if (e.type !== 'ticket.called') return;
                s.off('event', on);
                s.off('events', onBatch);
                times.push(performance.now());
                resolve();
              };
              // The project's screens take a command's events as one `events` message (`batch: true`).
              const onBatch = (list: { type: string }[]) => list.forEach(on);
              s.on('event', on);
              s.on('events', onBatch);
            }),
        ),
      ),
    };
  };
  return { arrivals, close: () => sockets.forEach((s) => s.close()) };
}

// Calls made before measuring, so the measured ones run on optimised code (V8 compiles the server's call path over its
// first few hundred calls).
const warmupCalls = 200;

async function measure(base: string, pid: number, n: number, calls: number, call: () => Promise<Response>, auth: Record<string, string | boolean>) {
  const screens = await displays(base, n, auth);
  try {
    const latency: number[] = [];
    const once = async () => {
      const heard = screens.arrivals();
      const start = performance.now();
      const res = await call();
      if (res.status !== 200) throw new Error(`call failed: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      await heard.all;
      latency.push(median(heard.times) - start);
    };
    for (let i = 0; i < warmupCalls; i++) await once();
    latency.length = 0;
    const cpu0 = cpuOf(pid);
    for (let i = 0; i < calls; i++) await once();
    await new Promise((r) => setTimeout(r, 200)); // the last call's later events (counter, services) go out too
    return { cpuMs: (cpuOf(pid) - cpu0) / calls, p50: percentile(latency, 50) };
  } finally {
    screens.close();
  }
}

/** The project: `displays` hall-display sockets; an officer calls (call-next, one at a time) `calls` tickets issued before. */
async function projectRun(n: number, calls: number, cpus?: string) {
  const server = await benchServer(cpus ? { cpus } : {});
  try {
    const login = async (username: string, password: string) => {
      const res = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username, password }) });
      return { ...json, authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
    };
    const admin = await login('admin', 'admin');
    for (let i = 0; i < calls + warmupCalls; i++) await fetch(`${server.base}/api/tickets`, { method: 'POST', headers: admin, body: JSON.stringify({ serviceId: 'ho-tich' }) });
    const officer = await login('canbo1', '123456');
    await fetch(`${server.base}/api/counters/1/sign-in`, { method: 'POST', headers: officer, body: '{}' });
    const call = () => fetch(`${server.base}/api/counters/1/call-next`, { method: 'POST', headers: officer, body: '{}' });
    return await measure(server.base, server.child.pid!, n, calls, call, { role: 'display', token: 'demo-display-token-0001', batch: true });
  } finally {
    await server.stop();
  }
}

async function bareRun(n: number, calls: number, cpus?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'qms-bare-io-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const command = [process.execPath, '--import', 'tsx', 'bench/src/bare-io-server.ts'];
  const child = spawn(cpus ? 'taskset' : command[0]!, cpus ? ['-c', cpus, ...command] : command.slice(1), { cwd: root, env: { ...process.env, PORT: String(port), BARE_DB: join(dir, 'bare.sqlite') }, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitUp(base);
    return await measure(base, child.pid!, n, calls, () => fetch(`${base}/call`, { method: 'POST' }), {});
  } finally {
    await new Promise<void>((r) => (child.once('exit', () => r()), child.kill('SIGTERM')));
  }
}

/**
 * Server CPU per call and call → `ticket.called` at the sockets (median over the sockets, p50 over the calls), with
 * `displays` socket.io display clients connected; against a bare Hono + better-sqlite3 + socket.io server doing one
 * durable write and one broadcast; alternating, `runs` times each; medians.
 */
export async function displayFanout({ displays = 100, calls = 200, runs = 3, cpus = undefined as string | undefined } = {}) {
  const project: { cpuMs: number; p50: number }[] = [];
  const bare: { cpuMs: number; p50: number }[] = [];
  for (let run = 0; run < runs; run++) {
    project.push(await projectRun(displays, calls, cpus));
    if (process.env.BENCH_CPU_PROF) continue;
    bare.push(await bareRun(displays, calls, cpus));
  }
  const m = (xs: number[]) => Math.round(median(xs) * 100) / 100;
  const p = { cpuMs: m(project.map((x) => x.cpuMs)), p50: m(project.map((x) => x.p50)) };
  const b = { cpuMs: m(bare.map((x) => x.cpuMs)), p50: m(bare.map((x) => x.p50)) };
  return { displays, calls, runs, cpus: cpus ?? 'all', project: p, bare: b, cpuRatio: Math.round((p.cpuMs / b.cpuMs) * 10) / 10, perRun: project.map((x, i) => `${x.cpuMs.toFixed(2)}/${bare[i]!.cpuMs.toFixed(2)} ms`) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [n = '100', calls = '200', runs = '3', cpus] = process.argv.slice(2);
  console.log(await displayFanout({ displays: Number(n), calls: Number(calls), runs: Number(runs), ...(cpus ? { cpus } : {}) }));
}
