import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import type { CenterConfig } from './config/schema';
import { createDeviceRegistry } from './devices/registry';
import { startKeypads } from './devices/keypad';
import { startLedBoards } from './devices/led';
import { createTicketPrinting, defaultPublicUrl } from './devices/printer';
import { startRatingBoxes } from './devices/rating-box';
import { createFloor } from './floor';
import { startFloorClock } from './floor/clock';
import { startRatingSweep } from './floor/rate-sweep';
import { createAuthenticator } from './http/auth';
import { buildApp } from './http/app';
import { attachRealtime } from './realtime/io';
import { createStats } from './stats/worker-client';
import { followPhotoFolder } from './staff/follow-folder';
import { createPhotoStore } from './staff/photo-store';
import { startBackups } from './store/backup';
import { createDiskState } from './store/disk-state';
import { highWaterFile } from './store/high-water';
import { clearUnfinishedRequests } from './http/idempotency';
import { openDb } from './store/open';
import { syncConfig } from './store/sync-config';

export const version = '0.1.0';

export interface ServerOptions {
  config: CenterConfig;
  dataDir: string;
  port: number;
  host?: string;
  /** Folder holding the `<screen>-ui/dist` builds. */
  screensRoot?: string;
  now?: () => number;
}

/** Composition root: config → store → floor → HTTP + realtime → listen. */
export async function startServer(opts: ServerOptions) {
  const now = opts.now ?? Date.now;
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  chmodSync(opts.dataDir, 0o700);
  const db = openDb(join(opts.dataDir, 'qms.sqlite'), { now });
  clearUnfinishedRequests(db);
  syncConfig(db, opts.config);
  const highWater = highWaterFile(join(opts.dataDir, 'numbering.json'));
  for (const r of highWater.restore(db)) console.error(`Số vé tiếp tục sau ${r.to} (${r.serviceId}, ${r.day}) / numbering continues after ${r.to} (restored database had ${r.from ?? 'none'})`);
  const floor = createFloor({ db, config: opts.config, now, newId: randomUUID });
  const disk = createDiskState(opts.dataDir, now);
  floor.bus.on('event', (e) => {
    // Device states and the clock's refresh are published without a write; every other event follows a commit.
    if (e.type !== 'device.status' && e.type !== 'services.updated') disk.noteWriteOk();
    if (e.type !== 'ticket.issued') return;
    try {
      highWater.record(db, e.ticket.serviceDay);
    } catch (err) {
      // The ticket is committed: its answer must not fail. Only a later restore would lack this mark.
      if ((err as NodeJS.ErrnoException).code === 'ENOSPC') disk.noteFull();
      console.error(`Không ghi được số vé cao nhất / numbering mark not written: ${(err as Error).message}`);
    }
  });
  const backups = startBackups({
    db,
    dir: join(opts.dataDir, 'backups'),
    secondDir: opts.config.backups.secondDir,
    times: opts.config.backups.times,
    keepDays: opts.config.backups.keepDays,
    timeZone: opts.config.timezone,
    now,
    photoDir: resolve(opts.config.rating.photoDir ?? join(opts.dataDir, 'photos')),
  });
  const auth = createAuthenticator({ users: floor.queries.users, config: opts.config, now });
  const registry = createDeviceRegistry(floor);
  let realtime: ReturnType<typeof attachRealtime> | null = null;
  const devices = () => [
    ...opts.config.devices.map((d) => {
      const ok = realtime?.isConnected(d.id) ?? false;
      return { id: d.id, kind: d.kind, ok, code: ok ? 'connected' : 'not_connected', detail: ok ? 'connected' : 'not connected' };
    }),
    ...registry.list(),
  ];
  const stats = createStats(db);
  const photoDir = resolve(opts.config.rating.photoDir ?? join(opts.dataDir, 'photos'));
  let publicUrl = '';
  const printing = createTicketPrinting({ floor, registry, printers: opts.config.hardware.printers ?? [], dataDir: opts.dataDir, publicUrl: () => publicUrl });
  const { app, router } = buildApp({
    floor,
    db,
    now,
    version,
    devices,
    auth,
    printing,
    voiceDir: join(opts.dataDir, 'voice'),
    photoDir,
    stats,
    backups,
    disk,
    ...(opts.screensRoot ? { screensRoot: opts.screensRoot } : {}),
  });

  const http = await new Promise<HttpServer>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host ?? '0.0.0.0' }, () => resolve(s as HttpServer)) as HttpServer;
    s.once('error', reject);
  });
  realtime = attachRealtime(http, { floor, auth });
  const keypads = await startKeypads({ buses: opts.config.hardware.keypads, floor, registry });
  const ledBoards = await startLedBoards({ buses: opts.config.hardware.ledBoards ?? [], floor, registry });
  const ratingBoxes = await startRatingBoxes({ boxes: opts.config.hardware.ratingBoxes ?? [], floor, registry });
  const ratingSweep = startRatingSweep(floor);
  const floorClock = startFloorClock(floor, { onNewDay: () => realtime?.resyncAll() });
  void followPhotoFolder(floor, createPhotoStore(photoDir)).catch((e: unknown) => console.error('officer photos: folder check failed', e));
  const port = (http.address() as AddressInfo).port;
  publicUrl = defaultPublicUrl({ publicUrl: opts.config.publicUrl, host: opts.host, port });

  return {
    port,
    url: `http://localhost:${port}`,
    app,
    router,
    floor,
    db,
    io: realtime.io,
    registry,
    keypads,
    ratingBoxes,
    ledBoards,
    ratingSweep,
    floorClock,
    printing,
    backups,
    stats,
    async close() {
      await backups.stop();
      await keypads.stop();
      await printing.stop();
      ratingSweep.stop();
      floorClock.stop();
      await ratingBoxes.stop();
      await ledBoards.stop();
      await realtime?.io.close();
      await new Promise<void>((r) => http.close(() => r()));
      await stats.close();
      db.close();
    },
  };
}
export type RunningServer = Awaited<ReturnType<typeof startServer>>;
