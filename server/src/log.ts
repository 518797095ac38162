import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * The server's structured log: one JSON object a line on stdout (`level`, `time`, `msg`, fields). Made once in the
 * composition root and passed down. `LOG_LEVEL` sets the level (`info` by default; `debug`, `warn`, `error`,
 * `silent`, …); the tests run `silent` unless it is set.
 */
export function createLogger(opts: { level?: string; destination?: DestinationStream } = {}): Logger {
  const level = opts.level ?? process.env.LOG_LEVEL ?? 'info';
  return pino(
    {
      level,
      base: { service: 'qms' },
      // Belt and braces: should a credential ever be put in a log call, it is not written.
      redact: { paths: ['token', 'password', 'passwordHash', 'authorization', 'cookie', '*.token', '*.password', '*.authorization', '*.cookie'], censor: '[redacted]' },
    },
    opts.destination,
  );
}
