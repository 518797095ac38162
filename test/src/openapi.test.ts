import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startTestServer, type TestServer } from './support/server';

describe('/api/openapi.json', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('documents exactly the API routes the app serves', async () => {
    const res = await client(server.url).get('/api/openapi.json');
    expect(res.status).toBe(200);
    const documented = Object.entries(res.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    const served = server.app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && r.path !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect([...new Set(served)].sort()).toEqual(documented);
  });

  it('covers the whole HTTP contract of ARCHITECTURE.md', async () => {
    const { body } = await client(server.url).get('/api/openapi.json');
    const contract = [
      'get /api/health',
      'post /api/auth/login',
      'get /api/services',
      'get /api/counters',
      'post /api/tickets',
      'get /api/tickets/{id}',
      'post /api/counters/{id}/sign-in',
      'post /api/counters/{id}/call-next',
      ...['recall', 'start', 'finish', 'no-show', 'hold', 'transfer', 'pause', 'resume'].map((a) => `post /api/counters/{id}/${a}`),
      'post /api/ratings',
      'get /api/stats/summary',
    ];
    for (const entry of contract) {
      const [method, path] = entry.split(' ') as [string, string];
      expect(body.paths[path]?.[method], entry).toBeDefined();
    }
    expect(body.paths['/api/tickets'].post.requestBody.content['application/json'].schema.required).toEqual(['serviceId']);
    expect(body.paths['/api/ratings'].post.requestBody.content['application/json'].schema.properties.level.enum).toEqual([
      'very_satisfied',
      'satisfied',
      'neutral',
      'dissatisfied',
      'very_dissatisfied',
    ]);
    const summaryParams = body.paths['/api/stats/summary'].get.parameters.map((p: { name: string }) => p.name);
    expect(summaryParams).toEqual(['from', 'to', 'groupBy']);
  });
});
