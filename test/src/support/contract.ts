import type { RunningServer } from '@qms/server';

/** Checks a reply against the route's documented schema for its status: the OpenAPI document cannot drift from what the server sends. */
export function assertContract(server: RunningServer, method: 'get' | 'post' | 'put' | 'patch' | 'delete', routePath: string, res: { status: number; body: unknown }) {
  const doc = server.router.docs.find((d) => d.method === method && d.path === routePath);
  if (!doc) throw new Error(`${method.toUpperCase()} ${routePath} is not documented`);
  const documented = doc.responses[res.status];
  if (!documented) throw new Error(`${method.toUpperCase()} ${routePath} answered ${res.status}, which is not documented: ${JSON.stringify(res.body)}`);
  if (documented.schema) {
    const parsed = documented.schema.safeParse(res.body);
    if (!parsed.success) throw new Error(`${method.toUpperCase()} ${routePath} ${res.status} does not match its schema: ${parsed.error.message}`);
  } else if (res.body !== null) {
    throw new Error(`${method.toUpperCase()} ${routePath} ${res.status} should have no body`);
  }
}
