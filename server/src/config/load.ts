import { readFileSync } from 'node:fs';
import { configProblems } from './problems';
import { CenterConfig } from './schema';

export const demoConfigPath = new URL('./demo-center.json', import.meta.url);

/** A center config that cannot be used; its message is for a person (Vietnamese, then English), with no stack trace. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates a center config file; throws a `ConfigError` with every problem listed in plain words. */
export function loadConfig(path: string | URL): CenterConfig {
  const shown = path instanceof URL ? decodeURIComponent(path.pathname) : path;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ConfigError(`Không đọc được tệp cấu hình trung tâm ${shown} / Cannot read the center config ${shown}:\n  - ${(e as Error).message}`, { cause: e });
  }
  const parsed = CenterConfig.safeParse(raw);
  if (!parsed.success) {
    const lines = configProblems(parsed.error).map((l) => `  - ${l}`);
    throw new ConfigError(`Tệp cấu hình trung tâm ${shown} không hợp lệ / The center config ${shown} is not valid:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
