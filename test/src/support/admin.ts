import type { TestServer } from './server';
import { assertContract } from './contract';

/** A JSON client for any method, checking every answer of a documented route against its schema. */
export function adminClient(server: TestServer, token?: string, lang?: string) {
  const call = async (method: 'get' | 'post' | 'patch' | 'put' | 'delete', path: string, body?: unknown, route?: string) => {
    const res = await fetch(server.url + path, {
      method: method.toUpperCase(),
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(lang ? { 'accept-language': lang } : {}),
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    const out = { status: res.status, body: text ? (JSON.parse(text) as any) : null };
    assertContract(server, method, route ?? routeOf(server, method, path.split('?')[0]!), out);
    return out;
  };
  return {
    get: (path: string) => call('get', path),
    post: (path: string, body?: unknown) => call('post', path, body),
    patch: (path: string, body?: unknown) => call('patch', path, body),
    put: (path: string, body?: unknown) => call('put', path, body),
    delete: (path: string) => call('delete', path),
  };
}

/** The documented route a concrete path belongs to (a literal path wins over one with `:params`). */
function routeOf(server: TestServer, method: string, pathname: string): string {
  const docs = server.router.docs.filter((d) => d.method === method && new RegExp(`^${d.path.replace(/:\w+/g, '[^/]+')}$`).test(pathname));
  const best = docs.find((d) => !d.path.includes(':')) ?? docs[0];
  if (!best) throw new Error(`${method.toUpperCase()} ${pathname} is not documented`);
  return best.path;
}
