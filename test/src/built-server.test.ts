import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@qms/drivers/testing';
import { freePort, waitForExit } from './support/child-server';
import { productionCopy } from './support/production-copy';
import { client, login } from './support/server';

const repo = fileURLToPath(new URL('../../', import.meta.url));
/** No tsx, no loader: what `npm start` runs in production, where devDependencies are not installed. */
const plainEnv = (extra: Record<string, string>) => {
  const env: Record<string, string | undefined> = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  return env;
};

describe('the server built to plain JavaScript (server/dist), installed without devDependencies', () => {
  const work = mkdtempSync(join(tmpdir(), 'qms-built-'));
  const root = join(work, 'app');
  const dataDir = join(work, 'data');
  let child: ChildProcess;
  let url = '';
  let output = '';

  beforeAll(async () => {
    productionCopy(repo, root);
    // As `npm start` does before it runs the server.
    const build = spawnSync(process.execPath, ['scripts/build-server.mjs', '--if-stale'], { cwd: root, encoding: 'utf8', env: plainEnv({}), timeout: 120_000 });
    expect(build.status, build.stderr).toBe(0);
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['server/dist/main.mjs'], {
      cwd: root,
      env: plainEnv({ PORT: String(port), QMS_DATA_DIR: dataDir, LOG_LEVEL: 'info' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the built server exited (${child.exitCode}):\n${output}`);
      if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) break;
      if (Date.now() > deadline) throw new Error(`the built server did not answer within 60 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 120_000);

  afterAll(async () => {
    child?.kill('SIGTERM');
    if (child) await waitForExit(child);
    rmSync(work, { recursive: true, force: true });
  });

  it('loads no TypeScript tooling', () => {
    for (const f of ['main.mjs', 'worker.mjs', 'hash-password.mjs']) expect(readFileSync(join(root, 'server/dist', f), 'utf8')).not.toMatch(/from ["']tsx|import\(["']tsx/);
  });

  it('answers /api/health, migrates its database, issues tickets and logs requests as JSON', async () => {
    const health = await client(url, 'demo-kiosk-token-0001').get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ ok: true, db: { ok: true }, demo: true });
    expect((await client(url, 'demo-kiosk-token-0001').post('/api/tickets', { serviceId: 'ho-tich' })).status).toBe(201);
    await waitFor('the request log line', () => output.includes('"route":"/api/tickets","status":201'));
  });

  it('computes the report figures in its worker thread (server/dist/worker.mjs)', async () => {
    const manager = client(url, await login(url, 'quanly'));
    const res = await manager.get('/api/stats/summary?from=2026-01-01&to=2026-12-31&groupBy=service');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.totals).toBeDefined();
  });

  it('takes a backup and checks it in its worker thread (server/src/store/verify-worker.mjs, plain JS)', async () => {
    const admin = client(url, await login(url, 'admin', 'admin'));
    const res = await admin.post('/api/admin/backups');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(JSON.stringify(res.body)).toContain('"verified":true');
  });

  it('hashes a password with plain node (npm run hash-password)', () => {
    const run = spawnSync(process.execPath, ['server/dist/hash-password.mjs'], { cwd: root, input: 'mat-khau-dai-du\n', encoding: 'utf8', env: plainEnv({}), timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  });
});
