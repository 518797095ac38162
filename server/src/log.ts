import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * The server's structured log: one JSON object a line on stdout (`level`, `time`, `msg`, fields). Made once in the
 * composition root and passed down. `LOG_LEVEL` sets the level (`info` by default; `debug`, `warn`, `error`,
 * `silent`, …); the tests run `silent` unless it is set.
 */
export function createLogger(opts: { level?: string; destination?: DestinationStream } = {}): Logger {
  const wanted = opts.level ?? process.env.LOG_LEVEL ?? 'info';
  const known = wanted === 'silent' || Object.hasOwn(pino.levels.values, wanted);
  const level = known ? wanted : 'info';
  const log = pino(
    {
      level,
      base: { service: 'qms' },
      // Belt and braces: should a credential ever be put in a log call, it is not written.
      redact: { paths: ['token', 'password', 'passwordHash', 'authorization', 'cookie', '*.token', '*.password', '*.authorization', '*.cookie'], censor: '[redacted]' },
    },
    opts.destination,
  );
  if (!known) log.warn({ wanted, levels: [...Object.keys(pino.levels.values), 'silent'] }, `LOG_LEVEL "${wanted}" is not a level; logging at info`);
  return log;
}
