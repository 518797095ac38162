import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { routes, VOICE_CLIP_MAX_BYTES, VoiceClipName } from '@qms/protocol';
import type { VoiceStudio } from '../../voice/studio';
import { allow, currentUser, type Authenticator } from '../auth';
import type { AppEnv } from '../env';
import { ApiFailure, errorResponse } from '../errors';
import { readBodyUpTo } from '../read-body';
import { serveRoute } from '../route-table';
import type { Router } from '../router';

/** The one route besides the photo upload whose body may be larger than the API's usual 64 KB. */
export const isVoiceUpload = (method: string, path: string) => method === 'PUT' && /^\/api\/admin\/voice\/packs\/[^/]+\/clips\/[^/]+$/.test(path);

const packId = (param: string | undefined): number => {
  const id = Number(param);
  if (!Number.isSafeInteger(id) || id < 1) throw new ApiFailure('unknown_voice_pack', { id: param ?? '' });
  return id;
};
const clipName = (param: string | undefined): string => {
  if (!VoiceClipName.safeParse(param).success) throw new ApiFailure('voice_clip_name', { clip: param ?? '' });
  return param!;
};

/** The voice studio's API (admin page "Giọng đọc"). */
export function voiceRoutes(r: Router, { studio }: { studio: VoiceStudio }) {
  const read = allow('admin', 'manager');
  const write = allow('admin');
  serveRoute(r, routes.voicePacks, read, () => studio.list());
  serveRoute(r, routes.voicePackCreate, write, (c, { body }) => studio.create(body.name, body.copyFrom, currentUser(c).id));
  serveRoute(r, routes.voiceClipPut, write, async (c) => {
    const bytes = await readBodyUpTo(c.req.raw.body, VOICE_CLIP_MAX_BYTES);
    if (!bytes) throw new ApiFailure('voice_too_large', { max: VOICE_CLIP_MAX_BYTES / 1024 / 1024 });
    return studio.record(packId(c.req.param('id')), clipName(c.req.param('clip')), bytes, currentUser(c).id);
  });
  serveRoute(r, routes.voiceClipDelete, write, (c) => studio.remove(packId(c.req.param('id')), clipName(c.req.param('clip')), currentUser(c).id));
  serveRoute(r, routes.voicePackActivate, write, (c, { body }) => studio.activate(body.id, currentUser(c).id));
}

const wav = { 'content-type': 'audio/wav', 'cache-control': 'no-cache' };
const json = { 'content-type': 'application/json', 'cache-control': 'no-cache' };

/**
 * The hall's voice at the display's own address: `/display/voice/default/` is the active pack, each clip it has not
 * recorded taken from the default pack (the next handler: the data folder's loose clips, then the built pack). Its
 * manifest names the pack (`version`), so a display's clip loader starts over when the pack changes.
 * `/display/voice/pack/<id>/` is one pack over the default (0: the default alone), for the studio's preview; a pack
 * that is not the active one only to a signed-in admin or manager.
 */
export function voicePackFiles(app: Hono<AppEnv>, { studio, auth, screensRoot }: { studio: VoiceStudio; auth: Authenticator; screensRoot?: string | undefined }) {
  const manifest = (version: string) => JSON.stringify({ name: version, version, ext: 'wav' });
  const defaultFile = (file: string): Buffer | null => {
    for (const dir of [studio.voiceDir, screensRoot && join(screensRoot, 'display-ui', 'dist', 'voice', 'default')]) {
      const path = dir ? join(dir, file) : null;
      if (path && /^[a-z0-9]{1,24}\.wav$/.test(file) && existsSync(path)) return readFileSync(path);
    }
    return null;
  };
  app.use('/display/voice/default/:file', async (c, next) => {
    const active = studio.activeId();
    const file = c.req.param('file');
    if (active !== null && file === 'manifest.json') return c.body(manifest(`pack-${active}`), 200, json);
    const recorded = active !== null ? studio.clipFile(active, file) : null;
    if (recorded) return c.body(new Uint8Array(recorded), 200, wav);
    await next();
  });
  // A draft's clips are the studio's preview: signed-in admins and managers only (a device or a passer-by on the LAN
  // gets a 401/403). The active pack and the default (0) are what every hall says anyway, so they stay public.
  const preview = allow('admin', 'manager');
  app.use('/display/voice/pack/:id/:file', auth.middleware);
  app.get('/display/voice/pack/:id/:file', async (c) => {
    const id = Number(c.req.param('id'));
    const file = c.req.param('file');
    if (!Number.isSafeInteger(id) || id < 0) return errorResponse(c, 'not_found');
    if (id !== 0 && id !== studio.activeId()) await preview(c, async () => {});
    if (file === 'manifest.json') return c.body(manifest(id ? `pack-${id}` : 'default'), 200, json);
    const bytes = (id ? studio.clipFile(id, file) : null) ?? defaultFile(file);
    return bytes ? c.body(new Uint8Array(bytes), 200, wav) : errorResponse(c, 'not_found');
  });
}
