import type { IssuedTicketDto } from '@qms/protocol';
import { ApiError, getLang, getToken } from '@qms/ui-kit';

export interface Issued {
  ticket: IssuedTicketDto;
  /** The printer the server sends the paper to, or null when none serves this kiosk. */
  printerId: string | null;
  /** The ticket's public link for the QR (the server's LAN address, not the kiosk's own view of it). */
  url: string;
}

const RETRY_DELAY_MS = 700;
/** A server that took the connection but never answers must not leave the citizen on "Đang lấy số…". */
export const ISSUE_TIMEOUT_MS = 8_000;

/**
 * POST /api/tickets with the given idempotency key, retried once on a network failure, all within
 * `ISSUE_TIMEOUT_MS` (a lost reply never gives two numbers). Like `apiFetch`, but it also reads which
 * printer the ticket goes to.
 */
export async function issueTicket(body: { serviceId: string; priority: string | null }, idempotencyKey: string): Promise<Issued> {
  const { data: ticket, printerId, url } = await kioskPost<IssuedTicketDto>('/api/tickets', { ...body, channel: 'kiosk' }, idempotencyKey, (t) => t.id);
  return { ticket, printerId, url };
}

/**
 * A kiosk request that gives a ticket (issue, check-in of a booking): POSTed with an idempotency key, retried once on
 * a network failure within `ISSUE_TIMEOUT_MS`, with the printer and public link the server names in its headers.
 */
export async function kioskPost<T>(path: string, body: object | undefined, idempotencyKey: string, ticketIdOf: (reply: T) => string): Promise<{ data: T; printerId: string | null; url: string }> {
  const headers: Record<string, string> = {
    ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    Accept: 'application/json',
    'Accept-Language': getLang(),
    'Idempotency-Key': idempotencyKey,
  };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  // Kiosks run Chromium (docs/operations.md); only Safari 12.0 of the supported browsers lacks AbortController.
  // eslint-disable-next-line compat/compat
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), ISSUE_TIMEOUT_MS);
  const init: RequestInit = { method: 'POST', headers, body: body === undefined ? null : JSON.stringify(body), credentials: 'include', signal: deadline.signal };
  const failed = (e: unknown) =>
    deadline.signal.aborted ? new ApiError('timeout', 'No answer from the server', 0) : new ApiError('network', e instanceof Error ? e.message : String(e), 0);
  try {
    let res: Response;
    try {
      res = await fetch(path, init);
    } catch (first) {
      if (deadline.signal.aborted) throw failed(first);
      await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
      try {
        res = await fetch(path, init);
      } catch (again) {
        throw failed(again);
      }
    }
    const parsed = (await res.json().catch(() => null)) as unknown;
    if (deadline.signal.aborted) throw failed(null);
    if (!res.ok) {
      const e = (parsed as { error?: { code?: unknown; message?: unknown } } | null)?.error;
      const fromServer = typeof e?.code === 'string' && typeof e.message === 'string';
      throw new ApiError(fromServer ? (e.code as string) : `http_${res.status}`, fromServer ? (e.message as string) : res.statusText, res.status, fromServer);
    }
    if (typeof parsed !== 'object' || parsed === null) throw new ApiError('bad_response', 'The server answered with something that is not JSON', res.status);
    const printer = res.headers.get('X-Qms-Printer');
    const data = parsed as T;
    const url = res.headers.get('X-Qms-Ticket-Url') ?? `${window.location.origin}/t/${encodeURIComponent(ticketIdOf(data))}`;
    return { data, printerId: printer && printer !== 'none' ? printer : null, url };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * True when the server may have issued the ticket without the kiosk hearing it (no answer, or the same
 * request still running there): a retry must then send the same idempotency key.
 */
export function unanswered(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.code === 'request_in_progress');
}
