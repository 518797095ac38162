import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { benchServer } from './child';
import { cpuOfThreads } from './proc';
import { median } from './stats';

const root = fileURLToPath(new URL('../../', import.meta.url));
const services = ['ho-tich', 'chung-thuc', 'dat-dai', 'xay-dung', 'bao-tro-xa-hoi', 'nguoi-co-cong', 'bhxh'];

export async function bareServer(cpus?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'qms-bare-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const command = [process.execPath, '--import', 'tsx', 'bench/src/bare-server.ts'];
  const child = spawn(cpus ? 'taskset' : command[0]!, cpus ? ['-c', cpus, ...command] : command.slice(1), { cwd: root, env: { ...process.env, PORT: String(port), BARE_DB: join(dir, 'bare.sqlite') }, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { base, child, stop: () => new Promise<void>((r) => (child.once('exit', () => r()), child.kill('SIGTERM'))) };
}

/**
 * The print outcomes the server has stored so far (`ticket.printed` / `ticket.print_failed` rows), read from its database
 * file by a read-only connection of the bench's own.
 */
export function printOutcomes(dataDir: string) {
  const db = new Database(join(dataDir, 'qms.sqlite'), { readonly: true, fileMustExist: true });
  const count = db.prepare<[], number>(`SELECT count(*) FROM events WHERE type IN ('ticket.printed', 'ticket.print_failed')`).pluck();
  return { count: () => count.get()!, close: () => db.close() };
}

/**
 * `tickets` kiosk requests, `clients` in flight: tickets per second and the server's CPU per ticket. With `outcomes`
 * (printing on), the ticket is done when its print outcome is stored, not when it is answered: the printing runs after
 * the reply, and a burst leaves most of it to after the last reply. `perSecond` and `cpuMs` then count until the last
 * outcome; `answeredPerSecond` is the rate of the replies alone. `cpuMs` is the main thread's `mainMs` plus the other
 * threads' `othersMs`.
 */
export async function drive(base: string, pid: number, headers: Record<string, string>, tickets: number, clients: number, key: boolean, outcomes?: { count: () => number }) {
  let next = 0;
  const cpu0 = cpuOfThreads(pid);
  const printed0 = outcomes?.count() ?? 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < tickets) {
        const i = next++;
        const res = await fetch(`${base}/api/tickets`, { method: 'POST', headers: { ...headers, ...(key ? { 'idempotency-key': `tap-${i}-${Math.random()}` } : {}) }, body: JSON.stringify({ serviceId: services[i % services.length] }) });
        if (res.status !== 201) throw new Error(`issue failed: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      }
    }),
  );
  const answered = performance.now();
  if (outcomes) {
    // Bounded generously: on a busy machine the printing may run well behind the replies.
    for (let i = 0; outcomes.count() - printed0 < tickets; i++) {
      if (i > 60_000) throw new Error(`only ${outcomes.count() - printed0} of ${tickets} print outcomes stored after 5 minutes`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = cpuOfThreads(pid);
  const [mainMs, othersMs] = [(cpu.main - cpu0.main) / tickets, (cpu.others - cpu0.others) / tickets];
  return { perSecond: tickets / seconds, cpuMs: mainMs + othersMs, mainMs, othersMs, answeredPerSecond: tickets / ((answered - start) / 1000) };
}

export const kioskHeaders = { 'content-type': 'application/json', authorization: 'Bearer demo-kiosk-token-0001' };

/** An officer's desk token (channel `desk`, no paper asked): the issue path without the printer's drawing. */
export async function deskHeaders(base: string) {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'canbo1', password: '123456' }) });
  return { 'content-type': 'application/json', authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
}

/**
 * `POST /api/tickets` as the kiosk sends it (its device token, an Idempotency-Key, printing on with the simulated
 * printer: a ticket counts once its print outcome is stored, see `drive`) or from an officer's desk (`who: 'desk'`: an
 * Idempotency-Key, no paper), against the real server, and the bare baseline in the same run; alternating, `runs` times
 * each; medians and ratios. `cpus`: both pinned (taskset).
 */
export async function kioskIssue({ tickets = 600, warmup = 3000, clients = 8, runs = 3, who = 'kiosk' as 'kiosk' | 'desk', cpus = undefined as string | undefined, fsyncs = true } = {}) {
  const project: { perSecond: number; cpuMs: number; answeredPerSecond: number }[] = [];
  const bare: { perSecond: number; cpuMs: number }[] = [];
  const coldProject: { perSecond: number; cpuMs: number }[] = [];
  const coldBare: { perSecond: number; cpuMs: number }[] = [];
  const cold = Math.min(1000, warmup);
  for (let run = 0; run < runs; run++) {
    const server = await benchServer(cpus ? { cpus } : {});
    const outcomes = who === 'kiosk' ? printOutcomes(server.dataDir) : undefined;
    try {
      const headers = who === 'kiosk' ? kioskHeaders : await deskHeaders(server.base);
      // Warm-up: the measured requests run on optimised code. V8 is still compiling the server's functions through its
      // first ~3,000 requests (a third of their CPU at first); those first 1,000 are measured apart (`cold`).
      coldProject.push(await drive(server.base, server.child.pid!, headers, cold, clients, true, outcomes));
      await drive(server.base, server.child.pid!, headers, warmup - cold, clients, true, outcomes);
      project.push(await drive(server.base, server.child.pid!, headers, tickets, clients, true, outcomes));
    } finally {
      outcomes?.close();
      await server.stop();
    }
    const b = await bareServer(cpus);
    try {
      coldBare.push(await drive(b.base, b.child.pid!, { 'content-type': 'application/json' }, cold, clients, false));
      await drive(b.base, b.child.pid!, { 'content-type': 'application/json' }, warmup - cold, clients, false);
      bare.push(await drive(b.base, b.child.pid!, { 'content-type': 'application/json' }, tickets, clients, false));
    } finally {
      await b.stop();
    }
  }
  const m = (xs: number[]) => Math.round(median(xs) * 100) / 100;
  const p = { perSecond: m(project.map((x) => x.perSecond)), cpuMs: m(project.map((x) => x.cpuMs)), answeredPerSecond: m(project.map((x) => x.answeredPerSecond)) };
  const b = { perSecond: m(bare.map((x) => x.perSecond)), cpuMs: m(bare.map((x) => x.cpuMs)) };
  const firstRequests = { requests: cold, project: { perSecond: m(coldProject.map((x) => x.perSecond)), cpuMs: m(coldProject.map((x) => x.cpuMs)) }, bare: { perSecond: m(coldBare.map((x) => x.perSecond)), cpuMs: m(coldBare.map((x) => x.cpuMs)) } };
  return {
    who,
    cpus: cpus ?? 'all',
    tickets,
    warmup,
    clients,
    runs,
    project: p,
    bare: b,
    perRun: project.map((x, i) => `${Math.round(x.perSecond)}/${Math.round(bare[i]!.perSecond)}`),
    throughputRatio: Math.round((p.perSecond / b.perSecond) * 100) / 100,
    cpuRatio: Math.round((p.cpuMs / b.cpuMs) * 10) / 10,
    firstRequests,
    fsyncs: fsyncs ? await fsyncsPerRequest() : null,
  };
}

/** fsync/fdatasync calls per kiosk request (one request at a time), counted with strace when it is installed. */
async function fsyncsPerRequest(requests = 50) {
  if (spawnSync('strace', ['-V']).status !== 0) return null;
  const server = await benchServer();
  try {
    await drive(server.base, server.child.pid!, kioskHeaders, 5, 1, true);
    const log = join(mkdtempSync(join(tmpdir(), 'qms-strace-')), 'fsync.txt');
    const tracer = spawn('strace', ['-f', '-e', 'trace=fsync,fdatasync', '-o', log, '-p', String(server.child.pid)], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 1500));
    await drive(server.base, server.child.pid!, kioskHeaders, requests, 1, true);
    await new Promise((r) => setTimeout(r, 1500)); // the printer's outcome follows the answer
    tracer.kill('SIGINT');
    await new Promise((r) => tracer.once('exit', r));
    const calls = readFileSync(log, 'utf8').split('\n').filter((l) => /fsync|fdatasync/.test(l) && !l.includes('resumed>') && !l.includes('unfinished'));
    const resumed = readFileSync(log, 'utf8').split('\n').filter((l) => l.includes('<unfinished'));
    return Math.round(((calls.length + resumed.length) / requests) * 100) / 100;
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [who = 'kiosk', cpus, runs = '3', tickets = '600'] = process.argv.slice(2);
  console.log(await kioskIssue({ who: who as 'kiosk' | 'desk', ...(cpus && cpus !== 'all' ? { cpus } : {}), runs: Number(runs), tickets: Number(tickets), fsyncs: who === 'kiosk' }));
}
