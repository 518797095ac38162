import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './log';

const memory = () => {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  return { lines, destination };
};

describe('the server log', () => {
  it('writes at LOG_LEVEL and above, and keeps credentials out', () => {
    const { lines, destination } = memory();
    const log = createLogger({ level: 'warn', destination });
    log.info('not written');
    log.warn({ token: 'abc-secret', user: { password: 'pw-secret' } }, 'written');
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(lines)).not.toMatch(/abc-secret|pw-secret/);
  });

  it('an unknown LOG_LEVEL logs at info with a warning instead of failing to start', () => {
    const { lines, destination } = memory();
    const log = createLogger({ level: 'verbose', destination });
    log.info('written');
    expect(lines.map((l) => l.msg)).toEqual(['LOG_LEVEL "verbose" is not a level; logging at info', 'written']);
  });
});
