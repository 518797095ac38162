import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { createEscPosPrinter, createSimPrinter, openSerial, sampleTicket, ticketBytes, type PaperWidth } from '@qms/drivers';
import { ptyPair } from '@qms/drivers/testing';
import { machine, writeSection } from './doc';
import { benchServer } from './child';
import { kioskOverSerial } from './kiosk-serial';
import { median, percentile } from './stats';

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

/** Bytes of a typical ticket and how long rendering it takes, per paper width. */
function ticketSizes(runs = 30) {
  return ([80, 58] as PaperWidth[]).map((paperWidth) => {
    const bytes = ticketBytes(sampleTicket, { paperWidth }).length;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      ticketBytes({ ...sampleTicket, number: String(2000 + i) }, { paperWidth });
      times.push(performance.now() - t0);
    }
    return { paperWidth, bytes, wireMs115200: round((bytes * 10 * 1000) / 115200, 0), renderMs: round(median(times)) };
  });
}

/** One ticket through a real serial path (socat PTY pair, serialport at 115200 both ends), status check included, until the far end has the cut. */
async function serialPush(runs = 15) {
  const pty = await ptyPair();
  const dir = mkdtempSync(join(tmpdir(), 'qms-bench-printer-'));
  const deviceEnd = await openSerial({ path: pty.b, baudRate: 115200 });
  const sim = createSimPrinter({ dir, name: 'bench', paperWidth: 80, device: deviceEnd });
  const printer = createEscPosPrinter({ connect: () => openSerial({ path: pty.a, baudRate: 115200 }) });
  const bytes = ticketBytes(sampleTicket, { paperWidth: 80 });
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const done = new Promise<void>((r) => {
        const off = sim.onPrinted(() => (off(), r()));
      });
      const t0 = performance.now();
      await printer.print(bytes);
      await done;
      times.push(performance.now() - t0);
    }
    if (sim.errors().length) throw new Error(`the printer end could not decode: ${sim.errors()[0]!.message}`);
  } finally {
    await printer.close();
    await deviceEnd.close();
    pty.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return { bytes: bytes.length, runs, p50: round(median(times)), max: round(Math.max(...times)) };
}

// Runs in the page, given as text so the bundler's helpers stay out of it: clicks a field, then times the
// frame that paints the number and the moment the print outcome appears.
const tapScript = `(index) => new Promise((resolve) => {
  const buttons = [...document.querySelectorAll('.kiosk-field:not([disabled])')];
  const t0 = performance.now();
  let shownAt = 0;
  let asked = false;
  const obs = new MutationObserver(() => {
    if (!asked && document.querySelector('[data-testid=ticket-number]')) {
      asked = true;
      requestAnimationFrame(() => requestAnimationFrame(() => (shownAt = performance.now() - t0)));
    }
    if (document.querySelector('.kiosk-print--ok, .kiosk-print--failed')) {
      obs.disconnect();
      const wait = () => (shownAt ? resolve([shownAt, performance.now() - t0]) : requestAnimationFrame(wait));
      wait();
    }
  });
  obs.observe(document.body, { childList: true, subtree: true, characterData: true });
  buttons[index % buttons.length].click();
})`;

/** Tap on a field in headless Chromium → the number on screen (and → the print outcome line), on the demo server in its own process. */
async function tapToConfirmation(taps = 20) {
  const chromiumPath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
  if (!chromiumPath) throw new Error('Chromium is missing: apt-get install chromium');
  const server = await benchServer();
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const toNumber: number[] = [];
  const toPaper: number[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(`${server.base}/kiosk/?token=demo-kiosk-token-0001`);
    await page.locator('.kiosk-field').first().waitFor();
    for (let i = 0; i < taps; i++) {
      const [shown, printed] = (await page.evaluate(`(${tapScript})(${i})`)) as [number, number];
      toNumber.push(shown);
      toPaper.push(printed);
      await page.getByRole('button', { name: 'Xong' }).click();
      await page.locator('.kiosk-card').waitFor({ state: 'detached' });
    }
  } finally {
    await browser.close();
    server.stop();
  }
  return { taps, numberP50: round(median(toNumber)), numberP90: round(percentile(toNumber, 90)), paperP50: round(median(toPaper)), paperP90: round(percentile(toPaper, 90)) };
}

