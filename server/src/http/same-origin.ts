type HeaderValue = string | string[] | undefined;

/**
 * Whether a browser request comes from a page this server served. Browsers send `Origin` with every request that
 * changes something (and with websocket handshakes); where it is missing, `Sec-Fetch-Site` tells. A request with
 * neither comes from no browser (a script, a device) or one too old to send them, where the SameSite=Lax cookie
 * already keeps other sites out.
 */
export function sameOrigin(headers: Record<string, HeaderValue> | ((name: string) => HeaderValue)): boolean {
  const get = (name: string) => {
    const v = typeof headers === 'function' ? headers(name) : headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const origin = get('origin');
  if (origin !== undefined) {
    const host = get('host');
    try {
      return !!host && new URL(origin).host === host.toLowerCase();
    } catch {
      return false; // `null` (a sandboxed frame, a file) or garbage
    }
  }
  const site = get('sec-fetch-site');
  return site === undefined || site === 'same-origin' || site === 'none';
}
