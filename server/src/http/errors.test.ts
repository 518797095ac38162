import { Writable } from 'node:stream';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { ApiFailure, handleError } from './errors';
import { isErrorCode, messageFor, type ErrorCode } from './messages';

function appWithLog() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  const log = createLogger({ level: 'info', destination });
  const app = new Hono();
  app.onError((err, c) => handleError(err, c, log));
  return { app, lines };
}

describe('error codes', () => {
  it('a known code answers its status and words', async () => {
    const { app, lines } = appWithLog();
    app.get('/x', () => {
      throw new ApiFailure('unknown_counter', { counter: 9 });
    });
    const res = await app.request('/x');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'unknown_counter', message: 'Không có quầy 9.' } });
    expect(lines).toEqual([]);
  });

  it('an unknown code is a 500 logged loudly, never a silent 400', async () => {
    const { app, lines } = appWithLog();
    app.get('/x', () => {
      throw new ApiFailure('no_such_code' as ErrorCode);
    });
    const res = await app.request('/x');
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('internal');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, msg: 'unexpected error', unknownCode: 'no_such_code', route: '/x' });
  });

  it('the code set is typed: an unknown code does not compile', () => {
    // @ts-expect-error 'no_such_code' is not an ErrorCode (tsc fails on this file if it ever becomes one)
    expect(() => new ApiFailure('no_such_code')).not.toThrow();
    // @ts-expect-error likewise for the words
    expect(() => messageFor('no_such_code', {}, 'vi')).toThrow();
    expect([isErrorCode('unknown_counter'), isErrorCode('no_such_code'), isErrorCode('toString')]).toEqual([true, false, false]);
  });
});
