import { zValidator } from '@hono/zod-validator';
import type { Hono } from 'hono';
import type { ZodType } from 'zod';
import { ApiError } from '@qms/protocol';
import { ApiFailure, describeZodError, zodFields } from './errors';
import type { AppEnv } from './env';

export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Hono style: `/api/tickets/:id`. */
  path: string;
  summary: string;
  /** Who may call it, in words; the middleware on the route enforces it. */
  access: string;
  body?: ZodType;
  /** A body of raw bytes instead of JSON (an uploaded file), in one of these content types. */
  rawBody?: { contentTypes: readonly string[]; description: string };
  query?: ZodType;
  responses: Record<number, { description: string; schema?: ZodType; contentType?: string }>;
}

/** The Hono app plus the documentation of every route it serves, from which /api/openapi.json is built. */
export interface Router {
  app: Hono<AppEnv>;
  docs: RouteDoc[];
  doc: (d: RouteDoc) => void;
}

export function createRouter(app: Hono<AppEnv>): Router {
  const docs: RouteDoc[] = [];
  return { app, docs, doc: (d) => void docs.push(d) };
}

const hook = (result: { success: boolean; error?: unknown }) => {
  if (!result.success) {
    const error = result.error as Parameters<typeof describeZodError>[0];
    throw new ApiFailure('invalid_input', { detail: describeZodError(error, 'en'), detailVi: describeZodError(error, 'vi') }, { vi: zodFields(error, 'vi'), en: zodFields(error, 'en') });
  }
};

export const validJson = <T extends ZodType>(schema: T) => zValidator('json', schema, hook);
export const validQuery = <T extends ZodType>(schema: T) => zValidator('query', schema, hook);

export const errorResponses = (...codes: number[]) =>
  Object.fromEntries(codes.map((code) => [code, { description: errorDescriptions[code] ?? 'Error', schema: ApiError }]));

const errorDescriptions: Record<number, string> = {
  400: 'Invalid input',
  401: 'Not signed in, or the session expired',
  403: 'Not allowed for this account or device',
  404: 'Not found',
  409: 'Not possible in the current state',
  413: 'The body is too large',
  415: 'The body’s Content-Type is not accepted',
  429: 'Too many attempts; try again later',
  503: 'The server cannot store anything now (disk full)',
};
