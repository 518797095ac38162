import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integratedLoudness, samplePeakDb } from '../../server/src/voice/loudness';
import { encodeWav, parseWav } from '../../server/src/voice/wav-codec';
import { adminClient } from './support/admin';
import { login, startTestServer, type TestServer } from './support/server';

const builtPack = fileURLToPath(new URL('../../display-ui/dist/voice/default/', import.meta.url));

/** A "word" as a phone records it: 48 kHz, quiet, with room silence around it. */
function recording(dbfs = -40, seconds = 0.45, rate = 48000): Buffer {
  const samples = new Float32Array(Math.round(rate * (seconds + 0.8)));
  const start = Math.round(rate * 0.4);
  for (let i = 0; i < rate * seconds; i++) samples[start + i] = 10 ** (dbfs / 20) * Math.sin((2 * Math.PI * 220 * i) / rate) * Math.sin((Math.PI * i) / (rate * seconds));
  return encodeWav({ sampleRate: rate, samples });
}

describe('voice studio API: record, normalise, store in a versioned pack, activate', () => {
  let server: TestServer;
  let admin: ReturnType<typeof adminClient>;
  let token: string;
  const put = async (path: string, body: Uint8Array, as = token) => {
    const res = await fetch(server.url + path, { method: 'PUT', headers: { authorization: `Bearer ${as}`, 'content-type': 'audio/wav', 'accept-language': 'vi' }, body: new Uint8Array(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  /** Signed in as the admin (the studio's preview) unless `as` is null. */
  const bytes = async (path: string, as: string | null = token) => {
    const res = await fetch(server.url + path, as ? { headers: { authorization: `Bearer ${as}` } } : {});
    return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    server = await startTestServer({ withScreens: true });
    token = await login(server.url, 'admin', 'admin');
    admin = adminClient(server, token);
  });
  afterAll(() => server.stop());

  it('a recording is trimmed, resampled and brought to −18 LUFS, stored in the pack and served for preview', async () => {
    expect((await admin.get('/api/admin/voice/packs')).body).toEqual({ activeId: null, packs: [] });
    const created = await admin.post('/api/admin/voice/packs', { name: 'Giọng chị Lan' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 1, name: 'Giọng chị Lan', active: false, clips: [] });

    const res = await put('/api/admin/voice/packs/1/clips/mowif', recording(-40));
    expect(res.status).toBe(200);
    expect(res.body.lufs).toBeCloseTo(-18, 0);
    expect(res.body.inputLufs).toBeLessThan(-35);
    expect(res.body.seconds).toBeLessThan(0.6); // the 1.2 s of silence around it trimmed
    const stored = parseWav((await bytes('/display/voice/pack/1/mowif.wav')).bytes);
    expect(stored.sampleRate).toBe(22050);
    expect(Math.abs(integratedLoudness([stored.samples], 22050) - -18)).toBeLessThan(0.5);
    expect(samplePeakDb(stored.samples)).toBeLessThanOrEqual(-0.99);
    // A clip the pack has not recorded comes from the default pack.
    expect((await bytes('/display/voice/pack/1/quaayf.wav')).bytes.equals(readFileSync(join(builtPack, 'quaayf.wav')))).toBe(true);
    expect((await bytes('/display/voice/pack/0/mowif.wav')).bytes.equals(readFileSync(join(builtPack, 'mowif.wav')))).toBe(true);
  });

  it('bad files get a 4xx in plain Vietnamese and leave the stored clip as it was', async () => {
    const before = (await bytes('/display/voice/pack/1/mowif.wav')).bytes;
    const cases: [Uint8Array, number, string, RegExp][] = [
      [Buffer.from('ID3\u0003 this is an mp3'), 415, 'voice_not_wav', /không phải tệp WAV/],
      [recording(-120), 400, 'voice_silent', /không có tiếng nói/],
      [recording(-20, 16), 400, 'voice_too_long', /tối đa 15 giây/],
      [Buffer.alloc(5 * 1024 * 1024, 1), 413, 'voice_too_large', /tối đa 4 MB/],
      [(() => { const b = recording(); b.writeUInt16LE(7, 20); return b; })(), 400, 'voice_format', /định dạng không đọc được/],
    ];
    for (const [body, status, code, words] of cases) {
      const res = await put('/api/admin/voice/packs/1/clips/mowif', body);
      expect(res.status, code).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toMatch(words);
    }
    expect((await put('/api/admin/voice/packs/1/clips/M%E1%BB%9Di', recording())).body.error.code).toBe('voice_clip_name');
    expect((await put('/api/admin/voice/packs/9/clips/mowif', recording())).status).toBe(404);
    expect((await put('/api/admin/voice/packs/1/clips/mowif', recording(), await login(server.url, 'quanly'))).status).toBe(403);
    expect((await bytes('/display/voice/pack/1/mowif.wav')).bytes.equals(before)).toBe(true);
  });

  it('activating logs an event and the display address speaks with the pack, the rest from the default; the pack in use is locked', async () => {
    expect(JSON.parse((await bytes('/display/voice/default/manifest.json')).bytes.toString()).version).toBeUndefined();
    const recorded = (await bytes('/display/voice/pack/1/mowif.wav')).bytes;
    const activated = await admin.post('/api/admin/voice/active', { id: 1 });
    expect(activated.status).toBe(200);
    expect(activated.body.activeId).toBe(1);
    expect(JSON.parse((await bytes('/display/voice/default/manifest.json')).bytes.toString())).toMatchObject({ version: 'pack-1', ext: 'wav' });
    expect((await bytes('/display/voice/default/mowif.wav')).bytes.equals(recorded)).toBe(true);
    expect((await bytes('/display/voice/default/quaayf.wav')).bytes.equals(readFileSync(join(builtPack, 'quaayf.wav')))).toBe(true);

    const db = new Database(join(server.dataDir, 'qms.sqlite'), { readonly: true });
    const events = db.prepare(`SELECT type, payload FROM events WHERE type LIKE 'voice.%' ORDER BY id`).all() as { type: string; payload: string }[];
    db.close();
    expect(events.map((e) => e.type)).toEqual(['voice.pack_created', 'voice.clip_recorded', 'voice.pack_activated']);
    expect(JSON.parse(events[2]!.payload)).toMatchObject({ packId: 1, from: null, clips: 1 });

    const locked = await put('/api/admin/voice/packs/1/clips/mowif', recording(-30));
    expect(locked.status).toBe(409);
    expect(locked.body.error.message).toMatch(/đang được dùng/);
    expect((await admin.delete('/api/admin/voice/packs/1/clips/mowif')).status).toBe(409);

    const copy = await admin.post('/api/admin/voice/packs', { name: 'Bản sửa', copyFrom: 1 });
    expect(copy.body.clips.map((c: { clip: string }) => c.clip)).toEqual(['mowif']);
    expect((await bytes(`/display/voice/pack/${copy.body.id}/mowif.wav`)).bytes.equals(recorded)).toBe(true);
    expect((await admin.delete(`/api/admin/voice/packs/${copy.body.id}/clips/mowif`)).status).toBe(204);
    expect((await admin.get('/api/admin/voice/packs')).body.packs[1].clips).toEqual([]);

    const back = await admin.post('/api/admin/voice/active', { id: null });
    expect(back.body.activeId).toBeNull();
    expect((await bytes('/display/voice/default/mowif.wav')).bytes.equals(readFileSync(join(builtPack, 'mowif.wav')))).toBe(true);
    expect((await admin.post('/api/admin/voice/active', { id: 42 })).status).toBe(404);
  });
});
