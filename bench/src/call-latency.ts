import { io } from 'socket.io-client';
import type { FloorEvent } from '@qms/protocol';
import { benchServer } from './child';
import { percentile } from './stats';

const kiosk = { 'content-type': 'application/json', authorization: 'Bearer demo-kiosk-token-0001' };

/** Milliseconds from sending POST call-next to the `ticket.called` event arriving at a connected display socket. */
export async function callLatency({ calls = 300 } = {}) {
  const server = await benchServer();
  const display = io(server.base, { auth: { role: 'display' }, transports: ['websocket'] });
  try {
    await new Promise<void>((r) => display.once('snapshot', () => r()));
    for (let i = 0; i < calls; i++) {
      await fetch(`${server.base}/api/tickets`, { method: 'POST', headers: kiosk, body: JSON.stringify({ serviceId: i % 2 ? 'chung-thuc' : 'ho-tich' }) });
    }
    const login = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'canbo1', password: '123456' }) });
    const { token } = (await login.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };
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
