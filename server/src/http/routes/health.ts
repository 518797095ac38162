import { HealthReply } from '@qms/protocol';
import { dbInfo } from '../../store/open';
import type { Router } from '../router';
import { backupHealth } from './backups';
import type { RouteDeps } from './deps';

export function healthRoutes(r: Router, { db, version, devices, floor, backups, disk, now }: RouteDeps) {
  r.doc({
    method: 'get',
    path: '/api/health',
    summary: 'Server health. Anyone: `{ ok, version, demo }`; a signed-in user or device also gets the database, disk space, backups and devices',
    access: 'anyone',
    responses: { 200: { description: 'Health', schema: HealthReply }, 503: { description: 'The database cannot be read, or the disk is full', schema: HealthReply } },
  });
  r.app.get('/api/health', (c) => {
    let dbOk = true;
    try {
      db.prepare('SELECT 1').get();
    } catch {
      dbOk = false;
    }
    const space = disk?.state();
    const ok = dbOk && !space?.full;
    const status = ok ? 200 : 503;
    const demo = floor.config.demo;
    // File-system paths and device details are for the staff and the devices, not for anyone on the LAN.
    if (!c.get('principal')) return c.json({ ok, version, demo }, status);
    return c.json(
      {
        ok,
        version,
        db: { ok: dbOk, ...dbInfo(db) },
        demo,
        ...(space ? { storage: { diskFull: space.full, freeBytes: space.freeBytes, lowSpace: space.low } } : {}),
        ...(backups ? { backups: backupHealth(backups, now(), floor.config.timezone) } : {}),
        devices: devices(),
      },
      status,
    );
  });
}
