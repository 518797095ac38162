import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { ApiRoute } from '@qms/protocol';
import type { AppEnv } from './env';
import { messages } from './messages';
import { errorResponses, validJson, validQuery, type Router } from './router';

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type ReplyOf<R extends ApiRoute> = R extends { reply: infer P extends z.ZodType } ? z.input<P> : void;

export interface RouteInput<R extends ApiRoute> {
  body: R extends { body: infer B } ? Out<B> : undefined;
  query: R extends { query: infer Q } ? Out<Q> : undefined;
}

/**
 * Registers a route of protocol's route table: documents it in OpenAPI from the table (its schemas and the statuses of
 * its error codes), validates the body and query with the table's schemas, and answers the table's success status.
 */
export function serveRoute<R extends ApiRoute>(
  r: Router,
  route: R,
  guard: MiddlewareHandler<AppEnv>,
  handler: (c: Context<AppEnv>, input: RouteInput<R>) => ReplyOf<R> | Promise<ReplyOf<R>>,
) {
  const statuses = [...new Set(route.errors.map((code) => messages[code]?.status ?? 400))].sort();
  r.doc({
    method: route.method,
    path: route.path,
    summary: route.summary,
    access: route.access,
    ...(route.body ? { body: route.body } : {}),
    ...(route.query ? { query: route.query } : {}),
    responses: {
      [route.status]: { description: 'Done', ...(route.reply ? { schema: route.reply } : {}) },
      ...errorResponses(...statuses),
    },
  });
  const middlewares: MiddlewareHandler<AppEnv>[] = [guard];
  if (route.body) middlewares.push(validJson(route.body) as unknown as MiddlewareHandler<AppEnv>);
  if (route.query) middlewares.push(validQuery(route.query) as unknown as MiddlewareHandler<AppEnv>);
  const on = r.app.on.bind(r.app) as unknown as (method: string, path: string, ...handlers: MiddlewareHandler<AppEnv>[]) => void;
  on(route.method.toUpperCase(), route.path, ...middlewares, async (c: Context<AppEnv>) => {
    const valid = (target: 'json' | 'query') => (c.req.valid as unknown as (t: string) => unknown).call(c.req, target);
    const input = { body: route.body ? valid('json') : undefined, query: route.query ? valid('query') : undefined } as RouteInput<R>;
    const reply = await handler(c, input);
    return route.status === 204 ? c.body(null, 204) : c.json(reply as object, route.status);
  });
}
