import { writeFileSync, readFileSync } from 'node:fs';
import v8 from 'node:v8';
process.on('SIGUSR2', () => {
  const u = process.memoryUsage();
  const mb = (x) => Math.round(x / 1048576 * 10) / 10;
  const status = readFileSync('/proc/self/status', 'utf8');
  const g = (k) => Number(new RegExp(k + ':\\s+(\\d+)').exec(status)?.[1] ?? 0) / 1024;
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, mb(s.space_used_size)]));
  writeFileSync(process.env.PROBE_OUT ?? '/tmp/rss-bench/probe.json', JSON.stringify({ rss: mb(u.rss), heapTotal: mb(u.heapTotal), heapUsed: mb(u.heapUsed), external: mb(u.external), arrayBuffers: mb(u.arrayBuffers), rssAnon: Math.round(g('RssAnon')), rssFile: Math.round(g('RssFile')), threads: g('Threads') * 1024, spaces }) + '\n', { flag: 'a' });
});
