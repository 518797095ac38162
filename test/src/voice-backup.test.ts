import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeWav } from '../../server/src/voice/wav-codec';
import { adminClient } from './support/admin';
import { demoConfig, login, startTestServer, testClock, type TestServer } from './support/server';

const builtPack = fileURLToPath(new URL('../../display-ui/dist/voice/default/', import.meta.url));

/** A "word" as a phone records it: quiet, with room silence around it; `pitch` makes each recording distinct. */
function recording(pitch = 220, rate = 48000): Buffer {
  const samples = new Float32Array(Math.round(rate * 1.25));
  const start = Math.round(rate * 0.4);
  for (let i = 0; i < rate * 0.45; i++) samples[start + i] = 0.01 * Math.sin((2 * Math.PI * pitch * i) / rate) * Math.sin((Math.PI * i) / (rate * 0.45));
  return encodeWav({ sampleRate: rate, samples });
}

const fetchBytes = async (server: TestServer, path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(server.url + path, { headers });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
};
const put = async (server: TestServer, token: string, path: string, body: Uint8Array) =>
  (await fetch(server.url + path, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'audio/wav' }, body: new Uint8Array(body) })).status;

describe('recorded clips survive a lost disk: backups carry them, a restored database gets them back', () => {
  const root = mkdtempSync(join(tmpdir(), 'qms-voice-backup-'));
  const usb = join(root, 'usb');
  const config = () => demoConfig({ backups: { times: ['12:00', '17:30'], keepDays: 14, secondDir: usb } });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('a clip recorded, backed up, its data folder lost and the copy restored plays with the same bytes', async () => {
    const clock = testClock(Date.parse('2026-03-16T03:00:00Z'));
    const dataDir = join(root, 'data');
    let server = await startTestServer({ dataDir, config: config(), now: clock.now, withScreens: true });
    let token = await login(server.url, 'admin', 'admin');
    let admin = adminClient(server, token);
    await admin.post('/api/admin/voice/packs', { name: 'Giọng chị Lan' });
    expect(await put(server, token, '/api/admin/voice/packs/1/clips/mowif', recording(220))).toBe(200);
    expect(await put(server, token, '/api/admin/voice/packs/1/clips/quaayf', recording(330))).toBe(200);
    await admin.post('/api/admin/voice/active', { id: 1 });
    await admin.post('/api/admin/voice/packs', { name: 'Bản nháp' });
    expect(await put(server, token, '/api/admin/voice/packs/2/clips/xin', recording(260))).toBe(200);
    const said = (await fetchBytes(server, '/display/voice/default/mowif.wav')).bytes;
    const draft = (await fetchBytes(server, '/display/voice/pack/2/xin.wav', { authorization: `Bearer ${token}` })).bytes;
    expect(said.equals(readFileSync(join(builtPack, 'mowif.wav')))).toBe(false); // the recording, not the default

    clock.advance(60_000);
    const first = (await admin.post('/api/admin/backups')).body.copies[0].file as string;
    expect(first).toBe('qms-2026-03-16-100100.sqlite');
    for (const dir of [join(dataDir, 'backups'), usb]) {
      expect(readFileSync(join(dir, 'qms-2026-03-16-100100.voice', '1', 'mowif.wav')).equals(said), dir).toBe(true);
      // Backups are the owner's only, as the database copies are.
      expect(statSync(join(dir, 'qms-2026-03-16-100100.voice', '1', 'mowif.wav')).mode & 0o777).toBe(0o600);
    }
    // An unchanged clip in the next copy is the same file (a hard link), not a second copy of it.
    clock.advance(60_000);
    await admin.post('/api/admin/backups');
    const ino = (name: string) => statSync(join(dataDir, 'backups', name, '1', 'mowif.wav')).ino;
    expect(ino('qms-2026-03-16-100200.voice')).toBe(ino('qms-2026-03-16-100100.voice'));
    await server.close();

    // The disk died: nothing is left of the data folder. The copy on the USB disk is restored (docs/operations.md).
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { mode: 0o700 });
    copyFileSync(join(usb, first), join(dataDir, 'qms.sqlite'));

    server = await startTestServer({ dataDir, config: config(), now: clock.now, withScreens: true });
    try {
      token = await login(server.url, 'admin', 'admin');
      admin = adminClient(server, token);
      expect((await fetchBytes(server, '/display/voice/default/mowif.wav')).bytes.equals(said)).toBe(true);
      expect((await fetchBytes(server, '/display/voice/pack/2/xin.wav', { authorization: `Bearer ${token}` })).bytes.equals(draft)).toBe(true);
      const packs = (await admin.get('/api/admin/voice/packs')).body;
      expect(packs.activeId).toBe(1);
      expect(packs.packs.flatMap((p: { clips: { missing: boolean }[] }) => p.clips.map((c) => c.missing))).toEqual([false, false, false]);
    } finally {
      await server.close();
    }
  }, 120_000);

  it('a clip whose file is gone and in no backup is listed as missing, and the hall says the default pack’s', async () => {
    const clock = testClock(Date.parse('2026-03-16T03:00:00Z'));
    const dataDir = join(root, 'no-backup');
    let server = await startTestServer({ dataDir, now: clock.now, withScreens: true });
    const token = await login(server.url, 'admin', 'admin');
    const admin = adminClient(server, token);
    await admin.post('/api/admin/voice/packs', { name: 'Giọng chị Lan' });
    expect(await put(server, token, '/api/admin/voice/packs/1/clips/mowif', recording(220))).toBe(200);
    expect(await put(server, token, '/api/admin/voice/packs/1/clips/xin', recording(260))).toBe(200);
    await admin.post('/api/admin/voice/active', { id: 1 });
    await server.close();
    rmSync(join(dataDir, 'voice', 'packs', '1', 'mowif.wav'));
    rmSync(join(dataDir, 'backups'), { recursive: true, force: true }); // and no copy holds it

    server = await startTestServer({ dataDir, now: clock.now, withScreens: true });
    try {
      const admin2 = adminClient(server, await login(server.url, 'admin', 'admin'));
      const clips = (await admin2.get('/api/admin/voice/packs')).body.packs[0].clips;
      expect(clips.map((c: { clip: string; missing: boolean }) => [c.clip, c.missing])).toEqual([
        ['mowif', true],
        ['xin', false],
      ]);
      expect((await fetchBytes(server, '/display/voice/default/mowif.wav')).bytes.equals(readFileSync(join(builtPack, 'mowif.wav')))).toBe(true);
      // A copy of the pack lacks the lost clip instead of failing.
      const copy = await admin2.post('/api/admin/voice/packs', { name: 'Bản sao', copyFrom: 1 });
      expect(copy.status).toBe(201);
      expect(copy.body.clips.map((c: { clip: string }) => c.clip)).toEqual(['xin']);
      expect(existsSync(join(dataDir, 'voice', 'packs', String(copy.body.id), 'xin.wav'))).toBe(true);
    } finally {
      await server.close();
    }
  }, 120_000);
});

