import { resolve } from 'node:path';
import { benchServer } from './child';
import { bareServer, deskHeaders, drive, kioskHeaders, printOutcomes } from './kiosk-issue';
import { median } from './stats';

/**
 * `npx tsx bench/src/alternate.ts kiosk|desk <measured> <runs> <checkout> [<checkout> …] [bare]`: the issue request
 * against several builds (each a checkout with its `server/dist` built), one after the other in every run, so a slow
 * spell of the machine falls on all of them; after `WARMUP` (3,000) requests each. Medians of tickets/s and of the
 * server's CPU per ticket, main thread and others (V8's compiler and GC threads); a kiosk ticket counts once its print
 * outcome is stored. `CPUS=0`: all pinned to core 0.
 */
const [who = 'kiosk', measured = '1000', runs = '5', ...targets] = process.argv.slice(2);
const warmup = Number(process.env.WARMUP ?? 3000);
// CPUS=0: every server pinned to that core (taskset), as on an old one-core PC.
const cpus = process.env.CPUS;

async function start(target: string) {
  if (target === 'bare') {
    const b = await bareServer(cpus);
    return { base: b.base, pid: b.child.pid!, outcomes: undefined, stop: b.stop };
  }
  const s = await benchServer({ root: resolve(target), env: { LOG_LEVEL: 'warn' }, ...(cpus ? { cpus } : {}) });
  const outcomes = who === 'kiosk' ? printOutcomes(s.dataDir) : undefined;
  return { base: s.base, pid: s.child.pid!, outcomes, stop: () => (outcomes?.close(), s.stop()) };
}

const results = new Map<string, { perSecond: number; answered: number; main: number; others: number }[]>();
for (let run = 0; run < Number(runs); run++) {
  for (const target of targets) {
    const s = await start(target);
    try {
      const bare = target === 'bare';
      const headers = bare ? { 'content-type': 'application/json' } : who === 'desk' ? await deskHeaders(s.base) : kioskHeaders;
      await drive(s.base, s.pid, headers, warmup, 8, !bare, s.outcomes);
      const r = await drive(s.base, s.pid, headers, Number(measured), 8, !bare, s.outcomes);
      results.set(target, [...(results.get(target) ?? []), { perSecond: r.perSecond, answered: r.answeredPerSecond, main: r.mainMs, others: r.othersMs }]);
    } finally {
      await s.stop();
    }
  }
}
for (const [target, xs] of results) {
  const m = (k: 'perSecond' | 'answered' | 'main' | 'others') => median(xs.map((x) => x[k]));
  console.log(`${target}: ${Math.round(m('perSecond'))}/s (answered ${Math.round(m('answered'))}/s), CPU per ticket ${(m('main') + m('others')).toFixed(2)} ms (main ${m('main').toFixed(2)}, others ${m('others').toFixed(2)}); runs ${xs.map((x) => Math.round(x.perSecond)).join(' ')}`);
}
