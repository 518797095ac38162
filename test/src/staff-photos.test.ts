import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FloorEvent } from '@qms/protocol';
import { waitFor } from '@qms/drivers/testing';
import { assertContract } from './support/contract';
import { bigJpeg, decodedSize, deletePhoto, getPhoto, putPhoto, testJpeg, testPng } from './support/photos';
import { client, demoConfig, login, officerAt, startTestServer, type TestServer } from './support/server';

const userId = (server: TestServer, username: string) => server.db.prepare(`SELECT id FROM users WHERE username = ?`).pluck().get(username) as number;
const version = (server: TestServer, username: string) => server.db.prepare(`SELECT photo_version FROM users WHERE username = ?`).pluck().get(username) as number | null;

describe('officer photos: upload and removal by a manager', () => {
  let server: TestServer;
  let manager: string;
  const photos = () => join(server.dataDir, 'photos');
  beforeAll(async () => {
    server = await startTestServer();
    manager = await login(server.url, 'quanly');
  });
  afterAll(() => server.stop());

  it('a manager uploads a PNG; the photo route returns it as image/png, in <data>/photos', async () => {
    const png = testPng();
    const id = userId(server, 'canbo1');
    const res = await putPhoto(server.url, id, png, { token: manager, type: 'image/png' });
    expect(res.status).toBe(200);
    assertContract(server, 'put', '/api/staff/:id/photo', res);
    expect(res.body).toMatchObject({ id, username: 'canbo1', name: 'Trần Văn An', role: 'staff', hasPhoto: true, counter: null });
    expect(res.body.photoVersion).toBe(version(server, 'canbo1'));

    const got = await getPhoto(server.url, id);
    expect(got.status).toBe(200);
    expect(got.type).toBe('image/png');
    expect(got.bytes.equals(png)).toBe(true);
    expect(readdirSync(photos())).toEqual(['canbo1.png']);

    const list = await client(server.url, manager).get('/api/staff');
    assertContract(server, 'get', '/api/staff', list);
    expect(list.body.map((s: { username: string }) => s.username)).toEqual(['canbo1', 'canbo2', 'canbo3', 'canbo4', 'canbo5', 'canbo6', 'quanly', 'admin']);
    expect(list.body[0]).toMatchObject({ hasPhoto: true, photoVersion: res.body.photoVersion });
    expect(list.body[1]).toMatchObject({ hasPhoto: false, photoVersion: null });
  });

  it('a JPEG replaces the PNG (one file stays), every change gets a new version, and DELETE removes it', async () => {
    const id = userId(server, 'canbo1');
    const before = version(server, 'canbo1')!;
    const jpeg = testJpeg();
    const res = await putPhoto(server.url, id, jpeg, { token: manager, type: 'image/jpeg' });
    expect(res.status).toBe(200);
    expect(res.body.photoVersion).toBeGreaterThan(before);
    expect(readdirSync(photos())).toEqual(['canbo1.jpg']);
    const got = await getPhoto(server.url, id);
    expect(got.type).toBe('image/jpeg');
    expect(await decodedSize(got.bytes)).toEqual({ width: 96, height: 96 }); // decoded and encoded again

    const removed = await deletePhoto(server.url, id, manager);
    expect(removed.status).toBe(200);
    assertContract(server, 'delete', '/api/staff/:id/photo', removed);
    expect(removed.body).toMatchObject({ hasPhoto: false });
    expect(removed.body.photoVersion).toBeNull(); // screens ask for no photo
    expect(readdirSync(photos())).toEqual([]);
    expect((await getPhoto(server.url, id)).status).toBe(404);

    // Nothing to remove: nothing changes, not even the version.
    const again = await deletePhoto(server.url, id, manager);
    expect(again.status).toBe(200);
    expect(again.body.photoVersion).toBe(removed.body.photoVersion);
  });

  it('officers, devices and anonymous callers may not list, upload or delete', async () => {
    const id = userId(server, 'canbo2');
    const officer = await login(server.url, 'canbo2');
    const png = testPng();
    expect((await putPhoto(server.url, id, png, { type: 'image/png' })).body.error.code).toBe('unauthorized');
    const own = await putPhoto(server.url, id, png, { token: officer, type: 'image/png' });
    expect(own.status).toBe(403);
    expect(own.body.error).toEqual({ code: 'forbidden', message: 'Tài khoản này không có quyền làm việc này (cần: manager, admin).' });
    expect((await putPhoto(server.url, id, png, { token: 'demo-rating-token-0002', type: 'image/png' })).status).toBe(403);
    expect((await deletePhoto(server.url, id)).status).toBe(401);
    expect((await deletePhoto(server.url, id, officer)).status).toBe(403);
    expect((await client(server.url, officer).get('/api/staff')).status).toBe(403);
    expect((await client(server.url).get('/api/staff')).status).toBe(401);
    expect((await getPhoto(server.url, id)).status).toBe(404);
    expect(version(server, 'canbo2')).toBeNull();
  });

  it('bad uploads get a 4xx in plain words and leave the stored photo, the folder and the version as they were', async () => {
    const id = userId(server, 'canbo3');
    const png = testPng('#207040');
    expect((await putPhoto(server.url, id, png, { token: manager, type: 'image/png' })).status).toBe(200);
    const stored = version(server, 'canbo3');
    const files = readdirSync(photos()).sort();

    const tooBig = Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024 + 1 - png.length)]);
    const cases: [string, number | string, Uint8Array | null, string | undefined, number, string, string][] = [
      ['a GIF', id, Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), 'image/gif', 415, 'photo_type_not_accepted', 'Chỉ nhận ảnh JPG, PNG hoặc WebP (tệp đã gửi có kiểu "image/gif")'],
      ['JSON', id, Buffer.from('{"photo":"x"}'), 'application/json', 415, 'photo_type_not_accepted', 'Chỉ nhận ảnh JPG, PNG hoặc WebP'],
      ['no Content-Type', id, png, undefined, 415, 'photo_type_not_accepted', 'Chỉ nhận ảnh JPG, PNG hoặc WebP'],
      ['JPEG bytes sent as PNG', id, testJpeg(), 'image/png', 400, 'photo_not_matching', 'Nội dung tệp không phải ảnh PNG như tên gọi'],
      ['text renamed .jpg', id, Buffer.from('xin chào'), 'image/jpeg', 400, 'photo_not_matching', 'Nội dung tệp không phải ảnh JPG như tên gọi'],
      ['an empty body', id, Buffer.alloc(0), 'image/png', 400, 'photo_empty', 'Tệp ảnh gửi lên rỗng.'],
      ['no body at all', id, null, 'image/png', 400, 'photo_empty', 'Tệp ảnh gửi lên rỗng.'],
      ['2 MB and a byte', id, tooBig, 'image/png', 413, 'photo_too_large', 'Ảnh quá lớn; tối đa 2 MB.'],
      ['an unknown id', 9999, png, 'image/png', 404, 'unknown_staff', 'Không có tài khoản cán bộ số 9999.'],
      ['an id that is no number', 'abc', png, 'image/png', 404, 'unknown_staff', 'Không có tài khoản cán bộ số abc.'],
    ];
    for (const [what, staff, body, type, status, code, words] of cases) {
      const res = await putPhoto(server.url, staff, body, { token: manager, ...(type ? { type } : {}) });
      expect({ what, status: res.status, code: res.body.error?.code }).toEqual({ what, status, code });
      expect(res.body.error.message, what).toContain(words);
      assertContract(server, 'put', '/api/staff/:id/photo', res);
    }
    expect((await deletePhoto(server.url, 9999, manager)).body.error.code).toBe('unknown_staff');

    const got = await getPhoto(server.url, id);
    expect(got.type).toBe('image/png');
    expect(got.bytes.equals(png)).toBe(true);
    expect(readdirSync(photos()).sort()).toEqual(files);
    expect(version(server, 'canbo3')).toBe(stored);
  });

  it('only a decoded and re-encoded image is stored: a web page behind a PNG header is refused, trailing bytes are dropped', async () => {
    const id = userId(server, 'quanly');
    const png = testPng('#305080');
    expect((await putPhoto(server.url, id, png, { token: manager, type: 'image/png' })).status).toBe(200);
    const stored = version(server, 'quanly');
    const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const page = Buffer.from('<html><body><script>fetch("/api/auth/me")</script></body></html>');
    // An IHDR that promises a small image, then a web page instead of pixels.
    const ihdr = Buffer.from(png.subarray(8, 33));
    for (const body of [Buffer.concat([signature, page]), Buffer.concat([signature, ihdr, page])]) {
      const res = await putPhoto(server.url, id, body, { token: manager, type: 'image/png' });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('photo_unreadable');
      expect(res.body.error.message).toContain('Không đọc được ảnh PNG này');
      assertContract(server, 'put', '/api/staff/:id/photo', res);
    }
    // A header announcing 8000 × 6000 pixels is refused before anything is decoded.
    const huge = Buffer.from(png.subarray(0, 33));
    huge.writeUInt32BE(8000, 16);
    huge.writeUInt32BE(6000, 20);
    const tooMany = await putPhoto(server.url, id, huge, { token: manager, type: 'image/png', lang: 'en' });
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.error).toEqual({ code: 'photo_too_many_pixels', message: expect.stringContaining('too many pixels (8000 × 6000); at most 40 megapixels') });
    expect(version(server, 'quanly')).toBe(stored);

    // A real photo with a page appended after its end is accepted: what is stored and served is the image alone.
    const polyglot = Buffer.concat([png, page]);
    expect((await putPhoto(server.url, id, polyglot, { token: manager, type: 'image/png' })).status).toBe(200);
    const served = await fetch(`${server.url}/api/staff/${id}/photo`);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(bytes.includes('<script>')).toBe(false);
    expect(await decodedSize(bytes)).toEqual({ width: 96, height: 96 });
  });

  it('a camera-sized photo is stored at most 1024 pixels on its long side', async () => {
    const id = userId(server, 'admin');
    const res = await putPhoto(server.url, id, bigJpeg(2400, 1800), { token: manager, type: 'image/jpeg' });
    expect(res.status).toBe(200);
    const got = await getPhoto(server.url, id);
    expect(got.type).toBe('image/jpeg');
    expect(await decodedSize(got.bytes)).toEqual({ width: 1024, height: 768 });
  });

  it('the size limit holds without a Content-Length too, and errors are in English on request', async () => {
    const id = userId(server, 'canbo3');
    const chunk = new Uint8Array(256 * 1024);
    chunk.set(testPng());
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent++ < 10) c.enqueue(chunk);
        else c.close();
      },
    });
    const res = await fetch(`${server.url}/api/staff/${id}/photo`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${manager}`, 'content-type': 'image/png', 'accept-language': 'en' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: { code: 'photo_too_large', message: 'The photo is too large; at most 2 MB. Make it smaller (a portrait needs only about 600 × 600 pixels) and upload it again.' },
    });
    const gif = await putPhoto(server.url, id, Buffer.from('GIF89a'), { token: manager, type: 'image/gif', lang: 'en' });
    expect(gif.body.error.message).toBe('Only JPG, PNG or WebP photos are accepted (the file sent is "image/gif"). Save the photo as JPG or PNG and upload it again.');
  });

  it('the rating tablet at the officer’s counter hears the new photo version at once (counter.updated)', async () => {
    const desk = await officerAt(server.url, 4);
    expect(desk).toBeDefined();
    const events: FloorEvent[] = [];
    const tablet = io(server.url, { auth: { role: 'rating', counterId: 4, token: 'demo-rating-token-0004' }, transports: ['websocket'] });
    try {
      let snapshotStaff: unknown;
      tablet.on('snapshot', (s) => (snapshotStaff = s.counters.find((c: { id: number }) => c.id === 4)?.staff));
      tablet.on('event', (e: FloorEvent) => events.push(e));
      await waitFor('the snapshot', () => snapshotStaff);
      expect(snapshotStaff).toMatchObject({ name: 'Hoàng Thị Dung', photoVersion: null });

      const res = await putPhoto(server.url, userId(server, 'canbo4'), testPng(), { token: manager, type: 'image/png' });
      expect(res.body.counter).toEqual({ id: 4, number: 4 });
      const update = await waitFor('counter.updated', () => events.find((e) => e.type === 'counter.updated' && e.counter.id === 4));
      expect(update.type === 'counter.updated' && update.counter.staff).toMatchObject({ name: 'Hoàng Thị Dung', photoVersion: res.body.photoVersion });

      const removed = await deletePhoto(server.url, userId(server, 'canbo4'), manager);
      await waitFor('the removal', () => events.find((e) => e.type === 'counter.updated' && e.counter.staff?.photoVersion === removed.body.photoVersion));
    } finally {
      tablet.close();
    }
  });

  it('documents the upload with its image types in /api/openapi.json', async () => {
    const { body } = await client(server.url).get('/api/openapi.json');
    const put = body.paths['/api/staff/{id}/photo'].put;
    expect(Object.keys(put.requestBody.content)).toEqual(['image/jpeg', 'image/png', 'image/webp']);
    expect(Object.keys(put.responses)).toEqual(['200', '400', '401', '403', '404', '409', '413', '415']);
    expect(body.paths['/api/staff/{id}/photo'].delete).toBeDefined();
  });
});

describe('the photo folder', () => {
  it('is rating.photoDir when configured: uploads land there and GET reads from there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qms-photos-'));
    const server = await startTestServer({ config: demoConfig({ rating: { ...demoConfig().rating, photoDir: dir } }) });
    try {
      const manager = await login(server.url, 'quanly');
      const png = testPng();
      expect((await putPhoto(server.url, userId(server, 'canbo5'), png, { token: manager, type: 'image/png' })).status).toBe(200);
      expect(readdirSync(dir)).toEqual(['canbo5.png']);
      expect((await getPhoto(server.url, userId(server, 'canbo5'))).bytes.equals(png)).toBe(true);
    } finally {
      await server.stop();
    }
  });

  it('photos copied in or deleted by hand while the server was off are followed at start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qms-photos-'));
    const dataDir = mkdtempSync(join(tmpdir(), 'qms-data-'));
    const config = demoConfig({ rating: { ...demoConfig().rating, photoDir: dir } });
    let server = await startTestServer({ config, dataDir });
    const manager = await login(server.url, 'quanly');
    expect((await putPhoto(server.url, userId(server, 'canbo5'), testPng(), { token: manager, type: 'image/png' })).status).toBe(200);
    await server.stop();

    rmSync(join(dir, 'canbo5.png'));
    writeFileSync(join(dir, 'canbo6.jpg'), testJpeg());
    server = await startTestServer({ config, dataDir });
    try {
      const version = (username: string) => server.db.prepare(`SELECT photo_version FROM users WHERE username = ?`).pluck().get(username);
      await waitFor('the folder check', () => version('canbo6') !== null && version('canbo5') === null);
      const staff = (await client(server.url, await login(server.url, 'quanly')).get('/api/staff')).body as { username: string; hasPhoto: boolean }[];
      expect(staff.filter((s) => s.hasPhoto).map((s) => s.username)).toEqual(['canbo6']);
    } finally {
      await server.stop();
    }
  });

  it('that cannot be written is a 409 naming the folder, never a 500', async () => {
    const notADir = join(mkdtempSync(join(tmpdir(), 'qms-photos-')), 'a-file');
    writeFileSync(notADir, 'x');
    const server = await startTestServer({ config: demoConfig({ rating: { ...demoConfig().rating, photoDir: notADir } }) });
    try {
      const manager = await login(server.url, 'quanly');
      const res = await putPhoto(server.url, userId(server, 'canbo5'), testPng(), { token: manager, type: 'image/png' });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('photo_not_saved');
      expect(res.body.error.message).toContain(`Máy chủ không lưu được ảnh vào thư mục ${notADir}`);
      expect(version(server, 'canbo5')).toBeNull();
    } finally {
      await server.stop();
    }
  });
});
