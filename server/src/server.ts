import { ticketId } from './floor/ticket-id';
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
import { faultsFromEnv } from './floor/faults';
import { startRatingSweep } from './floor/rate-sweep';
import { startAppointmentSweep } from './floor/appointment-sweep';
import { createAuthenticator } from './http/auth';
import { buildApp } from './http/app';
import { attachRealtime } from './realtime/io';
import { createStats } from './stats/worker-client';
import { followPhotoFolder } from './staff/follow-folder';
import { createPhotoStore } from './staff/photo-store';
import { startBackups } from './store/backup';
import { recoverVoiceClips } from './voice/recover';
import { createDiskState } from './store/disk-state';
import { highWaterFile } from './store/high-water';
import { clearUnfinishedRequests } from './http/idempotency';
import { openDb } from './store/open';
import { importOnFirstStart } from './floor/setup-import';
import { effectiveConfig } from './store/setup';
import { createLogger, type Logger } from './log';
import { startHubSync } from './hub-sync';
import { createHubLink } from './hub-sync/link';

export const version = '0.1.0';

export interface ServerOptions {
  config: CenterConfig;
  dataDir: string;
  port: number;
  host?: string;
  /** Folder holding the `<screen>-ui/dist` builds. */
  screensRoot?: string;
  now?: () => number;
  /** The server's log; by default one on stdout at `LOG_LEVEL` (info). */
  logger?: Logger;
  /**
   * No config file (`QMS_DEMO=off`): `config` is only the machine's part (`blankConfig()`), nothing is imported, and
   * until the first-run wizard at /admin/ is done the center is empty and the API answers `setup_required`.
   */
  setupInBrowser?: boolean;
  /** The city hub to push the event log to; by default `QMS_HUB_URL` and `QMS_HUB_KEY`, none when unset. */
  hub?: { url: string; key: string; maxBackoffMs?: number } | null;
}

