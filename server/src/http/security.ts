import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { sessionCookie } from './auth';
import type { AppEnv } from './env';
import { ApiFailure } from './errors';
import { sameOrigin } from './same-origin';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A request that changes something and is signed in by the session cookie alone must come from a page of this server:
 * another site's page could send it with the officer's cookie. A bearer token (devices, scripts, our own screens)
 * cannot be sent by another site, so those requests pass.
 */
export const sameSiteWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  const bearer = /^Bearer\s+\S+$/i.test(c.req.header('authorization') ?? '');
  if (!safeMethods.has(c.req.method) && !bearer && getCookie(c, sessionCookie) !== undefined && !sameOrigin((name) => c.req.header(name))) {
    throw new ApiFailure('cross_site');
  }
  await next();
};

/**
 * What every screen needs and no more: its own scripts and styles (React sets inline styles through the DOM, which
 * CSP allows; Vite writes no inline script), images and sounds from here or from data:/blob: URLs (QR codes, photo
 * previews, voice clips), the socket on this host. No page may be framed: no screen embeds another.
 */
export function contentSecurityPolicy(host: string | undefined): string {
  // 'self' covers the socket in today's browsers; older ones need its ws:// address. A Host that is no host name adds nothing.
  const sockets = host && /^[a-z0-9.-]+(:\d+)?$|^\[[0-9a-f:.]+\](:\d+)?$/i.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${sockets}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const h = c.res.headers;
  h.set('X-Content-Type-Options', 'nosniff');
  h.set('X-Frame-Options', 'DENY');
  h.set('Referrer-Policy', 'no-referrer');
  h.set('Content-Security-Policy', contentSecurityPolicy(c.req.header('host')));
};
