import { Hono } from 'hono';
import { bodiesUpTo } from './body-limit';
import { requestLog } from './request-log';
import type { Authenticator } from './auth';
import type { AppEnv } from './env';
import { errorResponse, handleError } from './errors';
import { openApiDocument } from './openapi';
import { isDiskFull } from '../store/disk-state';
import { backupRoutes } from './routes/backups';
import { createRouter, type Router } from './router';
import { pairingRoutes } from './routes/pairing';
import { adminRoutes } from './routes/admin';
import { hubLinkRoutes } from './routes/hub-link';
import { firstSetupRoutes, setupGate } from './routes/first-setup';
import { authRoutes } from './routes/auth';
import type { RouteDeps } from './routes/deps';
import { healthRoutes } from './routes/health';
import { ratingRoutes } from './routes/ratings';
import { serviceRoutes } from './routes/services';
import { statsRoutes } from './routes/stats';
import { ticketRoutes } from './routes/tickets';
import { counterRoutes } from './routes/counters';
import { deskRoutes } from './routes/desk';
import { calendarRoutes } from './routes/calendar';
import { appointmentRoutes } from './routes/appointments';
import { displaySettingsRoutes } from './routes/display-settings';
import { isPhotoUpload, staffRoutes } from './routes/staff';
import { isVoiceUpload, voicePackFiles, voiceRoutes } from './routes/voice';
import { createVoiceStudio } from '../voice/studio';
import { staticScreens } from './static';
import { sameSiteWrites, securityHeaders } from './security';
import { printerRoutes } from '../devices/printer-routes';

export interface AppOptions extends RouteDeps {
  auth: Authenticator;
  /** Folder holding `<screen>-ui/dist`; screens are not served when absent (tests of the API alone). */
  screensRoot?: string;
  /** The center's own voice clips, served in place of the default pack's. */
  voiceDir?: string;
}

/** The whole HTTP API (and the screens), testable with `app.request()`. */
export function buildApp(opts: AppOptions): { app: Hono<AppEnv>; router: Router } {
  const app = new Hono<AppEnv>();
  app.use('*', requestLog(opts.log));
  app.onError((err, c) => {
    if (isDiskFull(err)) opts.disk?.noteFull();
    return handleError(err, c, opts.log);
  });
  app.notFound((c) => errorResponse(c, 'not_found'));
  app.use('*', securityHeaders);
  const smallBodies = bodiesUpTo(64 * 1024);
  app.use('/api/*', (c, next) => (isPhotoUpload(c.req.method, c.req.path) || isVoiceUpload(c.req.method, c.req.path) ? next() : smallBodies(c, next)));
  app.use('/api/*', opts.auth.middleware);
  app.use('/api/*', sameSiteWrites);
  app.use('/api/*', setupGate(opts.floor));

  const router = createRouter(app);
  if (opts.printing) printerRoutes(router, { printing: opts.printing, db: opts.db, floor: opts.floor, now: opts.now });
  for (const routes of [healthRoutes, firstSetupRoutes, authRoutes, serviceRoutes, ticketRoutes, counterRoutes, ratingRoutes, staffRoutes, statsRoutes, displaySettingsRoutes, deskRoutes, calendarRoutes, adminRoutes, hubLinkRoutes, backupRoutes, pairingRoutes, appointmentRoutes]) routes(router, opts);
  const studio = opts.voiceDir ? createVoiceStudio({ floor: opts.floor, db: opts.db, voiceDir: opts.voiceDir }) : null;
  if (studio) voiceRoutes(router, { studio });

  const openapi = openApiDocument(router.docs, opts.version);
  app.get('/api/openapi.json', (c) => c.json(openapi));
  if (studio) voicePackFiles(app, { studio, auth: opts.auth, screensRoot: opts.screensRoot });
  if (opts.screensRoot) staticScreens(app, { root: opts.screensRoot, voiceDir: opts.voiceDir, notSetUp: () => opts.floor.setup.needed() });
  return { app, router };
}
