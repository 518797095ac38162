import { BackupsReply, toLocalIso, type BackupHealth } from '@qms/protocol';
import { allow } from '../auth';
import { errorResponses, type Router } from '../router';
import type { Backups } from '../../store/backup';
import type { RouteDeps } from './deps';

const dayMs = 24 * 3600_000;

/** The backups' state for `/api/health` and the admin page: a warning when the last good copy is over a day old or the last attempt failed. */
export function backupHealth(backups: Backups, now: number, timeZone: string): BackupHealth {
  const s = backups.status();
  const mainDir = backups.dir;
  return {
    lastGoodAt: s.lastGoodAt === null ? null : toLocalIso(s.lastGoodAt, timeZone),
    ageHours: s.lastGoodAt === null ? null : Math.round(((now - s.lastGoodAt) / 3600_000) * 10) / 10,
    warning: s.failures.length > 0 ? 'failed' : s.lastGoodAt === null || now - s.lastGoodAt > dayMs ? 'stale' : null,
    failures: s.failures.map((f) => ({ target: f.dir === mainDir ? 'main' : 'second', message: f.message })),
  };
}

function reply(backups: Backups, now: number, timeZone: string): BackupsReply {
  const mainDir = backups.dir;
  return {
    status: backupHealth(backups, now, timeZone),
    copies: backups.list().map((e) => ({ file: e.file, target: e.dir === mainDir ? 'main' : 'second', at: toLocalIso(e.at, timeZone), size: e.size, verified: e.verified })),
  };
}

export function backupRoutes(r: Router, { backups, now, floor }: RouteDeps) {
  if (!backups) return;
  const tz = floor.config.timezone;
  r.doc({
    method: 'get',
    path: '/api/admin/backups',
    summary: 'The database copies in each backup folder (newest first: time, size, verified) and the warning, if any',
    access: 'admin',
    responses: { 200: { description: 'The copies', schema: BackupsReply }, ...errorResponses(401, 403) },
  });
  r.app.get('/api/admin/backups', allow('admin'), (c) => c.json(reply(backups, now(), tz)));

  r.doc({
    method: 'post',
    path: '/api/admin/backups',
    summary: 'Take a copy now in every backup folder (online backup, then integrity_check); answers the list as GET does',
    access: 'admin',
    responses: { 200: { description: 'The copies after this one', schema: BackupsReply }, ...errorResponses(401, 403) },
  });
  r.app.post('/api/admin/backups', allow('admin'), async (c) => {
    await backups.runNow();
    return c.json(reply(backups, now(), tz));
  });
}