/** Composition root: config → store → floor → HTTP + realtime → listen. */
export async function startServer(opts: ServerOptions) {
  const now = opts.now ?? Date.now;
  const log = opts.logger ?? createLogger();
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  chmodSync(opts.dataDir, 0o700);
  const db = openDb(join(opts.dataDir, 'qms.sqlite'), { now });
  clearUnfinishedRequests(db);
  // The database holds the setup; the file is imported on the first start only (docs/config.md). `config` is the
  // setup the server runs with, updated in place when the admin changes it.
  const config = opts.setupInBrowser ? effectiveConfig(db, opts.config) : importOnFirstStart(db, opts.config, now(), (message) => log.warn(message));
  const highWater = highWaterFile(join(opts.dataDir, 'numbering.json'));
  for (const r of highWater.restore(db)) log.warn({ serviceId: r.serviceId, day: r.day, from: r.from, to: r.to }, `Số vé tiếp tục sau ${r.to} / numbering continues after ${r.to} (the restored database had ${r.from ?? 'none'})`);
  const faults = faultsFromEnv(process.env.QMS_FAULT);
  const floor = createFloor({ db, config, now, newId: () => ticketId(now()), ...(faults ? { faults } : {}) });
  const disk = createDiskState(opts.dataDir, now);
  // The mark as it stands after the start's raise, synced once; after each ticket it is written without fsync (high-water.ts).
  try {
    highWater.record(db, floor.serviceDay(), { sync: true });
  } catch (err) {
    log.error({ err }, 'Không ghi được số vé cao nhất / numbering mark not written');
  }
  floor.bus.on('event', (e) => {
    // Device states and the clock's refresh are published without a write; every other event follows a commit.
    if (e.type !== 'device.status' && e.type !== 'services.updated') disk.noteWriteOk();
    if (e.type !== 'ticket.issued') return;
    try {
      highWater.record(db, e.ticket.serviceDay);
    } catch (err) {
      // The ticket is committed: its answer must not fail. Only a later restore would lack this mark.
      if ((err as NodeJS.ErrnoException).code === 'ENOSPC') disk.noteFull();
      log.error({ err }, 'Không ghi được số vé cao nhất / numbering mark not written');
    }
  });
  // Before the first copy of this start, so a restored database's recordings are back in it too.
  recoverVoiceClips(db, join(opts.dataDir, 'voice'), [join(opts.dataDir, 'backups'), ...(config.backups.secondDir ? [config.backups.secondDir] : [])], log);
  const backups = startBackups({
    db,
    dir: join(opts.dataDir, 'backups'),
    secondDir: config.backups.secondDir,
    times: config.backups.times,
    keepDays: config.backups.keepDays,
    timeZone: config.timezone,
    now,
    photoDir: resolve(config.rating.photoDir ?? join(opts.dataDir, 'photos')),
    voiceDir: join(opts.dataDir, 'voice'),
    log: (message) => log.error(message),
  });
  const auth = createAuthenticator({ users: floor.queries.users, config, now });
  const registry = createDeviceRegistry(floor);
  let realtime: ReturnType<typeof attachRealtime> | null = null;
  const devices = () => [
    ...config.devices.map((d) => {
      const ok = realtime?.isConnected(d.id) ?? false;
      return { id: d.id, kind: d.kind, ok, code: ok ? 'connected' : 'not_connected', detail: ok ? 'connected' : 'not connected' };
    }),
    ...registry.list(),
  ];
  const stats = createStats(db);
  const photoDir = resolve(config.rating.photoDir ?? join(opts.dataDir, 'photos'));
  let publicUrl = '';
  const printing = createTicketPrinting({ floor, registry, printers: config.hardware.printers ?? [], dataDir: opts.dataDir, publicUrl: () => publicUrl, log });
  // The city hub: the environment's link (or the options') wins; else the one the admin page stored, followed live.
  const fixedHub = opts.hub !== undefined ? opts.hub : process.env.QMS_HUB_URL && process.env.QMS_HUB_KEY ? { url: process.env.QMS_HUB_URL, key: process.env.QMS_HUB_KEY } : null;
  const hubLink = createHubLink({
    db,
    fixed: fixedHub,
    timeZone: config.timezone,
    start: (target) => startHubSync({ db, ...target, ...(fixedHub?.maxBackoffMs ? { maxBackoffMs: fixedHub.maxBackoffMs } : {}), now, log, timeZone: config.timezone, centerName: () => config.center.name, version }),
  });
  floor.bus.on('event', () => hubLink.sync?.kick());
  const { app, router } = buildApp({
    hubLink,
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
    log,
    backups,
    disk,
    ...(opts.screensRoot ? { screensRoot: opts.screensRoot } : {}),
  });

  const http = await new Promise<HttpServer>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host ?? '0.0.0.0' }, () => resolve(s as HttpServer)) as HttpServer;
    s.once('error', reject);
  });
  realtime = attachRealtime(http, { floor, auth, now, log });
  // A setup change may add or hide counters and fields, rename the center…: every screen starts over from a snapshot.
  floor.bus.on('event', (e) => {
    if (e.type === 'setup.updated') realtime?.resyncAll();
  });
  const keypads = await startKeypads({ buses: config.hardware.keypads, floor, registry, log });
  const ledBoards = await startLedBoards({ buses: config.hardware.ledBoards ?? [], floor, registry });
  const ratingBoxes = await startRatingBoxes({ boxes: config.hardware.ratingBoxes ?? [], floor, registry });
  const ratingSweep = startRatingSweep(floor, log);
  const appointmentSweep = startAppointmentSweep(floor, db, log);
  const floorClock = startFloorClock(floor, { onNewDay: () => realtime?.resyncAll(), log });
  void followPhotoFolder(floor, createPhotoStore(photoDir)).catch((err: unknown) => log.error({ err }, 'officer photos: folder check failed'));
  const port = (http.address() as AddressInfo).port;
  publicUrl = defaultPublicUrl({ publicUrl: config.publicUrl, host: opts.host, port });

  return {
    port,
    url: `http://localhost:${port}`,
    app,
    router,
    floor,
    db,
    io: realtime.io,
    /** `auth.endSessionsOf(userId)` signs an account out everywhere and ends its sockets. */
    auth,
    registry,
    keypads,
    ratingBoxes,
    ledBoards,
    ratingSweep,
    /** No-shows and the erasure of phone numbers (tests call `sweep()` after moving the clock). */
    appointmentSweep,
    floorClock,
    printing,
    backups,
    stats,
    log,
    /** The push loop to the city hub, or null while the center is not linked (it follows the admin page). */
    get hubSync() {
      return hubLink.sync;
    },
    hubLink,
    async close() {
      hubLink.stop();
      await backups.stop();
      await keypads.stop();
      await printing.stop();
      ratingSweep.stop();
      appointmentSweep.stop();
      floorClock.stop();
      await ratingBoxes.stop();
      await ledBoards.stop();
      await realtime?.io.close();
      await new Promise<void>((r) => http.close(() => r()));
      await stats.close();
      highWater.close();
      db.close();
    },
  };
}
export type RunningServer = Awaited<ReturnType<typeof startServer>>;
