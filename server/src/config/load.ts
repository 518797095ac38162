import { readFileSync } from 'node:fs';
import { CenterConfig } from './schema';

export const demoConfigPath = new URL('./demo-center.json', import.meta.url);

/** Reads and validates a center config file; throws with every problem listed in plain words. */
export function loadConfig(path: string | URL): CenterConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`Cannot read the center config ${String(path)}: ${(e as Error).message}`, { cause: e });
  }
  const parsed = CenterConfig.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`The center config ${String(path)} is not valid:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
