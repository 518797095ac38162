import { HealthReply } from '@qms/protocol';
import { dbInfo } from '../../store/open';
import type { Router } from '../router';
import type { RouteDeps } from './deps';

export function healthRoutes(r: Router, { db, version, devices, floor }: RouteDeps) {
  r.doc({
    method: 'get',
    path: '/api/health',
    summary: 'Server, database and device health',
    access: 'anyone',
    responses: { 200: { description: 'Health', schema: HealthReply } },
  });
  r.app.get('/api/health', (c) => {
    let ok = true;
    try {
      db.prepare('SELECT 1').get();
    } catch {
      ok = false;
    }
    const info = dbInfo(db);
    return c.json({ ok, version, db: { ok, ...info }, demo: floor.config.demo, devices: devices() }, ok ? 200 : 503);
  });
}
