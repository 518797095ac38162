import { benchServer } from './child';
import { median, percentile } from './stats';

const round = (x: number) => Math.round(x * 10) / 10;
/** Between two health checks: a busy floor's pace and more (kiosk taps, desk presses, display polls), without the probe eating a core. */
const pauseMs = 10;

async function healthOnce(base: string) {
  const s = performance.now();
  const res = await fetch(`${base}/api/health`);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`health ${res.status}`);
  return performance.now() - s;
}

/**
 * `GET /api/health` one after another (10 ms apart) while `summaries` year summaries (2025, one after another) are computed, with the
 * stats worker (`worker`) or in the server's own thread (`QMS_STATS_WORKER=off`); the server in its own process.
 */
export async function healthDuringYear(dataDir: string, worker: boolean, summaries = 3) {
  const server = await benchServer({ dataDir, env: { QMS_STATS_WORKER: worker ? 'on' : 'off' } });
  try {
    const login = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'quanly', password: '123456' }) });
    const headers = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
    const summary = async (from: string, to: string) => {
      const s = performance.now();
      const res = await fetch(`${server.base}/api/stats/summary?from=${from}&to=${to}`, { headers });
      await res.json();
      if (res.status !== 200) throw new Error(`summary ${res.status}`);
      return performance.now() - s;
    };
    await summary('2025-01-01', '2025-01-01'); // starts the worker
    const idle: number[] = [];
    for (let i = 0; i < 50; i++) idle.push(await healthOnce(server.base));
    const busy: number[] = [];
    const years: number[] = [];
    let done = false;
    const probe = (async () => {
      while (!done) {
        busy.push(await healthOnce(server.base));
        await new Promise((r) => setTimeout(r, pauseMs));
      }
    })();
    try {
      for (let i = 0; i < summaries; i++) years.push(await summary('2025-01-01', '2025-12-31'));
    } finally {
      done = true;
      await probe;
    }
    return {
      mode: worker ? 'worker' : 'in process',
      year: round(median(years)),
      idleP50: round(median(idle)),
      p50: round(median(busy)),
      p99: round(percentile(busy, 99)),
      max: round(Math.max(...busy)),
      samples: busy.length,
    };
  } finally {
    await server.stop();
  }
}
