import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEscPos, splitTickets } from '@qms/drivers';
import { waitFor } from '@qms/drivers/testing';
import { keepScreenshot, launchBrowser, newPage } from './support/browser';
import { client, demoConfig, kioskToken, officerAt, startTestServer, testClock, type TestServer } from './support/server';

/** Every ticket the simulated printer wrote, decoded from its .bin. */
function printedTickets(dataDir: string) {
  const dir = join(dataDir, 'printer');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.bin'))
    .flatMap((f) => splitTickets(decodeEscPos(readFileSync(join(dir, f))), 576).map((t) => ({ file: f, ...t })));
}

async function openKiosk(browser: Browser, server: TestServer, viewport: { width: number; height: number }): Promise<Page> {
  const page = await newPage(browser, viewport);
  await page.goto(`${server.url}/kiosk/?token=${kioskToken}`);
  await page.locator('.kiosk-field', { hasText: 'Chứng thực' }).waitFor();
  return page;
}

describe('kiosk in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('with the demo center and its simulated printer', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ withScreens: true, config: demoConfig({ publicUrl: 'http://192.168.1.10:8080' }) });
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('portrait: tap a field, see the number big with counters, people ahead, wait and QR, and find its printed ticket', async () => {
      await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'chung-thuc' });
      await officerAt(server.url, 3); // counter 1 also serves Chứng thực but stays closed
      const page = await openKiosk(browser, server, { width: 1080, height: 1920 });
      const field = page.locator('.kiosk-field', { hasText: 'Chứng thực' });
      await field.getByText('Đang chờ: 1 người').waitFor();
      // A wait is promised only where a counter of the field is open.
      expect(await field.locator('.kiosk-field__wait').innerText()).not.toContain('chưa mở');
      expect(await page.locator('.kiosk-field', { hasText: 'Đất đai' }).locator('.kiosk-field__wait').innerText()).toBe('Quầy chưa mở; vẫn lấy số được');
      expect(await page.locator('.kiosk-field').count()).toBe(7);
      expect(await page.locator('.qms-demo').isVisible()).toBe(true);
      // Nothing on the kiosk can be selected.
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.kiosk')!).userSelect)).toBe('none');
      await keepScreenshot(page, 'kiosk-portrait');

      await field.click();
      const card = page.locator('.kiosk-card');
      await card.waitFor();
      expect(await page.getByTestId('ticket-number').innerText()).toBe('2002');
      const text = await card.innerText();
      expect(text).toContain('Chứng thực');
      expect(text).toContain('Mời đến quầy: 3');
      expect(text).toContain('Số người chờ trước: 1');
      expect(text).toMatch(/Thời gian chờ dự kiến: khoảng \d+ phút/);
      await card.getByText('Mời nhận phiếu ở khe máy in phía dưới.').waitFor();
      await keepScreenshot(page, 'kiosk-portrait-issued');

      const id = (server.db.prepare(`SELECT id FROM tickets WHERE number = '2002'`).get() as { id: string }).id;
      const paper = await waitFor('the printed ticket', () => printedTickets(server.dataDir).find((t) => t.qrPayloads.includes(`http://192.168.1.10:8080/t/${id}?k=${server.floor.ratings.keyOf(id)}`)));
      expect(paper).toBeDefined();
      expect(paper!.cut).toBe(true);
      expect(paper!.maxRasterWidth).toBeLessThanOrEqual(576);
      // The QR on the screen is the same link as on the paper.
      expect(await card.locator('svg.kiosk-qr').getAttribute('aria-label')).toBeTruthy();

      await card.getByRole('button', { name: 'Xong' }).click();
      await page.locator('.kiosk-card').waitFor({ state: 'detached' });
    });

    it('landscape: one tap chooses priority, the number says so, and the priority counter is listed', async () => {
      const page = await openKiosk(browser, server, { width: 1920, height: 1080 });
      await page.getByRole('button', { name: 'Người cao tuổi' }).click();
      expect(await page.getByRole('button', { name: 'Người cao tuổi' }).getAttribute('aria-pressed')).toBe('true');
      await keepScreenshot(page, 'kiosk-landscape');
      await page.locator('.kiosk-field', { hasText: 'Bảo hiểm xã hội' }).click();
      const card = page.locator('.kiosk-card');
      await card.getByText('Ưu tiên: Người cao tuổi').waitFor();
      expect(await card.innerText()).toContain('Quầy 1, 6 chưa mở; xin chờ gọi số trên màn hình.');
      const row = server.db.prepare(`SELECT priority, channel FROM tickets WHERE number = '7001'`).get();
      expect(row).toEqual({ priority: 'elderly', channel: 'kiosk' });
      await card.getByText('Mời nhận phiếu').waitFor();
      await keepScreenshot(page, 'kiosk-landscape-issued');
      await card.getByRole('button', { name: 'Xong' }).click();
      // Back home the priority choice is cleared for the next citizen.
      expect(await page.getByRole('button', { name: 'Người cao tuổi' }).getAttribute('aria-pressed')).toBe('false');
    });

    it('printer out of paper: the number and QR stay on screen with a clear message, and the home screen warns', async () => {
      const page = await openKiosk(browser, server, { width: 1080, height: 1920 });
      writeFileSync(join(server.dataDir, 'printer', 'printer-1.fault'), 'paper_out');
      await page.locator('.kiosk-field', { hasText: 'Đất đai' }).click();
      const card = page.locator('.kiosk-card');
      const alert = card.locator('.kiosk-print--failed');
      await alert.waitFor();
      expect(await alert.innerText()).toBe('Máy in chưa in được phiếu (hết giấy). Xin ông/bà ghi nhớ số 3001 hoặc quét mã QR trên màn hình. Cán bộ đã được báo.');
      expect(await page.getByTestId('ticket-number').innerText()).toBe('3001');
      expect(await card.locator('svg.kiosk-qr').isVisible()).toBe(true);
      await keepScreenshot(page, 'kiosk-print-failed');
      expect(server.db.prepare(`SELECT printed FROM tickets WHERE number = '3001'`).get()).toEqual({ printed: 0 });
      await card.getByRole('button', { name: 'Xong' }).click();
      await page.getByText('Máy in phiếu đang tạm dừng (hết giấy)').waitFor();
      await keepScreenshot(page, 'kiosk-printer-down');
      writeFileSync(join(server.dataDir, 'printer', 'printer-1.fault'), '');
    });

    it('English is one tap away; left idle, the kiosk goes back to Vietnamese and clears a priority choice', async () => {
      const page = await newPage(browser, { width: 1920, height: 1080 });
      await page.clock.install();
      await page.goto(`${server.url}/kiosk/?token=${kioskToken}`);
      await page.locator('.kiosk-field', { hasText: 'Chứng thực' }).waitFor();
      await page.getByRole('button', { name: 'English' }).click();
      await page.locator('.kiosk-field', { hasText: 'Certification' }).waitFor();
      await page.getByRole('button', { name: 'Pregnant woman' }).click();
      expect(await page.getByRole('button', { name: 'Pregnant woman' }).getAttribute('aria-pressed')).toBe('true');
      await page.clock.runFor(31_000);
      await page.getByText('Mời chạm vào lĩnh vực cần giải quyết').waitFor();
      expect(await page.getByRole('button', { name: 'Phụ nữ mang thai' }).getAttribute('aria-pressed')).toBe('false');
    });

    it('a citizen who switched to English takes a number; the next citizen starts in Vietnamese', async () => {
      const page = await openKiosk(browser, server, { width: 1920, height: 1080 });
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('button', { name: 'Elderly person' }).click();
      await page.locator('.kiosk-field', { hasText: 'Certification' }).click();
      const card = page.locator('.kiosk-card');
      await card.getByText('Your number').waitFor();
      await card.getByRole('button', { name: 'Done' }).click();
      await page.getByText('Mời chạm vào lĩnh vực cần giải quyết').waitFor();
      expect(await page.getByRole('button', { name: 'Người cao tuổi' }).getAttribute('aria-pressed')).toBe('false');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    });

    it('server unreachable: says so in plain Vietnamese instead of failing silently', async () => {
      const page = await openKiosk(browser, server, { width: 1080, height: 1920 });
      await server.stop();
      await page.getByText('Máy lấy số đang mất kết nối tới hệ thống.').waitFor({ timeout: 15_000 });
      expect(await page.locator('.kiosk-field').first().isDisabled()).toBe(true);
      await keepScreenshot(page, 'kiosk-offline');
    });
  });

  it('outside issuing hours and at a daily cap: plain Vietnamese on the buttons, no tap possible', async () => {
    const base = demoConfig();
    const config = demoConfig({
      demo: false,
      accounts: [],
      services: base.services.map((s) => (s.id === 'chung-thuc' ? { ...s, dailyCap: 1 } : s)),
    });
    const clock = testClock(); // Monday 09:00 in Hà Nội
    const server = await startTestServer({ withScreens: true, config, now: clock.now });
    try {
      expect((await client(server.url, kioskToken).post('/api/tickets', { serviceId: 'chung-thuc' })).status).toBe(201);
      const page = await openKiosk(browser, server, { width: 1080, height: 1920 });
      const capped = page.locator('.kiosk-field', { hasText: 'Chứng thực' });
      await capped.getByText('Đã hết số hôm nay').waitFor();
      expect(await capped.isDisabled()).toBe(true);
      await keepScreenshot(page, 'kiosk-cap');

      clock.set(Date.parse('2026-03-16T12:00:00Z')); // 19:00
      await page.reload();
      await page.getByText('Hiện đã ngoài giờ lấy số. Mời ông/bà quay lại trong giờ làm việc.').waitFor();
      expect(await page.locator('.kiosk-field:not([disabled])').count()).toBe(0);
      expect(await page.locator('.kiosk-field', { hasText: 'Hộ tịch' }).innerText()).toContain('Ngoài giờ lấy số');
      await keepScreenshot(page, 'kiosk-closed');

      // Left on overnight: the next morning's services.updated opens the buttons without a reload.
      clock.set(Date.parse('2026-03-17T01:00:00Z')); // Tuesday 08:00
      server.floor.publish([{ type: 'services.updated', services: server.floor.servicesView() }]);
      await page.getByText('Mời chạm vào lĩnh vực cần giải quyết').waitFor();
      expect(await page.locator('.kiosk-field', { hasText: 'Hộ tịch' }).isEnabled()).toBe(true);
    } finally {
      await server.stop();
    }
  });
});
