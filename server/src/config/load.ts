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

/**
 * The machine's part of a config when there is no config file (`QMS_DEMO=off`, no `QMS_CONFIG`): defaults only, no
 * fields, counters, accounts or devices. The setup comes from the first-run wizard at /admin/ and lives in the database.
 */
export function blankConfig(): CenterConfig {
  // The schema wants a field and a counter; a placeholder of each passes it and is taken out.
  const parsed = CenterConfig.parse({
    center: { name: 'Trung tâm chưa được thiết lập', nameEn: 'Center not set up yet' },
    services: [{ id: 'none', code: 'none', name: 'none' }],
    counters: [{ id: 1, number: 1, name: 'none', serviceIds: ['none'] }],
  });
  return { ...parsed, services: [], counters: [] };
}
