import type { CounterDto, ServiceDto, TicketDto } from './dto';
import type { DisplaySettings } from './display';
import type { DeviceKind, RatingLevel } from './enums';
import type { PriorityCategory } from './priority';
import type { RatingChannel } from './rating';

/** A call as the hall display shows it. */
export interface CallDto {
  ticket: TicketDto;
  counterId: number;
  counterNumber: number;
  recall: boolean;
  at: string;
}

/** Everything a screen needs to draw itself; sent on every (re)connect. */
export interface Snapshot {
  centerName: string;
  timezone: string;
  serviceDay: string;
  demo: boolean;
  /** The priority groups a ticket may carry (config `priorityCategories`), e.g. `elderly`. */
  priorityCategories: string[];
  /** The same groups with their words (and icon), in the kiosk's order; older servers do not send it. */
  priorities?: PriorityCategory[];
  /** Increases with every floor event; a client can tell a fresh snapshot from a stale one. */
  seq: number;
  serverStartedAt: string;
  /** The server's clock when this snapshot was made (a display catching up on missed calls compares with it). */
  serverTime?: string;
  services: ServiceDto[];
  counters: CounterDto[];
  recentCalls: CallDto[];
  /** Waiting tickets, only for staff and admin rooms. */
  waiting?: TicketDto[];
  /** The hall displays' notice line and announcement settings. */
  display?: DisplaySettings;
}

/** Floor events, a tagged union; `seq` follows the snapshot's. */
export type FloorEvent = { seq: number; at: string } & (
  | { type: 'ticket.issued'; ticket: TicketDto; waitingInService: number }
  | { type: 'ticket.called'; call: CallDto }
  | { type: 'ticket.updated'; ticket: TicketDto; change: 'started' | 'finished' | 'no_show' | 'on_hold' | 'unheld' | 'transferred' | 'released' | 'cancelled' | 'printed' }
  | { type: 'counter.updated'; counter: CounterDto }
  /**
   * `partial`: `services` holds only the fields that changed (an issue, a call, a counter opening…), to merge by id
   * into the list the screen has; without it, the whole list (the day turned, the setup or the calendar changed).
   */
  | { type: 'services.updated'; services: ServiceDto[]; partial?: true }
  | { type: 'device.status'; deviceId: string; kind: string; ok: boolean; code: string | null; detail: string | null }
  | { type: 'rating.received'; ticketId: string; counterId: number | null; level: RatingLevel; channel: RatingChannel }
  | { type: 'rating.skipped'; ticketId: string; counterId: number | null }
  | { type: 'display.settings'; settings: DisplaySettings }
  /** `photoVersion` null: the officer has no photo now. */
  | { type: 'staff.photo_changed'; staffId: number; photoVersion: number | null }
  /** The admin changed the setup (a field, counter, account, the center); every socket also gets a fresh snapshot. */
  /** A screen started or stopped waiting to be paired (admin room only): the devices page reads the list again. */
  | { type: 'device.pairing'; waiting: number }
  | { type: 'setup.updated'; entity: 'center' | 'service' | 'counter' | 'user' | 'device'; id: string }
  /**
   * An account's sessions ended (disabled, or its password reset or changed): realtime disconnects its sockets
   * (`exceptToken`: the session that changed its own password stays). Not sent to screens.
   */
  | { type: 'staff.sessions_ended'; staffId: number; exceptTokenHash?: string }
  /** A booking of the field and day was made, moved, cancelled, checked in or marked no-show: lists read it again (no code, no personal data). */
  | { type: 'appointments.changed'; serviceId: string; date: string }
);
export type FloorEventType = FloorEvent['type'];

export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/** What a socket sends in `auth` when it connects. */
export interface SocketAuth {
  /** Bearer token of a user or device; the browser apps may rely on the cookie instead. */
  token?: string;
  role: DeviceKind | 'counter' | 'admin';
  counterId?: number;
  /** A display limited to some counters (a floor, a wing). */
  counterIds?: number[];
  /** Take the events of one command (a call: ticket, counter, waiting counts) as one `events` message instead of an `event` each. */
  batch?: boolean;
}

export interface ServerToClientEvents {
  snapshot: (snapshot: Snapshot) => void;
  event: (event: FloorEvent) => void;
  /** To sockets that connected with `batch: true`, instead of `event`: the events of one command, in order. */
  events: (events: FloorEvent[]) => void;
}

export interface ClientToServerEvents {
  /** Ask for a fresh snapshot (e.g. after a gap in `seq`). */
  resync: (ack: (reply: Ack<Snapshot>) => void) => void;
}
