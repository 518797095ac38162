import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/**
 * A copy of the repository as `npm ci --omit=dev` leaves it: the files of a clean clone (no node_modules, no data,
 * no screen builds) and a node_modules holding only the packages the lock file does not mark as dev-only (linked to
 * the installed ones). Whatever needs a devDependency at run time fails there. tsx is left out too: the lock file keeps
 * it as an optional peer of vite (which builds the screens at start), but the server must never need it.
 */
export function productionCopy(root: string, into: string): string {
  const skip = new Set(['node_modules', '.git', 'data', 'test-results']);
  cpSync(root, into, {
    recursive: true,
    filter: (src) => {
      const rel = relative(root, src);
      const parts = rel.split(sep);
      return !parts.some((p) => skip.has(p)) && !/^[a-z]+-ui[\\/]dist/.test(rel) && !rel.startsWith(join('server', 'dist'));
    },
  });
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; bin?: Record<string, string> }> };
  for (const [path, pkg] of Object.entries(lock.packages)) {
    // Packages at the top and in a workspace's own node_modules; those nested in a package come with their (linked) parent.
    if (!/^([a-z-]+\/)?node_modules\/(@[^/]+\/)?[^/]+$/.test(path) || pkg.dev || path === 'node_modules/tsx') continue;
    const target = join(into, path);
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(join(root, path), target);
    // Their commands, as npm links them (`vite` for the screens' builds).
    const binDir = join(dirname(target.slice(0, target.lastIndexOf('node_modules') + 'node_modules'.length + 1)), 'node_modules', '.bin');
    for (const [name, file] of Object.entries(pkg.bin ?? {})) {
      mkdirSync(binDir, { recursive: true });
      if (!existsSync(join(binDir, name))) symlinkSync(join(root, path, file), join(binDir, name));
    }
  }
  return into;
}
