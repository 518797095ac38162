import type { Channel, TicketStatus } from '@qms/protocol';

/** A local time of day, `HH:MM`. */
export type TimeOfDay = string;

export interface IssuingHours {
  /** 0 = Sunday … 6 = Saturday. */
  workingDays: number[];
  windows: { from: TimeOfDay; to: TimeOfDay }[];
}

export interface Service {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  prefix: string;
  width: number;
  startNumber: number;
  dailyCap: number | null;
  hours: IssuingHours | null;
  /** Used for wait estimates until enough tickets of the day were served. */
  defaultServiceSeconds: number;
  /** Issuing stopped by an admin for one service day (`day`), with the reason to show. */
  stopped?: { day: string; reason: string } | null;
}

export interface Counter {
  id: number;
  number: number;
  serviceIds: string[];
  priority: boolean;
  /** `fifo`: oldest ticket among all its services; `ordered`: its services in the listed order. */
  serviceOrder: 'fifo' | 'ordered';
}

export interface QueueRules {
  priorityCategories: string[];
  /** After this many priority calls in a row, a counter takes a normal ticket that waited long enough. */
  antiStarvationAfter: number;
  antiStarvationWaitSeconds: number;
}

export interface Ticket {
  id: string;
  serviceDay: string;
  serviceId: string;
  seq: number;
  number: string;
  priority: string | null;
  channel: Channel;
  status: TicketStatus;
  counterId: number | null;
  /** Set by a transfer to a specific counter; only that counter may call it. */
  targetCounterId: number | null;
  /** Place in the queue: the issue time, kept across transfers so a transferred ticket goes ahead of later arrivals. */
  queuedAt: number;
  issuedAt: number;
  firstCalledAt: number | null;
  calledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  callCount: number;
  dossierCode: string | null;
  staffId: number | null;
  printed: boolean | null;
}

export class QueueError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}
