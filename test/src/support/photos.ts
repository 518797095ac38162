import { createCanvas, loadImage } from '@napi-rs/canvas';

/** A small portrait drawn on the spot (no binary files in the repository): a coloured disc on a light ground. */
function portrait(color: string, size: number) {
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#e8eef6';
  ctx.fillRect(0, 0, size, size);
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.arc(size / 2, size * 0.4, size * 0.22, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillRect(size * 0.2, size * 0.7, size * 0.6, size * 0.3);
  return canvas;
}

export const testPng = (color = '#1f6feb', size = 96) => portrait(color, size).toBuffer('image/png');
export const testJpeg = (color = '#b03030', size = 96) => portrait(color, size).toBuffer('image/jpeg');

/** A big photo, as a phone camera takes it. */
export const bigJpeg = (width: number, height: number) => {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#7a9cc6';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#203040';
  ctx.fillRect(width / 4, height / 4, width / 2, height / 2);
  return canvas.toBuffer('image/jpeg');
};

/** Decodes image bytes as a browser would; throws when they are no image. */
export async function decodedSize(bytes: Uint8Array): Promise<{ width: number; height: number }> {
  const image = await loadImage(Buffer.from(bytes));
  return { width: image.width, height: image.height };
}

/** Sends raw bytes as a photo upload, as the admin page does. */
export async function putPhoto(baseUrl: string, staffId: number | string, body: Uint8Array | null, opts: { token?: string; type?: string; lang?: string } = {}) {
  const headers: Record<string, string> = {};
  if (opts.type) headers['content-type'] = opts.type;
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.lang) headers['accept-language'] = opts.lang;
  const res = await fetch(`${baseUrl}/api/staff/${staffId}/photo`, { method: 'PUT', headers, ...(body ? { body: new Uint8Array(body) } : {}) });
  return { status: res.status, body: (await res.json()) as any };
}

export async function deletePhoto(baseUrl: string, staffId: number | string, token?: string) {
  const res = await fetch(`${baseUrl}/api/staff/${staffId}/photo`, { method: 'DELETE', headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as any };
}

export async function getPhoto(baseUrl: string, staffId: number | string) {
  const res = await fetch(`${baseUrl}/api/staff/${staffId}/photo`);
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}
