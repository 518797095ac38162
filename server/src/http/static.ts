import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join, normalize } from 'node:path';
import type { Hono } from 'hono';
import type { AppEnv } from './env';
import { errorResponse } from './errors';

export const screens = ['kiosk', 'display', 'desk', 'rating', 'admin', 'book'] as const;

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
export function staticScreens(app: Hono<AppEnv>, { root, voiceDir, notSetUp }: { root: string; voiceDir?: string | undefined; notSetUp?: () => boolean }) {
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
      if (screen !== 'admin' && notSetUp?.() && path !== null && extname(path) === '') return c.html(notSetUpPage, 200, { 'cache-control': 'no-store' });
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

/** What every screen but the admin page shows until the first-run setup is done; it looks again every 15 s. */
const notSetUpPage = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta http-equiv="refresh" content="15"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Trung tâm chưa được thiết lập</title></head>
<body style="font-family:system-ui,sans-serif;display:flex;align-items:center;justify-content:center;min-height:95vh;margin:0;text-align:center;color:#1b2a3a;background:#f4f7fb">
<main><h1 style="font-size:2.4rem;margin:0 0 1rem">Trung tâm chưa được thiết lập</h1>
<p style="font-size:1.3rem">Người quản trị hãy mở trang <b>/admin/</b> trên máy chủ để thiết lập. Màn hình này tự mở lại khi xong.</p>
<p style="font-size:1.1rem;color:#5a6b7d" lang="en">The center is not set up yet. An administrator opens <b>/admin/</b> on the server to set it up; this screen reloads by itself.</p></main>
</body></html>`;

function safeDecode(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}
