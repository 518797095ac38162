import type { TicketFact } from '@qms/protocol/figures';
import type { RatingLevel } from '@qms/protocol';

/** A ticket as the hub keeps it: the figures' fact plus where and when it belongs. */
export interface HubTicketFact extends TicketFact {
  ticketId: string;
  serviceId: string;
  serviceDay: string;
}

export interface FactEvent {
  type: string;
  ticketId: string;
  payload: Record<string, unknown>;
  at: number;
  serviceDay: string | null;
}

/**
 * Replays one ticket's events (in log order) into its fact: the same states the center's ticket row goes through
 * (server/src/queue/lifecycle.ts), so the hub's figures are the center's. Null when the issue event is missing.
 */
export function foldTicket(events: readonly FactEvent[]): HubTicketFact | null {
  let t: HubTicketFact | null = null;
  let dossier: string | null = null;
  for (const e of events) {
    const p = e.payload;
    if (e.type === 'ticket.issued') {
      t = {
        ticketId: e.ticketId,
        serviceId: String(p.serviceId),
        serviceDay: e.serviceDay ?? new Date(e.at).toISOString().slice(0, 10),
        status: 'waiting',
        channel: String(p.channel ?? 'kiosk'),
        issuedAt: e.at,
        firstCalledAt: null,
        startedAt: null,
        finishedAt: null,
        transferred: false,
        ratingSkipped: false,
        rating: null,
        ratingChannel: null,
        ratingDossier: false,
      };
      continue;
    }
    if (!t) continue;
    switch (e.type) {
      case 'ticket.called':
        t.status = 'called';
        t.firstCalledAt ??= e.at;
        break;
      case 'ticket.started':
        t.status = 'serving';
        t.startedAt = e.at;
        break;
      case 'ticket.finished':
        t.status = 'done';
        t.finishedAt = e.at;
        if (typeof p.dossierCode === 'string') dossier = p.dossierCode;
        break;
      case 'ticket.no_show':
        t.status = 'no_show';
        t.finishedAt = e.at;
        break;
      case 'ticket.cancelled':
        t.status = 'cancelled';
        t.finishedAt = e.at;
        break;
      case 'ticket.on_hold':
        t.status = 'on_hold';
        break;
      case 'ticket.unheld':
        t.status = t.startedAt === null ? 'called' : 'serving';
        break;
      case 'ticket.transferred':
        t.status = 'waiting';
        t.startedAt = null;
        t.transferred = true;
        if (typeof p.toServiceId === 'string') t.serviceId = p.toServiceId;
        break;
      case 'ticket.released':
        t.status = 'waiting';
        t.startedAt = null;
        break;
      case 'rating.received':
        t.rating = p.level as RatingLevel;
        t.ratingChannel = typeof p.channel === 'string' ? p.channel : null;
        t.ratingDossier = dossier !== null && dossier !== '';
        break;
      case 'rating.skipped':
        t.ratingSkipped = true;
        break;
    }
  }
  return t;
}
