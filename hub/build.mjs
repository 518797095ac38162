// Builds the hub to plain JavaScript (hub/dist/main.mjs) with esbuild: production runs plain node, no tsx. The city
// screens (hub-ui) are built too when they have no build yet, as `npm start` does for a center's screens.
// Our workspaces are bundled; npm packages stay external. The migrations are copied beside the bundle, where
// `new URL('./migrations/', import.meta.url)` in db/pool.ts finds them.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
await build({
  entryPoints: { main: `${root}hub/src/main.ts` },
  outdir: `${root}hub/dist`,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  plugins: [
    {
      name: 'npm-packages-external',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@qms/') ? undefined : { path: args.path, external: true }));
      },
    },
  ],
});
cpSync(`${root}hub/src/db/migrations`, `${root}hub/dist/migrations`, { recursive: true });
if (!existsSync(`${root}hub-ui/dist/index.html`)) {
  console.log('Building the city screens…');
  const r = spawnSync('npm', ['run', 'build', '-w', 'hub-ui'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
