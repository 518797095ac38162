import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ptyPair } from '@qms/drivers/testing';
import { demoConfigPath } from '@qms/server';
import { benchServer } from './child';
import { drive, kioskHeaders, printOutcomes } from './kiosk-issue';
import { median } from './stats';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The demo center with its kiosk's printer on a serial line at `path` instead of the in-process simulator. */
function serialConfig(path: string) {
  const config = JSON.parse(readFileSync(demoConfigPath, 'utf8')) as { hardware: { printers: unknown[] } };
  config.hardware.printers = [{ id: 'printer-1', transport: 'serial', path, baudRate: 115200, paperWidth: 80, kioskId: 'kiosk-1' }];
  const file = join(mkdtempSync(join(tmpdir(), 'qms-bench-serial-')), 'center.json');
  writeFileSync(file, JSON.stringify(config));
  return file;
}

/**
 * The kiosk's request with its printer on a real serial path, as a center wires it: a socat PTY pair, the server (its own
 * process, `root`: a checkout) on one end, a simulated printer in a process of its own on the other. `tickets` kiosk
 * requests after `warmup`, 8 in flight; a ticket counts once its print outcome is stored. Medians of `runs`.
 */
export async function kioskOverSerial({ tickets = 2000, warmup = 3000, runs = 3, roots = [root] } = {}) {
  const pty = await ptyPair();
  const device = spawn(process.execPath, ['--import', 'tsx', 'bench/src/printer-device.ts', pty.b], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const config = serialConfig(pty.a);
  const results = new Map<string, { printed: number; answered: number; main: number; others: number }[]>();
  try {
    await new Promise((r, j) => (device.stdout!.once('data', r), device.once('exit', () => j(new Error('the printer device did not start')))));
    for (let run = 0; run < runs; run++) {
      for (const checkout of roots) {
        const server = await benchServer({ root: resolve(checkout), env: { LOG_LEVEL: 'warn', QMS_CONFIG: config } });
        const outcomes = printOutcomes(server.dataDir);
        try {
          const pid = server.child.pid!;
          await drive(server.base, pid, kioskHeaders, warmup, 8, true, outcomes);
          const r = await drive(server.base, pid, kioskHeaders, tickets, 8, true, outcomes);
          results.set(checkout, [...(results.get(checkout) ?? []), { printed: r.perSecond, answered: r.answeredPerSecond, main: r.mainMs, others: r.othersMs }]);
        } finally {
          outcomes.close();
          await server.stop();
        }
      }
    }
  } finally {
    device.kill();
    pty.stop();
  }
  const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;
  return [...results].map(([checkout, xs]) => {
    const m = (k: 'printed' | 'answered' | 'main' | 'others') => median(xs.map((x) => x[k]));
    return { checkout, tickets, warmup, runs, printedPerSecond: round(m('printed'), 0), answeredPerSecond: round(m('answered'), 0), cpuMs: round(m('main') + m('others'), 2), mainMs: round(m('main'), 2), othersMs: round(m('others'), 2) };
  });
}

// `npx tsx bench/src/kiosk-serial.ts [<checkout> …]`: the figures of each checkout (with its server/dist built), in turn.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const roots = process.argv.slice(2);
  console.log(await kioskOverSerial({ runs: Number(process.env.RUNS ?? 3), ...(roots.length ? { roots } : {}) }));
}
