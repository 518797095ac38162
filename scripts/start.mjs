// `npm start`: builds the screens that are not built yet, then runs the server (demo center unless QMS_CONFIG is set).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const screens = ['kiosk', 'display', 'rating', 'desk', 'admin'];
for (const s of screens) {
  if (existsSync(`${s}-ui/dist/index.html`)) continue;
  console.log(`Building the ${s} screen…`);
  const r = spawnSync('npm', ['run', 'build', '-w', `${s}-ui`], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { stdio: 'inherit' });
process.exit(r.status ?? 0);
