// Builds the server to plain JavaScript in server/dist/ (esbuild): production runs `node server/dist/main.mjs`, no tsx.
// Our workspaces (@qms/server, @qms/protocol, @qms/drivers, all TypeScript) are bundled; every npm package stays
// external and is loaded from node_modules (native ones such as better-sqlite3, @napi-rs/canvas and serialport must).
// Runtime files stay where they are in the repository (migrations, the demo config, the printer fonts): in each bundled
// file, `import.meta.url` stands for its source file, so `new URL('./migrations/', import.meta.url)` finds them. The
// one exception is the stats worker's entry, which sits beside the bundle (`server/dist/worker.mjs`).
//
//   node scripts/build-server.mjs             build
//   node scripts/build-server.mjs --if-stale  build only when a source file is newer than the build (npm start)
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const outdir = join(root, 'server/dist');
const entries = { main: 'server/src/main.ts', worker: 'server/src/stats/worker-thread.ts', 'hash-password': 'server/src/auth/hash-password-cli.ts' };
const sources = ['server/src', 'protocol/src', 'drivers/src'].map((d) => join(root, d));
// Their `new URL(…, import.meta.url)` means the bundle's folder: the built worker entry sits there.
const bundleRelative = new Set([join(root, 'server/src/stats/worker-client.ts')]);

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function serverBuildIsStale() {
  const built = Object.keys(entries).map((name) => join(outdir, `${name}.mjs`));
  if (!built.every((f) => existsSync(f))) return true;
  const oldest = Math.min(...built.map((f) => statSync(f).mtimeMs));
  return Math.max(...sources.map(newestSource), statSync(join(root, 'package-lock.json')).mtimeMs) > oldest;
}

const sourceUrls = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      let contents = await readFile(args.path, 'utf8');
      if (!args.path.includes(`${sep}node_modules${sep}`) && !bundleRelative.has(args.path) && contents.includes('import.meta.url')) {
        const rel = relative(outdir, args.path).split(sep).join('/');
        contents = contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`);
      }
      return { contents, loader: 'ts', resolveDir: dirname(args.path) };
    });
  },
};

const npmPackagesExternal = {
  name: 'npm-packages-external',
  setup(build) {
    // Bare imports other than our own workspaces: loaded from node_modules at run time.
    build.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@qms/') ? undefined : { path: args.path, external: true }));
  },
};

export async function buildServer() {
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, src]) => [name, join(root, src)])),
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [npmPackagesExternal, sourceUrls],
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--if-stale') && !serverBuildIsStale()) process.exit(0);
  await buildServer();
}
