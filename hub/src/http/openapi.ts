import { z } from 'zod';
import { SummaryReply } from '@qms/protocol';
import { HubAccount, HubAccountBody, HubAccountPatch, HubCenter, HubCenterBody, HubCenterCreated, HubCenterPatch, HubHeartbeat, HubLoginBody, HubPasswordBody, HubPushBody, HubPushReply, HubReportQuery, HubReportReply, HubStatsQuery } from '@qms/protocol/hub';

const schema = (s: z.ZodType, io: 'input' | 'output' = 'output') => z.toJSONSchema(s, { io, unrepresentable: 'any' });
const json = (s: z.ZodType, io: 'input' | 'output' = 'output') => ({ content: { 'application/json': { schema: schema(s, io) } } });
const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const city = [{ bearer: [] }];

function queryParameters(s: z.ZodType) {
  const js = schema(s, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, sch]) => ({ name, in: 'query', required: js.required?.includes(name) ?? false, schema: sch }));
}

/** The hub's own OpenAPI 3.1 document, from the same zod schemas its routes validate with. */
export function hubOpenApi(version: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Máy chủ thành phố (hub) — city hub API',
      version,
      description:
        'Errors: `{ "error": { "code", "message" } }` with a 4xx status, Vietnamese unless `Accept-Language: en`. City accounts send `Authorization: Bearer <token>` from `/api/auth/login`; centers send `Authorization: Bearer <center key>`.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, centerKey: { type: 'http', scheme: 'bearer', description: 'The key `POST /api/hub/centers` answered' } },
      schemas: { Error: { type: 'object', properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } } } } },
    },
    paths: {
      '/api/health': { get: { summary: 'Hub and database state (anyone)', security: [], responses: { 200: { description: '`{ ok, version, db }`' }, 503: { description: 'database unavailable' } } } },
      '/api/auth/login': {
        post: {
          summary: 'Sign in a city account',
          security: [],
          requestBody: { required: true, ...json(HubLoginBody, 'input') },
          responses: { 200: { description: '`{ token, user: { id, name, role } }`' }, 401: error('wrong username or password'), 429: error('too many wrong sign-ins for this account from this address') },
        },
      },
      '/api/auth/logout': { post: { summary: 'End this session (city accounts)', security: city, responses: { 204: { description: 'signed out' } } } },
      '/api/hub/centers': {
        post: {
          summary: 'Register a center (city admin), optionally in a district; the key is shown once',
          security: city,
          requestBody: { required: true, ...json(HubCenterBody, 'input') },
          responses: { 201: { description: 'registered', ...json(HubCenterCreated) }, 409: error('code taken'), 401: error('not signed in'), 403: error('not a city admin') },
        },
        get: {
          summary: 'Centers with district, last contact, live floor, divergence flag and alarms (offline over 15 min in working hours, a wait over 15 min) (city accounts)',
          security: city,
          responses: { 200: { description: 'centers', ...json(z.array(HubCenter)) } },
        },
      },
      '/api/hub/centers/{id}': {
        patch: {
          summary: 'Rename a center or set its district (null or "": none) (city admin)',
          security: city,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
          requestBody: { required: true, ...json(HubCenterPatch, 'input') },
          responses: { 200: { description: 'the center as listed', ...json(HubCenter) }, 400: error('nothing to change, or bad input'), 404: error('no such center'), 403: error('not a city admin') },
        },
      },
      '/api/hub/centers/{id}/key': {
        post: {
          summary: 'Issue a new key for a center that lost its own (city admin); the old key stops working at once; the new key is shown once',
          security: city,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
          responses: { 201: { description: 'the new key', ...json(HubCenterCreated) }, 400: error('not an id'), 404: error('no such center'), 401: error('not signed in'), 403: error('not a city admin') },
        },
      },
      '/api/hub/accounts': {
        get: {
          summary: 'City accounts: the city admin and the viewer accounts (city admin)',
          security: city,
          responses: { 200: { description: 'accounts', ...json(z.array(HubAccount)) }, 403: error('not a city admin') },
        },
        post: {
          summary: 'Create a viewer account (`city_viewer`: sees the live view and the reports, registers and changes nothing) (city admin)',
          security: city,
          requestBody: { required: true, ...json(HubAccountBody, 'input') },
          responses: { 201: { description: 'created', ...json(HubAccount) }, 400: error('bad input (username, name, a password of at least 8 characters)'), 409: error('username taken'), 403: error('not a city admin') },
        },
      },
      '/api/hub/accounts/{id}': {
        patch: {
          summary: 'Rename a viewer account, or turn it off (`active: false`: it cannot sign in, its sessions end) or on again (city admin)',
          security: city,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
          requestBody: { required: true, ...json(HubAccountPatch, 'input') },
          responses: { 200: { description: 'the account', ...json(HubAccount) }, 400: error('nothing to change, bad input, or not an id'), 404: error('no such viewer account'), 403: error('not a city admin') },
        },
      },
      '/api/hub/accounts/{id}/password': {
        put: {
          summary: 'Set a new password for a viewer account; its sessions end (city admin)',
          security: city,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
          requestBody: { required: true, ...json(HubPasswordBody, 'input') },
          responses: { 204: { description: 'changed' }, 400: error('password too short, or not an id'), 404: error('no such viewer account'), 403: error('not a city admin') },
        },
      },
      '/api/hub/events': {
        post: {
          summary: 'A center pushes the next events of its log, in order (center key); idempotent on (event id, content)',
          security: [{ centerKey: [] }],
          requestBody: { required: true, ...json(HubPushBody, 'input') },
          responses: { 200: { description: 'stored', ...json(HubPushReply) }, 401: error('unknown center key') },
        },
      },
      '/api/hub/heartbeat': {
        post: {
          summary: 'A center’s live floor, every ~10 s (center key)',
          security: [{ centerKey: [] }],
          requestBody: { required: true, ...json(HubHeartbeat, 'input') },
          responses: { 204: { description: 'recorded' }, 401: error('unknown center key') },
        },
      },
      '/api/hub/stats/summary': {
        get: {
          summary: 'City figures in the shape of a center’s /api/stats/summary; groupBy center, service or district; `center` (a code) for one center alone (city accounts)',
          security: city,
          parameters: queryParameters(HubStatsQuery),
          responses: { 200: { description: 'figures', ...json(SummaryReply) }, 400: error('bad dates'), 404: error('no such center') },
        },
      },
      '/api/hub/stats/report': {
        get: {
          summary: 'The city report page: totals, lines per center, field and district, ranking of centers, the ready-to-paste paragraph in `lang` (city accounts)',
          security: city,
          parameters: queryParameters(HubReportQuery),
          responses: { 200: { description: 'report', ...json(HubReportReply) }, 400: error('bad dates') },
        },
      },
      '/api/hub/stats/export.xlsx': {
        get: {
          summary: 'The city report as an Excel workbook: summary and paragraph, per center, per field, per district, ranking (city accounts)',
          security: city,
          parameters: queryParameters(HubReportQuery).filter((p) => p.name !== 'lang'),
          responses: { 200: { description: 'the workbook', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } } } }, 400: error('bad dates') },
        },
      },
    },
  };
}
