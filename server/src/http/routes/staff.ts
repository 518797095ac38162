import { z } from 'zod';
import { PHOTO_MAX_BYTES, photoContentTypes, StaffDto, type Role } from '@qms/protocol';
import { acceptedPhotoType, photoTypeOf } from '../../staff/photo-bytes';
import { cleanPhoto, PHOTO_MAX_PIXELS, PHOTO_MAX_SIDE } from '../../staff/photo-encode';
import { createPhotoStore } from '../../staff/photo-store';
import type { User } from '../../store/users';
import { allow, currentUser } from '../auth';
import { ApiFailure } from '../errors';
import { readBodyUpTo } from '../read-body';
import { errorResponses, type Router } from '../router';
import type { RouteDeps } from './deps';

/** The one route whose body may be larger than the API's usual 64 KB. */
export const isPhotoUpload = (method: string, path: string) => method === 'PUT' && /^\/api\/staff\/[^/]+\/photo$/.test(path);

const roleOrder: Record<Role, number> = { staff: 0, manager: 1, admin: 2 };
const formatNames: Record<string, string> = { 'image/jpeg': 'JPG', 'image/png': 'PNG', 'image/webp': 'WebP' };

/** The accounts for the manager's "Cán bộ" page, and officers' photos for the rating tablets. */
export function staffRoutes(r: Router, { floor, photoDir, log }: RouteDeps) {
  const photos = createPhotoStore(photoDir);

  const userOf = (idParam: string): User => {
    const id = Number(idParam);
    const user = Number.isSafeInteger(id) ? floor.queries.users.byId(id) : null;
    if (!user) throw new ApiFailure('unknown_staff', { id: idParam });
    return user;
  };
  const staffDto = async (user: User): Promise<StaffDto> => {
    const counter = floor.queries.counters.all().find((c) => c.staffId === user.id);
    return {
      id: user.id,
      username: user.username,
      name: user.name,
      title: user.title,
      role: user.role,
      counter: counter ? { id: counter.id, number: counter.number } : null,
      hasPhoto: await photos.has(user.username),
      photoVersion: user.photoVersion,
    };
  };
  const fresh = (user: User) => staffDto(floor.queries.users.byId(user.id) ?? user);

  r.doc({
    method: 'get',
    path: '/api/staff',
    summary: 'Every active account, officers first: name, title, role, the counter they are signed in at, whether a photo is stored',
    access: 'manager, admin',
    responses: { 200: { description: 'The accounts', schema: z.array(StaffDto) }, ...errorResponses(401, 403) },
  });
  r.app.get('/api/staff', allow('manager', 'admin'), async (c) => {
    const users = floor.queries.users.all().sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || a.id - b.id);
    return c.json(await Promise.all(users.map(staffDto)));
  });

  r.doc({
    method: 'get',
    path: '/api/staff/:id/photo',
    summary: 'An officer’s photo for the rating tablet (`<username>.jpg|png|webp` in the photo folder); screens add `?v=<photoVersion>` so a new photo gets a new address',
    access: 'anyone on the LAN',
    responses: { 200: { description: 'The photo (image/jpeg, image/png or image/webp)', schema: z.string(), contentType: 'image/jpeg' }, ...errorResponses(404) },
  });
  r.app.get('/api/staff/:id/photo', async (c) => {
    const id = Number(c.req.param('id'));
    const user = Number.isSafeInteger(id) ? floor.queries.users.byId(id) : null;
    const photo = user ? await photos.read(user.username) : null;
    if (!photo) throw new ApiFailure('not_found');
    return c.body(new Uint8Array(photo.bytes), 200, { 'content-type': photo.type, 'x-content-type-options': 'nosniff', 'cache-control': 'max-age=3600' });
  });

  r.doc({
    method: 'put',
    path: '/api/staff/:id/photo',
    summary: `Upload an officer’s photo: the image bytes as the body, at most ${PHOTO_MAX_BYTES / 1024 / 1024} MB and ${PHOTO_MAX_PIXELS / 1_000_000} megapixels; decoded and stored re-encoded, at most ${PHOTO_MAX_SIDE} px on the long side; replaces the photo in any other format; the tablet at their counter shows it at once (\`counter.updated\`)`,
    access: 'manager, admin',
    rawBody: { contentTypes: photoContentTypes, description: 'The photo file; its bytes must be of the type named by Content-Type' },
    responses: { 200: { description: 'Stored; the account with its new photoVersion', schema: StaffDto }, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
  });
  r.app.put('/api/staff/:id/photo', allow('manager', 'admin'), async (c) => {
    const bytes = await readBodyUpTo(c.req.raw.body, PHOTO_MAX_BYTES);
    if (!bytes) throw new ApiFailure('photo_too_large', { max: PHOTO_MAX_BYTES / 1024 / 1024 });
    const user = userOf(c.req.param('id'));
    const type = acceptedPhotoType(c.req.header('content-type'));
    if (!type) throw new ApiFailure('photo_type_not_accepted', { type: c.req.header('content-type') || '—' });
    if (bytes.length === 0) throw new ApiFailure('photo_empty');
    if (photoTypeOf(bytes) !== type) throw new ApiFailure('photo_not_matching', { format: formatNames[type]! });
    // Only the pixels, decoded and encoded again, are stored and served: never the bytes as uploaded.
    const clean = await cleanPhoto(bytes, type);
    if (!clean.ok && clean.reason === 'too_many_pixels') {
      throw new ApiFailure('photo_too_many_pixels', { width: clean.width, height: clean.height, max: PHOTO_MAX_PIXELS / 1_000_000 });
    }
    if (!clean.ok) throw new ApiFailure('photo_unreadable', { format: formatNames[type]! });
    await photos.save(user.username, type, clean.bytes).catch((err: NodeJS.ErrnoException) => {
      log.error({ err, dir: photoDir }, 'officer photo not saved');
      throw new ApiFailure('photo_not_saved', { dir: photoDir, reason: err.code ?? err.message });
    });
    floor.photoChanged(user.id, { by: currentUser(c).id, removed: false });
    return c.json(await fresh(user));
  });

  r.doc({
    method: 'delete',
    path: '/api/staff/:id/photo',
    summary: 'Remove an officer’s photo (every format); the tablet shows their initials. Removing a photo that is not there changes nothing',
    access: 'manager, admin',
    responses: { 200: { description: 'The account, without a photo', schema: StaffDto }, ...errorResponses(401, 403, 404, 409) },
  });
  r.app.delete('/api/staff/:id/photo', allow('manager', 'admin'), async (c) => {
    const user = userOf(c.req.param('id'));
    const removed = await photos.remove(user.username).catch((err: NodeJS.ErrnoException) => {
      throw new ApiFailure('photo_not_saved', { dir: photoDir, reason: err.code ?? err.message });
    });
    if (removed) floor.photoChanged(user.id, { by: currentUser(c).id, removed: true });
    return c.json(await fresh(user));
  });
}
