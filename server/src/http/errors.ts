import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { QueueError } from '../queue';
import { messageFor, type Lang } from './messages';

/** An error the API answers with a 4xx and `{error:{code,message}}`. */
export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

export function langOf(c: Context): Lang {
  return /^en\b/i.test(c.req.header('accept-language') ?? '') ? 'en' : 'vi';
}

export function errorResponse(c: Context, code: string, params: Record<string, string | number> = {}) {
  const { status, message } = messageFor(code, params, langOf(c));
  return c.json({ error: { code, message } }, status);
}

/** Zod issues in a line a person can read: `level: Invalid option …; ticketId: Required`. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => {
      const message = i.code === 'invalid_type' && /received undefined/.test(i.message) ? 'required (bắt buộc)' : i.message;
      return i.path.length ? `${i.path.join('.')}: ${message}` : message;
    })
    .join('; ');
}

export function handleError(err: Error, c: Context) {
  if (err instanceof ApiFailure || err instanceof QueueError) return errorResponse(c, err.code, err.params);
  if (err instanceof HTTPException && err.status < 500) {
    const code = /json/i.test(err.message) ? 'malformed_json' : 'invalid_input';
    return errorResponse(c, code, { detail: err.message });
  }
  console.error('Unexpected error on', c.req.method, c.req.path, err);
  return c.json({ error: { code: 'internal', message: 'Lỗi máy chủ, đã ghi nhận. / Server error, logged.' } }, 500);
}
