import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { errorResponse } from './errors';
import { readBodyUpTo } from './read-body';

/**
 * A 413 for a body over `maxSize`. A body sent with its length is judged by its Content-Length header alone: Node's
 * parser never passes on more bytes than that. Hono's bodyLimit first touches `c.req.raw.body`, which makes
 * @hono/node-server build a whole web Request for every POST (~0.1 ms and ~15 KB) that the route's own
 * `c.req.json()` does without; it stays for bodies sent without a length (chunked), which it counts as they come.
 */
export function bodiesUpTo(maxSize: number): MiddlewareHandler {
  // Read the rest first, or the client sees a dropped connection instead of the 413.
  const tooLarge = async (c: Context) => {
    await readBodyUpTo(c.req.raw.body, 0, 8 * 1024 * 1024).catch(() => null);
    return errorResponse(c, 'too_large');
  };
  // Counted as it comes, the rest of the body cannot be read any more: the connection is closed after the 413, so the
  // client does not send its next request on it.
  const counted = bodyLimit({
    maxSize,
    onError: (c) => {
      c.header('connection', 'close');
      return errorResponse(c, 'too_large');
    },
  });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return counted(c, next);
    if (Number(length) > maxSize) return tooLarge(c);
    await next();
  };
}
