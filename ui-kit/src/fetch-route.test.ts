import { afterEach, describe, expect, it, vi } from 'vitest';
import { routes } from '@qms/protocol';
import { ApiError, fetchRoute } from './api';

describe('fetchRoute', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('takes method and path from the route table, fills :params, sends the body and the query', async () => {
    const calls: { path: string; method: string | undefined; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (path: string, init: RequestInit) => {
        calls.push({ path, method: init.method, body: init.body ? JSON.parse(init.body as string) : undefined });
        return new Response(JSON.stringify({ id: 'ho tich' }), { status: 200 });
      }),
    );
    const reply = await fetchRoute(routes.adminServiceUpdate, { params: { id: 'ho tich' }, body: { stoppedToday: { reason: 'Mất điện' } } });
    expect(reply.id).toBe('ho tich');
    await fetchRoute(routes.adminAudit, { query: { limit: 20, before: undefined } });
    expect(calls).toEqual([
      { path: '/api/admin/services/ho%20tich', method: 'PATCH', body: { stoppedToday: { reason: 'Mất điện' } } },
      { path: '/api/admin/audit?limit=20', method: 'GET', body: undefined },
    ]);
  });

  it('an error answer keeps the message per form field', async () => {
    const error = { code: 'prefix_collision', message: 'Đầu số trùng', fields: { prefix: 'Đầu số trùng' } };
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ error }), { status: 409 })));
    const err = await fetchRoute(routes.adminServiceCreate, { body: { id: 'x', code: 'X', name: 'X', prefix: '1' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).fields).toEqual({ prefix: 'Đầu số trùng' });
  });
});
