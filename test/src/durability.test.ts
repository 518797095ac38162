import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { localDate } from '@qms/protocol';
import { releaseFixture } from './support/release-db';
import { client, kioskToken, login, startTestServer } from './support/server';

const serverSrc = fileURLToPath(new URL('../../server/src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.(ts|mjs)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('power loss: every connection syncs fully', () => {
  it('the server’s connection and the stats worker’s run with synchronous=FULL', async () => {
    const server = await startTestServer();
    try {
      expect(server.db.pragma('synchronous', { simple: true })).toBe(2);
      expect(await server.stats.workerPragmas()).toEqual({ synchronous: 'FULL', journalMode: 'wal' });
      const health = await client(server.url, kioskToken).get('/api/health');
      expect(health.body.db).toEqual({ ok: true, journalMode: 'wal', synchronous: 'FULL' });
    } finally {
      await server.stop();
    }
  });

  it('no other connection is opened than those checked above, and those on a backup copy', () => {
    const opening = sourceFiles(serverSrc)
      .filter((f) => /new Database\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(serverSrc, f))
      .sort();
    // A new connection must be added here with a check of its synchronous setting.
    expect(opening).toEqual(['stats/worker-thread.ts', 'store/backup.ts', 'store/open.ts', 'store/verify-worker.mjs', 'store/voice-backup.ts']);
    // On a copy: the switch to a self-contained file runs at FULL; the integrity check only reads.
    expect(readFileSync(join(serverSrc, 'store/backup.ts'), 'utf8')).toMatch(/new Database\(path, \{ fileMustExist: true \}\);\s+try \{\s+copy\.pragma\('synchronous = FULL'\)/);
    expect(readFileSync(join(serverSrc, 'store/verify-worker.mjs'), 'utf8')).toMatch(/new Database\(workerData\.path, \{ readonly: true/);
    expect(readFileSync(join(serverSrc, 'store/voice-backup.ts'), 'utf8')).toMatch(/new Database\(copyPath, \{ readonly: true/);
  });
});

describe('private files', () => {
  it('the data folder is the owner’s only; the database, its WAL, the backups and the numbering mark are 0600', async () => {
    // An installation made by an earlier release: everything world-readable.
    const dataDir = mkdtempSync(join(tmpdir(), 'qms-modes-'));
    const old = `backups/qms-${localDate(Date.now() - 24 * 3600_000, 'Asia/Ho_Chi_Minh')}-173000.sqlite`;
    mkdirSync(join(dataDir, 'backups'));
    writeFileSync(join(dataDir, 'qms.sqlite'), '');
    copyFileSync(releaseFixture, join(dataDir, old));
    for (const p of ['.', 'backups']) chmodSync(join(dataDir, p), 0o755);
    for (const p of ['qms.sqlite', old]) chmodSync(join(dataDir, p), 0o644);
    const server = await startTestServer({ dataDir });
    try {
      expect((await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'ho-tich' })).status).toBe(201);
      const admin = client(server.url, await login(server.url, 'admin', 'admin'));
      expect((await admin.post('/api/admin/backups')).status).toBe(200);
      const mode = (p: string) => statSync(join(server.dataDir, p)).mode & 0o777;
      expect(mode('.')).toBe(0o700);
      expect(mode('backups')).toBe(0o700);
      // A copy's recorded voice clips sit in a folder beside it: the folder is 0700, the clips in it 0600.
      const inBackups = readdirSync(join(server.dataDir, 'backups'), { recursive: true, encoding: 'utf8' }).map((f) => `backups/${f}`);
      const folders = inBackups.filter((f) => statSync(join(server.dataDir, f)).isDirectory());
      for (const f of folders) expect([f, mode(f).toString(8)]).toEqual([f, '700']);
      const files = ['qms.sqlite', 'qms.sqlite-wal', 'qms.sqlite-shm', 'numbering.json', ...inBackups.filter((f) => !folders.includes(f))];
      expect(files.length).toBeGreaterThan(4);
      expect(files).toContain(old);
      for (const f of files) expect([f, mode(f).toString(8)]).toEqual([f, '600']);
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('anonymous callers of /api/health learn only whether it is up; staff and devices get the details', async () => {
    const server = await startTestServer();
    try {
      const anonymous = await client(server.url).get('/api/health');
      expect(anonymous.status).toBe(200);
      expect(anonymous.body).toEqual({ ok: true, version: expect.any(String), demo: true });
      expect(JSON.stringify(anonymous.body)).not.toContain(server.dataDir);
      for (const token of [kioskToken, await login(server.url, 'canbo1')]) {
        const full = await client(server.url, token).get('/api/health');
        expect(full.body).toMatchObject({ ok: true, db: { ok: true }, storage: { diskFull: false }, backups: {}, devices: expect.any(Array) });
      }
    } finally {
      await server.stop();
    }
  });
});
