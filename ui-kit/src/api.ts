import { routePath, type ApiRoute, type RouteBody, type RouteParams, type RouteQuery, type RouteReply } from '@qms/protocol';
import { clearToken, getToken } from './token';
import { getLang, translate, type Lang, type MessageKey } from './i18n';

/** An error answer of the API (`{ error: { code, message } }`), or a network failure (`code: 'network'`, status 0). */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  /** True when `message` came from the server's error body (already in the requested language). */
  readonly fromServer: boolean;
  /** Bad input: the server's message per form field (e.g. `prefix`), when it gave them. */
  readonly fields: Record<string, string> | undefined;
  constructor(code: string, message: string, status: number, fromServer = false, fields?: Record<string, string>) {
    super(message);
    this.fields = fields;
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.fromServer = fromServer;
  }
}

export interface ApiInit extends RequestInit {
  /** A value sent as the JSON body (sets `Content-Type: application/json`). */
  json?: unknown;
  /**
   * Send an `Idempotency-Key` and retry once on a network failure: the server answers a repeated
   * key with the first answer, so a lost reply never issues or calls twice.
   */
  idempotent?: boolean;
}

/** A random key; `crypto.randomUUID` exists only on https/localhost, and floor PCs use plain http on the LAN. */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const RETRY_DELAY_MS = 700;

/**
 * Calls the server's HTTP API on the same origin. Adds the stored bearer token, the cookie and
 * the screen language (the server words its errors in it), sends `json` as a JSON body, returns
 * the parsed JSON (or `undefined` for 204 / an empty body) and throws `ApiError` for error answers.
 */
export async function apiFetch<T>(path: string, init: ApiInit = {}): Promise<T> {
  const { json, idempotent = false, headers: given, ...rest } = init;
  const headers = new Headers(given);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  if (!headers.has('Accept-Language')) headers.set('Accept-Language', getLang());
  const token = getToken();
  if (token && !headers.has('Authorization')) headers.set('Authorization', `Bearer ${token}`);
  if (idempotent && !headers.has('Idempotency-Key')) headers.set('Idempotency-Key', newIdempotencyKey());
  let body = rest.body;
  if (json !== undefined) body = JSON.stringify(json);
  if (typeof body === 'string' && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');

  let res: Response;
  try {
    res = await fetch(path, { ...rest, body, headers, credentials: 'include' });
  } catch (err) {
    if (!idempotent) throw new ApiError('network', err instanceof Error ? err.message : String(err), 0);
    await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
    try {
      res = await fetch(path, { ...rest, body, headers, credentials: 'include' });
    } catch (again) {
      throw new ApiError('network', again instanceof Error ? again.message : String(again), 0);
    }
  }

  const text = res.status === 204 ? '' : await res.text().catch(() => '');
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!res.ok) {
    const e = (parsed as { error?: { code?: unknown; message?: unknown; fields?: unknown } } | undefined)?.error;
    const fromServer = typeof e?.code === 'string' && typeof e.message === 'string';
    const code = typeof e?.code === 'string' ? e.code : `http_${res.status}`;
    const message = typeof e?.message === 'string' ? e.message : res.statusText || `HTTP ${res.status}`;
    const fields = e?.fields && typeof e.fields === 'object' ? (e.fields as Record<string, string>) : undefined;
    throw new ApiError(code, message, res.status, fromServer, fields);
  }
  if (text && parsed === undefined) throw new ApiError('bad_response', 'The server answered with something that is not JSON', res.status);
  return parsed as T;
}

/**
 * Ends the session on the server, so its token and cookie stop working (a counter's keypad no longer acts for
 * the officer), then forgets it here. An already expired session counts as ended; any other failure throws and
 * keeps the sign-in, so nobody walks away believing they are signed out.
 */
export async function signOut(): Promise<void> {
  try {
    await apiFetch<void>('/api/auth/logout', { method: 'POST' });
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 401)) throw err;
  }
  clearToken();
}

/**
 * Plain words for an error, in `lang`: the server's own message for its 4xx answers (it words
 * them in the language we asked for), else a sentence chosen by the kind of failure.
 */
export function errorText(err: unknown, lang: Lang): string {
  if (!(err instanceof ApiError)) return translate(lang, 'error.generic');
  if (err.status === 0) return translate(lang, 'error.network');
  if (err.fromServer && err.status < 500 && err.message) return err.message;
  const key: MessageKey =
    err.status === 401 ? 'error.unauthorized'
    : err.status === 403 ? 'error.forbidden'
    : err.status === 404 ? 'error.not_found'
    : err.status === 429 || err.status === 502 || err.status === 503 || err.status === 504 ? 'error.busy'
    : err.status >= 500 ? 'error.server'
    : 'error.generic';
  return translate(lang, key);
}

/** The input of a route from protocol's route table: its `:params`, query and JSON body, all typed. */
export type RouteInput<R extends ApiRoute> = (keyof RouteParams<R['path']> extends never ? { params?: undefined } : { params: RouteParams<R['path']> }) &
  (R extends { body: NonNullable<ApiRoute['body']> } ? { body: RouteBody<R> } : { body?: undefined }) & { query?: RouteQuery<R> } & Omit<ApiInit, 'json' | 'method' | 'body'>;

/**
 * `apiFetch` for a route of protocol's table (`routes.adminServiceUpdate` …): the method and path come from the
 * table, the body and the reply are typed from its schemas. Throws `ApiError` as `apiFetch` does; an error answer
 * with per-field messages carries them in `fields`.
 */
export async function fetchRoute<R extends ApiRoute>(route: R, ...[input]: keyof RouteParams<R['path']> extends never ? (R extends { body: NonNullable<ApiRoute['body']> } ? [RouteInput<R>] : [RouteInput<R>?]) : [RouteInput<R>]): Promise<RouteReply<R>> {
  const { params, body, query, ...init } = (input ?? {}) as { params?: Record<string, string | number>; body?: unknown; query?: Record<string, unknown> } & ApiInit;
  let path = routePath(route.path, params);
  const search = Object.entries(query ?? {}).filter(([, v]) => v !== undefined && v !== null);
  if (search.length) path += `?${search.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&')}`;
  return apiFetch<RouteReply<R>>(path, { ...init, method: route.method.toUpperCase(), ...(body !== undefined ? { json: body } : {}) });
}
