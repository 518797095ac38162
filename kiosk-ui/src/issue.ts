import type { IssuedTicketDto } from '@qms/protocol';
import { ApiError, getLang, getToken, newIdempotencyKey } from '@qms/ui-kit';

export interface Issued {
  ticket: IssuedTicketDto;
  /** The printer the server sends the paper to, or null when none serves this kiosk. */
  printerId: string | null;
  /** The ticket's public link for the QR (the server's LAN address, not the kiosk's own view of it). */
  url: string;
}

const RETRY_DELAY_MS = 700;

/**
 * POST /api/tickets with an idempotency key, retried once on a network failure (a lost reply never gives
 * two numbers). Like `apiFetch`, but it also reads which printer the ticket goes to.
 */
export async function issueTicket(body: { serviceId: string; priority: string | null }): Promise<Issued> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
    'Accept-Language': getLang(),
    'Idempotency-Key': newIdempotencyKey(),
  };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  const init: RequestInit = { method: 'POST', headers, body: JSON.stringify({ ...body, channel: 'kiosk' }), credentials: 'include' };
  let res: Response;
  try {
    res = await fetch('/api/tickets', init);
  } catch {
    await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
    try {
      res = await fetch('/api/tickets', init);
    } catch (again) {
      throw new ApiError('network', again instanceof Error ? again.message : String(again), 0);
    }
  }
  const parsed = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const e = (parsed as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    const fromServer = typeof e?.code === 'string' && typeof e.message === 'string';
    throw new ApiError(fromServer ? (e.code as string) : `http_${res.status}`, fromServer ? (e.message as string) : res.statusText, res.status, fromServer);
  }
  const printer = res.headers.get('X-Qms-Printer');
  const ticket = parsed as IssuedTicketDto;
  const url = res.headers.get('X-Qms-Ticket-Url') ?? `${window.location.origin}/t/${encodeURIComponent(ticket.id)}`;
  return { ticket, printerId: printer && printer !== 'none' ? printer : null, url };
}
