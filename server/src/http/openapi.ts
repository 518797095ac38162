import { z } from 'zod';
import type { RouteDoc } from './router';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any' });
export const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/** The OpenAPI 3.1 document of every documented route, built from the same zod schemas the routes validate with. */
export function openApiDocument(docs: readonly RouteDoc[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const d of docs) {
    const params = [...d.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const query = d.query ? queryParameters(d.query) : [];
    (paths[toOpenApiPath(d.path)] ??= {})[d.method] = {
      summary: d.summary,
      description: `Access: ${d.access}`,
      parameters: [...params, ...query],
      ...(d.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(d.body, 'input') } } } } : {}),
      ...(d.rawBody ? { requestBody: rawRequestBody(d.rawBody) } : {}),
      responses: Object.fromEntries(
        Object.entries(d.responses).map(([status, r]) => [
          status,
          { description: r.description, ...(r.schema ? { content: { [r.contentType ?? 'application/json']: { schema: jsonSchema(r.schema, 'output') } } } : {}) },
        ]),
      ),
      security: /anyone/.test(d.access) ? [] : [{ bearer: [] }, { cookie: [] }],
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Hệ thống xếp hàng TTPVHCC — queue management API',
      version,
      description: 'HTTP contract v1. Errors: `{ "error": { "code", "message" } }` with a 4xx status; messages in Vietnamese, or English with `Accept-Language: en`.',
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'qms_session' },
      },
    },
    paths,
  };
}

function rawRequestBody(raw: NonNullable<RouteDoc['rawBody']>) {
  const content = Object.fromEntries(raw.contentTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]));
  return { required: true, description: raw.description, content };
}

function queryParameters(schema: z.ZodType) {
  const s = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, sch]) => ({ name, in: 'query', required: s.required?.includes(name) ?? false, schema: sch }));
}