describe('draft packs are private; the active pack and the default stay public', () => {
  let server: TestServer;
  afterAll(() => server?.stop());

  it('a draft clip needs an admin or manager session; a device or a passer-by gets 401/403', async () => {
    server = await startTestServer({ withScreens: true });
    const token = await login(server.url, 'admin', 'admin');
    const admin = adminClient(server, token);
    await admin.post('/api/admin/voice/packs', { name: 'Giọng chị Lan' });
    expect(await put(server, token, '/api/admin/voice/packs/1/clips/mowif', recording(220))).toBe(200);
    await admin.post('/api/admin/voice/packs', { name: 'Bản nháp' });
    expect(await put(server, token, '/api/admin/voice/packs/2/clips/mowif', recording(300))).toBe(200);

    const draft = '/display/voice/pack/1/mowif.wav';
    expect((await fetchBytes(server, draft)).status).toBe(401);
    expect((await fetchBytes(server, '/display/voice/pack/1/manifest.json')).status).toBe(401);
    expect((await fetchBytes(server, draft, { authorization: 'Bearer demo-display-token-0001' })).status).toBe(403);
    const withCookie = await fetchBytes(server, draft, { cookie: `qms_session=${token}` });
    expect(withCookie.status).toBe(200);
    expect((await fetchBytes(server, draft, { cookie: `qms_session=${await login(server.url, 'quanly')}` })).status).toBe(200);

    await admin.post('/api/admin/voice/active', { id: 1 });
    const active = await fetchBytes(server, draft);
    expect(active.status).toBe(200);
    expect(active.bytes.equals(withCookie.bytes)).toBe(true);
    expect((await fetchBytes(server, '/display/voice/default/mowif.wav')).bytes.equals(withCookie.bytes)).toBe(true);
    expect((await fetchBytes(server, '/display/voice/pack/0/mowif.wav')).status).toBe(200);
    expect((await fetchBytes(server, '/display/voice/pack/2/mowif.wav')).status).toBe(401); // now the draft
  }, 60_000);
});
