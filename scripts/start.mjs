// `npm start`: builds what is not built yet (the server to plain JavaScript when its sources are newer than the build,
// the screens when they have no build), then runs the server with plain node (demo center unless QMS_CONFIG is set).
// Works after `npm ci --omit=dev`: esbuild and vite are dependencies, tsx is not needed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildServer, serverBuildIsStale } from './build-server.mjs';

process.chdir(fileURLToPath(new URL('../', import.meta.url)));
const screens = ['kiosk', 'display', 'rating', 'desk', 'admin', 'book'];
for (const s of screens) {
  if (existsSync(`${s}-ui/dist/index.html`)) continue;
  console.log(`Building the ${s} screen…`);
  const r = spawnSync('npm', ['run', 'build', '-w', `${s}-ui`], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (serverBuildIsStale()) {
  console.log('Building the server…');
  await buildServer();
}
await import('../server/dist/main.mjs');
