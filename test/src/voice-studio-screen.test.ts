import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integratedLoudness } from '../../server/src/voice/loudness';
import { encodeWav, parseWav } from '../../server/src/voice/wav-codec';
import { keepScreenshot, newPage, signInOnPage } from './support/browser';
import { adminClient } from './support/admin';
import { client, kioskToken, login, officerAt, startTestServer, type TestServer } from './support/server';

/** What the fake microphone says, over and over: 0.5 s "words" (a gliding buzz) between 0.5 s of room noise. */
function fakeVoice(): Buffer {
  const rate = 48000;
  const samples = new Float32Array(rate * 4);
  for (let i = 0; i < samples.length; i++) {
    const t = (i % rate) / rate;
    const word = t >= 0.25 && t < 0.75;
    const f = 180 + 120 * t;
    samples[i] = word ? 0.12 * Math.sin(Math.PI * ((t - 0.25) / 0.5)) * (Math.sin(2 * Math.PI * f * t) + 0.5 * Math.sin(4 * Math.PI * f * t)) : (Math.random() - 0.5) * 0.001;
  }
  return encodeWav({ sampleRate: rate, samples });
}

/** FNV-1a of a file's bytes: the same in the page (over what the display decodes) and here (over the served file). */
const fnv = (bytes: Uint8Array) => {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h.toString(16);
};

/** Makes the display report each clip it starts, by the hash of the file it was decoded from. */
function reportPlayedFiles() {
  const w = window as unknown as { __played: string[] };
  w.__played = [];
  const hashes = new WeakMap<AudioBuffer, string>();
  const hash = (buf: ArrayBuffer) => {
    let h = 0x811c9dc5;
    for (const b of new Uint8Array(buf)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    return h.toString(16);
  };
  const decode = BaseAudioContext.prototype.decodeAudioData;
  BaseAudioContext.prototype.decodeAudioData = function (this: BaseAudioContext, bytes: ArrayBuffer) {
    const h = hash(bytes);
    return decode.call(this, bytes).then((b) => {
      hashes.set(b, h);
      return b;
    });
  } as typeof decode;
  const start = AudioBufferSourceNode.prototype.start;
  AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, ...args: Parameters<typeof start>) {
    w.__played.push((this.buffer && hashes.get(this.buffer)) ?? '?');
    return start.apply(this, args);
  };
}

