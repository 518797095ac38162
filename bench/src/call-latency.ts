import { io } from 'socket.io-client';
import type { FloorEvent } from '@qms/protocol';
import { benchServer } from './child';
import { percentile } from './stats';

const json = { 'content-type': 'application/json' };
const tokenOf = async (base: string, username: string, password: string) => {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username, password }) });
  return ((await res.json()) as { token: string }).token;
};

/** Milliseconds from sending POST call-next to the `ticket.called` event arriving at a connected display socket. */
export async function callLatency({ calls = 300 } = {}) {
  const server = await benchServer();
  const display = io(server.base, { auth: { role: 'display', token: 'demo-display-token-0001' }, transports: ['websocket'] });
  try {
    await new Promise<void>((r) => display.once('snapshot', () => r()));
    // Issued as admin (channel `api`): nothing is printed, so the simulated printer does not share the measurement.
    const admin = { ...json, authorization: `Bearer ${await tokenOf(server.base, 'admin', 'admin')}` };
    for (let i = 0; i < calls; i++) {
      await fetch(`${server.base}/api/tickets`, { method: 'POST', headers: admin, body: JSON.stringify({ serviceId: i % 2 ? 'chung-thuc' : 'ho-tich' }) });
    }
    const auth = { authorization: `Bearer ${await tokenOf(server.base, 'canbo1', '123456')}` };
    await fetch(`${server.base}/api/counters/1/sign-in`, { method: 'POST', headers: auth });

    const samples: number[] = [];
    for (let i = 0; i < calls; i++) {
      const arrived = new Promise<number>((resolve) => {
        const on = (e: FloorEvent) => {
          if (e.type !== 'ticket.called') return;
          display.off('event', on);
          resolve(performance.now());
        };
        display.on('event', on);
      });
      const start = performance.now();
      const res = await fetch(`${server.base}/api/counters/1/call-next`, { method: 'POST', headers: auth });
      if (res.status !== 200) throw new Error(`call-next failed: ${res.status}`);
      samples.push((await arrived) - start);
    }
    const r = (x: number) => Math.round(x * 100) / 100;
    return { calls, p50: r(percentile(samples, 50)), p99: r(percentile(samples, 99)), max: r(Math.max(...samples)) };
  } finally {
    display.close();
    server.stop();
  }
}
