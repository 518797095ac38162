import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join, normalize } from 'node:path';
import type { Hono } from 'hono';
import type { AppEnv } from './env';
import { errorResponse } from './errors';

export const screens = ['kiosk', 'display', 'desk', 'rating', 'admin'] as const;

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
};

/**
 * Serves each screen's built files at `/<screen>/`, with its index.html for every other path under it. A clip in
 * `voiceDir` (the center's own recordings, e.g. `data/voice/mowif.wav`) replaces the default pack's clip of that name.
 */
export function staticScreens(app: Hono<AppEnv>, { root, voiceDir }: { root: string; voiceDir?: string | undefined }) {
  app.get('/', (c) => c.redirect('/kiosk/'));
  // The short address printed in the ticket's QR code: the citizen's phone page for that ticket, with its rating key.
  app.get('/t/:id', (c) => {
    const key = c.req.query('k');
    return c.redirect(`/rating/phone/?ticket=${encodeURIComponent(c.req.param('id'))}${key ? `&k=${encodeURIComponent(key)}` : ''}`);
  });
  for (const screen of screens) {
    const dist = join(root, `${screen}-ui`, 'dist');
    app.get(`/${screen}`, (c) => c.redirect(`/${screen}/${new URL(c.req.url).search}`));
    app.get(`/${screen}/*`, (c) => {
      const path = safeDecode(c.req.path.slice(screen.length + 2));
      if (path === null) return errorResponse(c, 'not_found');
      const rel = normalize(path).replace(/^(\.\.[/\\])+/, '');
      const recorded = voiceDir && screen === 'display' && rel.startsWith('voice/') ? join(voiceDir, basename(rel)) : null;
      let file = recorded && existsSync(recorded) ? recorded : join(dist, rel);
      const isAsset = rel !== '' && extname(rel) !== '';
      if (!isAsset || !(file.startsWith(dist) || file === recorded) || !existsSync(file)) {
        if (isAsset) return errorResponse(c, 'not_found');
        file = join(dist, 'index.html');
        if (!existsSync(file)) return c.text(`Màn hình ${screen} chưa được build: chạy "npm run build:ui". / Screen not built.`, 503);
      }
      const cache = rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      return c.body(readFileSync(file), 200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
    });
  }
}

function safeDecode(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}
