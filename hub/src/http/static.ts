import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { Hono, MiddlewareHandler } from 'hono';
import { errorReply, HubError } from './errors';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * The policy of the center's screens (server/src/http/security.ts) less what the city screens do not use (sockets,
 * sounds): their own scripts and styles, images from here or data:/blob: URLs, requests to this host only, no framing.
 */
export const hubContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const hubSecurityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const h = c.res.headers;
  h.set('X-Content-Type-Options', 'nosniff');
  h.set('X-Frame-Options', 'DENY');
  h.set('Referrer-Policy', 'no-referrer');
  h.set('Content-Security-Policy', hubContentSecurityPolicy);
};

/** The city screens (hub-ui's build) at `/`: its files, and its index.html for every other page address. */
export function staticHubUi(app: Hono, dist: string) {
  app.get('*', (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    let path: string;
    try {
      path = decodeURIComponent(c.req.path.slice(1));
    } catch {
      return errorReply(c, new HubError('not_found'));
    }
    const rel = normalize(path).replace(/^(\.\.[/\\])+/, '');
    const isAsset = rel !== '' && rel !== '.' && extname(rel) !== '';
    let file = join(dist, rel);
    if (!isAsset || !file.startsWith(dist) || !existsSync(file)) {
      if (isAsset) return errorReply(c, new HubError('not_found'));
      file = join(dist, 'index.html');
      if (!existsSync(file)) return c.text('Màn hình thành phố chưa được build: chạy "npm run build -w hub-ui". / The city screens are not built: run "npm run build -w hub-ui".', 503);
    }
    const cache = rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    return c.body(readFileSync(file), 200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
  });
}