describe('voice studio in Chromium with a fake microphone: record, normalise, activate, heard in the hall', () => {
  let server: TestServer;
  let browser: Browser;
  let studio: Page;
  let hall: Page;
  const recorded = ['mowif', 'quaayf', 'ba'];

  beforeAll(async () => {
    server = await startTestServer({ withScreens: true });
    const mic = join(mkdtempSync(join(tmpdir(), 'qms-mic-')), 'voice.wav');
    writeFileSync(mic, fakeVoice());
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${mic}`],
    });
    studio = await newPage(browser, { width: 1440, height: 1500 });
    await studio.context().grantPermissions(['microphone']);
    hall = await newPage(browser, { width: 1920, height: 1080 });
    await hall.addInitScript(reportPlayedFiles);
    await hall.goto(`${server.url}/display/?token=demo-display-token-0001`);
    await hall.locator('.display__counter').first().waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const call = async (counter: number) => {
    await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'chung-thuc' });
    const desk = await officerAt(server.url, counter);
    expect((await desk.post(`/api/counters/${counter}/call-next`)).status).toBe(200);
  };
  const played = () => hall.evaluate(() => (window as unknown as { __played: string[] }).__played);
  const fileHash = async (path: string) => fnv(new Uint8Array(await (await fetch(server.url + path)).arrayBuffer()));

  it('records clips from the microphone (level meter moving), uploads one file, each normalised to −18 LUFS', async () => {
    await signInOnPage(studio, `${server.url}/admin/#setup/voice`, 'admin', 'admin');
    await studio.getByText('Micrô dùng được trên trang này.').waitFor();
    await studio.getByText(/chỉ dùng được khi trang được mở bằng https:\/\/ hoặc http:\/\/localhost/).waitFor();
    await studio.getByLabel('Tên gói').fill('Giọng chị Lan');
    await studio.getByRole('button', { name: 'Tạo gói mới' }).click();
    await studio.getByRole('heading', { name: 'Giọng chị Lan' }).waitFor();

    for (const clip of recorded) {
      const row = studio.locator(`.voice-clip[data-clip="${clip}"]`);
      await row.getByRole('button', { name: /Ghi âm/ }).click();
      const meter = row.getByRole('meter');
      await expect.poll(async () => Number(await meter.getAttribute('aria-valuenow')), { timeout: 20_000 }).toBeGreaterThan(3);
      await studio.waitForTimeout(1300); // speak: the fake microphone says at least one "word"
      await row.getByRole('button', { name: /Dừng/ }).click();
      await row.getByText(/Đã lưu .*LUFS/).waitFor();
      await row.locator('.voice-clip__status', { hasText: 'LUFS' }).waitFor();
    }
    // A phone recording: any format the browser decodes; here a quiet 44.1 kHz WAV of the same voice.
    const phone = parseWav(fakeVoice());
    const quiet = encodeWav({ sampleRate: 48000, samples: phone.samples.map((s) => s * 0.1) });
    await studio.locator('.voice-clip[data-clip="hai"] input[type=file]').setInputFiles({ name: 'hai.m4a.wav', mimeType: 'audio/wav', buffer: quiet });
    await studio.locator('.voice-clip[data-clip="hai"]').getByText(/Đã lưu .*LUFS/).waitFor();

    const adminToken = await login(server.url, 'admin', 'admin');
    const admin = adminClient(server, adminToken);
    const pack = (await admin.get('/api/admin/voice/packs')).body.packs[0];
    expect(pack.clips.map((c: { clip: string }) => c.clip).sort()).toEqual([...recorded, 'hai'].sort());
    for (const c of pack.clips) {
      expect(Math.abs(c.lufs - -18), c.clip).toBeLessThan(0.5);
      const file = parseWav(new Uint8Array(await (await fetch(`${server.url}/display/voice/pack/${pack.id}/${c.clip}.wav`, { headers: { authorization: `Bearer ${adminToken}` } })).arrayBuffer()));
      expect(Math.abs(integratedLoudness([file.samples], file.sampleRate) - -18), c.clip).toBeLessThan(0.5);
    }
    expect(pack.clips.find((c: { clip: string }) => c.clip === 'hai').inputLufs).toBeLessThan(-30); // it was quiet
  }, 90_000);

  it('previews a full call before activating: the recorded words and the default voice for the rest', async () => {
    await studio.getByLabel('Số vé').fill('1021');
    await studio.getByLabel('Quầy', { exact: true }).fill('3');
    await studio.getByRole('button', { name: /Nghe thử$/ }).click();
    const result = studio.locator('.voice__preview-result');
    await result.waitFor({ timeout: 30_000 });
    const text = await result.innerText();
    expect(text).toMatch(/^Giọng mặc định cho: /);
    expect(text).toContain('xin');
    expect(text).not.toMatch(/\bmời\b|quầy|\bba\b/);
    await studio.evaluate(() => window.scrollTo(0, 0));
    await keepScreenshot(studio, 'admin-voice-studio');
  }, 60_000);

  it('activating reaches the hall live: the next call plays the recorded files, the rest from the default pack', async () => {
    await call(3); // before: the default voice
    await expect.poll(played, { timeout: 30_000 }).toContain(await fileHash('/display/voice/pack/0/mowif.wav'));

    await studio.getByRole('button', { name: 'Dùng gói này ở sảnh' }).click();
    await studio.getByText(/Đã bật\. Mọi màn hình gọi số đọc bằng gói “Giọng chị Lan”/).waitFor();
    const before = (await played()).length;
    await call(3);
    const pack = Object.fromEntries(await Promise.all(recorded.map(async (c) => [c, await fileHash(`/display/voice/pack/1/${c}.wav`)] as const)));
    await expect.poll(async () => (await played()).slice(before), { timeout: 30_000 }).toEqual(expect.arrayContaining(Object.values(pack)));
    const after = (await played()).slice(before);
    expect(after).not.toContain(await fileHash('/display/voice/pack/0/mowif.wav'));
    expect(after).toContain(await fileHash('/display/voice/pack/0/xin.wav')); // not recorded: the default's
    expect(after).not.toContain('?');
  }, 120_000);
});
