import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeWav } from '../../server/src/voice/wav-codec';
import { adminClient } from './support/admin';
import { cspViolations, launchBrowser, newPage, signInOnPage } from './support/browser';
import { login, startTestServer, type TestServer } from './support/server';

function recording(pitch: number, rate = 48000): Buffer {
  const samples = new Float32Array(Math.round(rate * 1.25));
  for (let i = 0; i < rate * 0.45; i++) samples[Math.round(rate * 0.4) + i] = 0.05 * Math.sin((2 * Math.PI * pitch * i) / rate) * Math.sin((Math.PI * i) / (rate * 0.45));
  return encodeWav({ sampleRate: rate, samples });
}

describe('the voice studio is honest about a lost recording', () => {
  let server: TestServer;
  let browser: Browser;
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a clip whose file is gone shows as lost, not recorded, and the pack says how many', async () => {
    server = await startTestServer({ withScreens: true });
    const token = await login(server.url, 'admin', 'admin');
    await adminClient(server, token).post('/api/admin/voice/packs', { name: 'Giọng chị Lan' });
    for (const [clip, pitch] of [['mowif', 220], ['xin', 260]] as const) {
      const res = await fetch(`${server.url}/api/admin/voice/packs/1/clips/${clip}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'audio/wav' }, body: new Uint8Array(recording(pitch)) });
      expect(res.status).toBe(200);
    }
    rmSync(join(server.dataDir, 'voice', 'packs', '1', 'mowif.wav'));

    browser = await launchBrowser();
    const page = await newPage(browser, { width: 1440, height: 1200 });
    await signInOnPage(page, `${server.url}/admin/#setup/voice`, 'admin', 'admin');
    await page.getByRole('button', { name: 'Giọng chị Lan' }).click();
    const lost = page.locator('.voice-clip[data-clip="mowif"]');
    await lost.getByText('mất tệp ghi âm: đang đọc bằng giọng mặc định, hãy ghi lại').waitFor({ timeout: 30_000 });
    expect(await lost.getAttribute('class')).toMatch(/voice-clip--lost/);
    expect(await lost.getAttribute('class')).not.toMatch(/voice-clip--recorded/);
    await page.locator('.voice-clip[data-clip="xin"] .voice-clip__status', { hasText: 'LUFS' }).waitFor();
    await page.getByText('1 đoạn mất tệp').waitFor();
    await page.getByText('1 đoạn đã ghi').waitFor();
    expect(cspViolations(page)).toEqual([]);
  }, 90_000);
});
