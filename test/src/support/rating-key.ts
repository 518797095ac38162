import type { TestServer } from './server';

/** The ticket's QR link as the server gave it to the kiosk (`X-Qms-Ticket-Url` on `POST /api/tickets`). */
export function ticketUrlOf(issued: { headers: Headers }): URL {
  const url = issued.headers.get('x-qms-ticket-url');
  if (!url) throw new Error('the issue response has no X-Qms-Ticket-Url header');
  return new URL(url);
}

/** The rating key the ticket's QR carries, read from the issue response, as the kiosk reads it. */
export function keyFromIssue(issued: { headers: Headers }): string {
  const key = ticketUrlOf(issued).searchParams.get('k');
  if (!key) throw new Error(`the ticket link has no key: ${ticketUrlOf(issued).href}`);
  return key;
}

/** The same key computed by the running server, for tests that only kept the ticket id. */
export const ratingKeyOf = (server: Pick<TestServer, 'floor'>, ticketId: string): string => server.floor.ratings.keyOf(ticketId);
