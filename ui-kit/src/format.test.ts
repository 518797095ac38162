import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatClock } from './clock-format';
import { apiFetch, ApiError, errorText } from './api';
import { initials, waitText } from './format';

describe('formatClock', () => {
  // 2026-11-23 01:05:00 UTC = 08:05 in Hanoi (UTC+7), a Monday
  const ms = Date.UTC(2026, 10, 23, 1, 5, 0);

  it('shows the Vietnamese weekday, date and time in the center zone', () => {
    expect(formatClock(ms, 'Asia/Ho_Chi_Minh', 'vi')).toBe('Thứ Hai, 23/11/2026 08:05');
  });

  it('follows the zone, not the machine', () => {
    expect(formatClock(ms, 'UTC', 'vi')).toBe('Thứ Hai, 23/11/2026 01:05');
  });

  it('has an English form and survives an unknown zone', () => {
    expect(formatClock(ms, 'Asia/Ho_Chi_Minh', 'en')).toBe('Monday, 23/11/2026 08:05');
    expect(formatClock(ms, 'Not/AZone', 'vi')).toBe('Thứ Hai, 23/11/2026 08:05');
  });
});

describe('waitText', () => {
  it('rounds up to whole minutes', () => {
    expect(waitText(61, 'vi')).toBe('khoảng 2 phút');
    expect(waitText(0, 'en')).toBe('about 1 min');
    expect(waitText(null, 'vi')).toBe('—');
  });
});

describe('apiFetch', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends JSON with the cookie and parses the answer; 204 gives undefined', async () => {
    const fetchMock = vi.fn(async (_path: string, init: RequestInit) => {
      expect(init.credentials).toBe('include');
      expect(new Headers(init.headers).get('Content-Type')).toBe('application/json');
      expect(init.body).toBe('{"serviceId":"HT","channel":"kiosk"}');
      return new Response(JSON.stringify({ id: 't1', number: 'HT1001' }), { status: 201 });
    });
    vi.stubGlobal('fetch', fetchMock);
    await expect(apiFetch('/api/tickets', { method: 'POST', json: { serviceId: 'HT', channel: 'kiosk' } })).resolves.toEqual({ id: 't1', number: 'HT1001' });
    vi.stubGlobal('fetch', vi.fn(async () => new Response(null, { status: 204 })));
    await expect(apiFetch('/api/counters/1/call-next', { method: 'POST' })).resolves.toBeUndefined();
  });

  it('turns an error body into ApiError with code and message', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ error: { code: 'service_closed', message: 'Lĩnh vực đã ngừng lấy số' } }), { status: 409 })));
    const err = await apiFetch('/api/tickets', { method: 'POST', json: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'service_closed', message: 'Lĩnh vực đã ngừng lấy số', status: 409 });
    expect(errorText(err, 'vi')).toBe('Lĩnh vực đã ngừng lấy số');
  });

  it('reports a network failure in plain words', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    const err = await apiFetch('/api/health').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'network', status: 0 });
    expect(errorText(err, 'vi')).toBe('Không kết nối được máy chủ. Vui lòng thử lại.');
    expect(errorText(new ApiError('http_500', 'Internal Server Error', 500), 'en')).toBe('The server had a problem. Please ask staff for help.');
    expect(errorText(new ApiError('http_404', 'Not Found', 404), 'vi')).toBe('Không tìm thấy dữ liệu yêu cầu.');
  });

  it('asks for the screen language and, when idempotent, retries a lost request once with the same key', async () => {
    const keys: (string | null)[] = [];
    let calls = 0;
    vi.stubGlobal('fetch', vi.fn(async (_path: string, init: RequestInit) => {
      const h = new Headers(init.headers);
      expect(h.get('Accept-Language')).toBe('vi');
      keys.push(h.get('Idempotency-Key'));
      if (++calls === 1) throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify({ ticket: null }), { status: 200 });
    }));
    await expect(apiFetch('/api/counters/1/call-next', { method: 'POST', idempotent: true })).resolves.toEqual({ ticket: null });
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
  });
});

describe('initials', () => {
  it('takes the given name and the one before it, as Vietnamese names are read', () => {
    expect(initials('Lê Thị Bình')).toBe('TB');
    expect(initials('  Đặng   Thị Giang ')).toBe('TG');
    expect(initials('admin')).toBe('A');
    expect(initials('')).toBe('');
  });
});