/** The kiosk's built files as a weak kiosk PC downloads them. */
function kioskBundle() {
  const dir = fileURLToPath(new URL('../../kiosk-ui/dist/assets/', import.meta.url));
  const files = readdirSync(dir).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
  const sum = (ext: string, f: (b: Buffer) => number) => files.filter((n) => n.endsWith(ext)).reduce((s, n) => s + f(readFileSync(join(dir, n))), 0);
  const kb = (n: number) => round(n / 1024);
  return {
    jsKb: kb(sum('.js', (b) => b.length)),
    jsGzipKb: kb(sum('.js', (b) => gzipSync(b, { level: 9 }).length)),
    cssKb: kb(sum('.css', (b) => b.length)),
    cssGzipKb: kb(sum('.css', (b) => gzipSync(b, { level: 9 }).length)),
  };
}

export async function printerBench() {
  const sizes = ticketSizes();
  const serial = await serialPush();
  const tap = await tapToConfirmation();
  const bundle = kioskBundle();
  const [burst] = await kioskOverSerial();
  return { sizes, serial, tap, bundle, burst: burst! };
}

export function printerSection(r: Awaited<ReturnType<typeof printerBench>>, machine: string): string {
  const size = (w: number) => r.sizes.find((s) => s.paperWidth === w)!;
  return `<!-- printer:begin -->
## Kiosk and ticket printer (issue 3) — measured ${new Date().toISOString().slice(0, 10)}

Machine: ${machine}. Command: \`npm run bench\` (or \`npx tsx bench/src/printer.ts\` for this section alone).

| Figure | Result |
|---|---|
| Bytes per ticket, 80 mm (576 dots): raster text in ≤ 32-row \`GS v 0\` bands, native QR, cut | **${size(80).bytes} B** (${round(size(80).bytes / 1024)} KiB); rendered in ${size(80).renderMs} ms (median) |
| Bytes per ticket, 58 mm (384 dots) | **${size(58).bytes} B** (${round(size(58).bytes / 1024)} KiB); rendered in ${size(58).renderMs} ms |
| Wire time at 115200 baud, 8N1 (10 bits a byte) | 80 mm **${size(80).wireMs115200} ms**, 58 mm **${size(58).wireMs115200} ms** (computed; a real port cannot go faster) |
| One ticket through a socat PTY pair, \`serialport\` at 115200 both ends, DLE EOT 1–4 asked first, until the far end decoded the cut (${r.serial.runs} runs) | p50 **${r.serial.p50} ms**, max ${r.serial.max} ms — a PTY does not pace bytes at the baud rate, so this is the software path; add the wire time above for a real port |
| A burst of ${r.burst.tickets} kiosk requests (8 in flight, after ${r.burst.warmup}), the printer on a socat PTY and in a process of its own (\`bench/src/kiosk-serial.ts\`; medians of ${r.burst.runs} runs) | **${r.burst.printedPerSecond} tickets/s** printed (replies ${r.burst.answeredPerSecond}/s); server CPU **${r.burst.cpuMs} ms** a printed ticket (main thread ${r.burst.mainMs}, other threads ${r.burst.othersMs}). A real printer at 115200 baud takes the wire time above for each ticket, so it, not the server, sets the pace |
| Tap on a field → the number painted on the kiosk (headless Chromium, demo server in its own process, ${r.tap.taps} taps) | p50 **${r.tap.numberP50} ms**, p90 ${r.tap.numberP90} ms |
| Tap → "Mời nhận phiếu" (the simulated printer's paper written and reported back) | p50 **${r.tap.paperP50} ms**, p90 ${r.tap.paperP90} ms |
| Kiosk bundle (\`kiosk-ui/dist\`, React + socket.io client + QR encoder) | JS ${r.bundle.jsKb} KiB (**${r.bundle.jsGzipKb} KiB gzip**), CSS ${r.bundle.cssKb} KiB (${r.bundle.cssGzipKb} KiB gzip); no fonts or images to download |
<!-- printer:end -->`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await printerBench();
  console.log(JSON.stringify(result, null, 2));
  writeSection(printerSection(result, machine));
}
