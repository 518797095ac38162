import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { blankConfig, CenterConfig, demoConfigPath, loadConfig, startServer, type Logger, type RunningServer } from '@qms/server';

export const kioskToken = 'demo-kiosk-token-0001';

/** A settable clock, so a test can move through a service day. */
export function testClock(start = Date.parse('2026-03-16T02:00:00Z')) {
  let t = start;
  return { now: () => t, set: (ms: number) => void (t = ms), advance: (ms: number) => void (t += ms) };
}

/** The demo config with some fields replaced; they may be written as in a config file (priority groups as bare codes). */
export function demoConfig(overrides: Partial<z.input<typeof CenterConfig>> = {}): CenterConfig {
  return CenterConfig.parse({ ...loadConfig(demoConfigPath), ...overrides });
}

export interface TestServer extends RunningServer {
  dataDir: string;
  stop: () => Promise<void>;
}

/** A real server on a free port with a fresh SQLite file in a temp folder. */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export async function startTestServer(
  opts: { config?: CenterConfig; now?: () => number; dataDir?: string; port?: number; withScreens?: boolean; logger?: Logger; setupInBrowser?: boolean } = {},
): Promise<TestServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'qms-test-'));
  const server = await startServer({ config: opts.config ?? (opts.setupInBrowser ? blankConfig() : demoConfig()), dataDir,
    ...(opts.setupInBrowser ? { setupInBrowser: true } : {}),
    port: opts.port ?? 0,
    host: '127.0.0.1',
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.withScreens ? { screensRoot: repoRoot } : {}),
    ...(opts.logger ? { logger: opts.logger } : {}),
  });
  return {
    ...server,
    dataDir,
    stop: async () => {
      await server.close();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A tiny JSON client for the HTTP contract. */
export function client(baseUrl: string, token?: string) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(baseUrl + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as any) : null, headers: res.headers };
  };
  return {
    get: (path: string, headers?: Record<string, string>) => call('GET', path, undefined, headers),
    post: (path: string, body?: unknown, headers?: Record<string, string>) => call('POST', path, body, headers),
  };
}

export async function login(baseUrl: string, username: string, password = '123456'): Promise<string> {
  const res = await client(baseUrl).post('/api/auth/login', { username, password });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

/** Signs officer canboN in at counter N and returns their client. */
export async function officerAt(baseUrl: string, counter: number) {
  const api = client(baseUrl, await login(baseUrl, `canbo${counter}`));
  const res = await api.post(`/api/counters/${counter}/sign-in`);
  if (res.status !== 200) throw new Error(`sign-in ${counter} failed: ${JSON.stringify(res.body)}`);
  return api;
}
