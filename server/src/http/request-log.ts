import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from '../log';

/**
 * One line a request: method, route pattern (`/api/tickets/:id`, never the path itself nor its query, which may carry
 * a device token, a ticket id or a rating key), status and duration. No headers, no bodies: credentials, cookies and
 * citizens' data stay out of the log.
 */
export function requestLog(parent: Logger): MiddlewareHandler {
  // The line is built here from those four fields alone, so the logger's redaction (a walk of every object logged,
  // ~8 KB of garbage a request) has nothing to find in it.
  const log = parent.child({}, { redact: [] });
  return async (c, next) => {
    const start = performance.now();
    await next();
    const status = c.res.status;
    const line = { method: c.req.method, route: routePath(c) || null, status, ms: Math.round((performance.now() - start) * 10) / 10 };
    if (status >= 500) log.error(line, 'request');
    else log.info(line, 'request');
  };
}
