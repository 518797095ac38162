import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { accounts, seedAdmin } from './auth/accounts';
import { centers } from './centers';
import { createPool, inTransaction, migrate } from './db/pool';
import { buildHubApp } from './http/app';
import { rebuildRollups, rollupsMissing } from './rollups';

export const hubVersion = '0.1.0';

export interface HubOptions {
  databaseUrl: string;
  port: number;
  host?: string;
  /** Sets the city admin `admin`'s password on an empty database. */
  adminPassword?: string | undefined;
  now?: () => number;
  /** The built city screens; by default hub-ui/dist beside the hub (from hub/src in development, hub/dist when built). */
  uiDir?: string;
}

// hub/src/hub.ts and the bundle hub/dist/main.mjs both sit two folders below the repository's root.
const defaultUiDir = fileURLToPath(new URL('../../hub-ui/dist/', import.meta.url));

/** Composition root of the city hub: PostgreSQL (migrated) → HTTP. */
export async function startHub(opts: HubOptions) {
  const now = opts.now ?? Date.now;
  const pool = createPool(opts.databaseUrl);
  // A dropped idle connection (the server restarted) is replaced on the next query; it must not end the process.
  pool.on('error', () => undefined);
  await migrate(pool);
  if (await rollupsMissing(pool)) await inTransaction(pool, rebuildRollups);
  const adminCreated = await seedAdmin(pool, opts.adminPassword);
  const app = buildHubApp({ pool, accounts: accounts(pool, now), centers: centers(pool, now), now, version: hubVersion, uiDir: opts.uiDir ?? defaultUiDir });
  const http = await new Promise<HttpServer>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host ?? '0.0.0.0' }, () => resolve(s as HttpServer)) as HttpServer;
    s.once('error', reject);
  });
  const port = (http.address() as AddressInfo).port;
  let closed = false;
  return {
    port,
    url: `http://localhost:${port}`,
    app,
    pool,
    adminCreated,
    async close() {
      if (closed) return;
      closed = true;
      http.closeAllConnections?.();
      await new Promise<void>((r) => http.close(() => r()));
      await pool.end();
    },
  };
}
export type RunningHub = Awaited<ReturnType<typeof startHub>>;
