import { benchServer } from './child';
import { median } from './stats';

const services = ['ho-tich', 'chung-thuc', 'dat-dai', 'xay-dung', 'bao-tro-xa-hoi', 'nguoi-co-cong', 'bhxh'];

/**
 * Tickets per second through POST /api/tickets (synchronous=FULL), `clients` requests in flight; median of `runs` runs.
 * Issued as admin (channel `api`) so the figure is the API and the database, not the simulated printer's rendering.
 */
export async function issueThroughput({ tickets = 1400, clients = 8, runs = 5 } = {}) {
  const rates: number[] = [];
  for (let run = 0; run < runs; run++) {
    const server = await benchServer();
    try {
      const login = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'admin' }) });
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
      let next = 0;
      const start = performance.now();
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (next < tickets) {
            const i = next++;
            const res = await fetch(`${server.base}/api/tickets`, { method: 'POST', headers, body: JSON.stringify({ serviceId: services[i % services.length] }) });
            if (res.status !== 201) throw new Error(`issue failed: ${res.status} ${await res.text()}`);
          }
        }),
      );
      rates.push(tickets / ((performance.now() - start) / 1000));
    } finally {
      server.stop();
    }
  }
  return { tickets, clients, runs, perRun: rates.map(Math.round), median: Math.round(median(rates)) };
}
