import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './security';
import { sameOrigin } from './same-origin';

describe('security headers and origins', () => {
  it('the policy names this host for the socket, and nothing when the Host header is no host name', () => {
    expect(contentSecurityPolicy('qms.local:8080')).toContain("connect-src 'self' ws://qms.local:8080 wss://qms.local:8080");
    expect(contentSecurityPolicy('[::1]:8080')).toContain('ws://[::1]:8080');
    expect(contentSecurityPolicy("x; script-src 'unsafe-inline'")).toContain("connect-src 'self';");
  });

  it('tells this server’s pages from other sites', () => {
    expect(sameOrigin({ origin: 'http://qms.local:8080', host: 'qms.local:8080' })).toBe(true);
    expect(sameOrigin({ origin: 'http://QMS.local:8080', host: 'QMS.LOCAL:8080' })).toBe(true);
    expect(sameOrigin({ origin: 'http://evil.example', host: 'qms.local:8080' })).toBe(false);
    expect(sameOrigin({ origin: 'http://qms.local:9090', host: 'qms.local:8080' })).toBe(false);
    expect(sameOrigin({ origin: 'null', host: 'qms.local:8080' })).toBe(false);
    expect(sameOrigin({ 'sec-fetch-site': 'cross-site', host: 'qms.local' })).toBe(false);
    expect(sameOrigin({ 'sec-fetch-site': 'same-site', host: 'qms.local' })).toBe(false);
    expect(sameOrigin({ 'sec-fetch-site': 'same-origin', host: 'qms.local' })).toBe(true);
    expect(sameOrigin({ host: 'qms.local' })).toBe(true); // no browser, or one too old to say
  });
});
