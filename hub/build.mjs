// Builds the hub to plain JavaScript (hub/dist/main.mjs) with esbuild: production runs plain node, no tsx.
// Our workspaces are bundled; npm packages stay external. The migrations are copied beside the bundle, where
// `new URL('./migrations/', import.meta.url)` in db/pool.ts finds them.
import { cpSync } from 'node:fs';
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
