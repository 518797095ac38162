import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { ClientToServerEvents, CounterDto, FloorEvent, ServerToClientEvents, SocketAuth } from '@qms/protocol';
import type { Floor } from '../floor';
import type { Authenticator, EndedSession } from '../http/auth';
import { hashToken, sessionCookie } from '../http/auth';
import { sameOrigin } from '../http/same-origin';
import type { Principal } from '../http/env';
import type { Logger } from '../log';
import { BATCH, eventSender } from './batches';
import { publicEvent, publicSnapshot } from './public-view';

interface SocketData {
  rooms: string[];
  /** Staff and admin sockets get full payloads (dossier codes, the waiting list); every other socket the public view. */
  withWaiting: boolean;
  /** `token`: looked at again when the devices change, so a revoked device's screens end at once. */
  device: { id: string; kind: string; token: string } | null;
  /** The account and session behind a user's socket, so sign-out and disabling can end it. */
  session: { userId: number; tokenHash: string; token: string } | null;
  /** An officer's desk socket: it gets the counter's staff rooms only while the officer is signed in there. */
  desk: { counterId: number; userId: number } | null;
  /** The client takes a command's events as one `events` message. */
  batch: boolean;
}

export type FloorServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type FloorSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** The room of every socket that gets the public view. */
const PUBLIC = 'public';

/** socket.io on the HTTP server: rooms per device role, a full snapshot on every (re)connect, then floor events. */
export function attachRealtime(httpServer: HttpServer, opts: { floor: Floor; auth: Authenticator; log: Logger; now?: () => number }) {
  const now = opts.now ?? Date.now;
  const connected = new Map<string, number>();
  const io: FloorServer = new Server(httpServer, { path: '/socket.io', serveClient: false, pingInterval: 10_000, pingTimeout: 8_000 });

  io.use((socket, next) => {
    const refuse = (code: string) => next(Object.assign(new Error(code), { data: { code } }));
    // A handshake is anybody's JSON: whatever it holds, it is refused or accepted, never a crash of the floor.
    try {
      const raw: unknown = socket.handshake.auth;
      const auth = (raw !== null && typeof raw === 'object' ? raw : {}) as Partial<SocketAuth>;
      const cookie = auth.token ? undefined : cookieToken(socket.handshake.headers.cookie);
      // A page of another site could open a socket with the officer's cookie and read the floor: not from there.
      if (cookie && !sameOrigin(socket.handshake.headers)) return refuse('cross_site');
      const token = auth.token || cookie;
      const principal = opts.auth.resolve(token ?? null);
      const rooms = roomsFor(auth, principal, opts.floor);
      if (typeof rooms === 'string') return refuse(rooms);
      const user = principal?.kind === 'user' ? principal.user : null;
      socket.data = {
        rooms,
        withWaiting: !rooms.includes(PUBLIC),
        device: principal?.kind === 'device' && typeof token === 'string' ? { id: principal.device.id, kind: principal.device.kind, token } : null,
        session: user && typeof token === 'string' ? { userId: user.id, tokenHash: hashToken(token), token } : null,
        desk: auth.role === 'counter' && user?.role === 'staff' ? { counterId: Number(auth.counterId), userId: user.id } : null,
        batch: auth.batch === true,
      };
      next();
    } catch (e) {
      opts.log.warn({ err: e }, 'socket handshake refused');
      refuse('bad_handshake');
    }
  });

  const snapshotFor = (socket: FloorSocket) => {
    const full = opts.floor.snapshot({ withWaiting: socket.data.withWaiting });
    return socket.data.withWaiting ? full : publicSnapshot(full);
  };

  io.on('connection', (socket: FloorSocket) => {
    void socket.join(socket.data.batch ? [...socket.data.rooms, BATCH] : socket.data.rooms);
    const device = socket.data.device;
    if (device) {
      // Staff and admin screens hear when a kiosk, display or tablet comes and goes, as with any other device.
      const count = (connected.get(device.id) ?? 0) + 1;
      connected.set(device.id, count);
      if (count === 1) opts.floor.publish([{ type: 'device.status', deviceId: device.id, kind: device.kind, ok: true, code: 'connected', detail: 'connected' }]);
      socket.on('disconnect', () => {
        const left = (connected.get(device.id) ?? 1) - 1;
        connected.set(device.id, left);
        if (left === 0) opts.floor.publish([{ type: 'device.status', deviceId: device.id, kind: device.kind, ok: false, code: 'not_connected', detail: 'not connected' }]);
      });
    }
    socket.emit('snapshot', snapshotFor(socket));
    socket.on('resync', (ack) => {
      if (typeof ack === 'function') ack({ ok: true, data: snapshotFor(socket) });
    });
  });

  /** An officer's desk socket follows the counter: staff rooms while they are signed in there, the public view otherwise. */
  const followDesks = (counter: CounterDto) => {
    for (const socket of io.sockets.sockets.values()) {
      const desk = socket.data.desk;
      if (!desk || desk.counterId !== counter.id) continue;
      const signedIn = counter.staff?.id === desk.userId;
      if (signedIn === socket.data.withWaiting) continue;
      const staffRooms = [`counter:${desk.counterId}`, 'staff'];
      if (signedIn) {
        void socket.leave(PUBLIC);
        void socket.join(staffRooms);
      } else {
        for (const room of staffRooms) void socket.leave(room);
        void socket.join(PUBLIC);
      }
      socket.data.withWaiting = signedIn;
      socket.emit('snapshot', snapshotFor(socket));
    }
  };

  // A session also ends without a word (it expired, the account was disabled in the database): looked at again
  // before events go out, at most every 30 s, so such a socket hears no staff event for long.
  let checkedAt = -Infinity;
  const dropEndedSessions = () => {
    const at = now();
    if (at - checkedAt < 30_000) return;
    checkedAt = at;
    try {
      for (const socket of io.sockets.sockets.values()) {
        const s = socket.data.session;
        const p = s ? opts.auth.resolve(s.token) : null;
        if (s && (p?.kind !== 'user' || p.user.id !== s.userId)) socket.disconnect(true);
      }
    } catch (e) {
      opts.log.error({ err: e }, 'socket sessions not checked'); // never in the way of the event itself
    }
  };

  const out = eventSender(io);
  opts.floor.bus.on('event', (e) => {
    dropEndedSessions();
    // An account disabled, or its password reset or changed: its sessions are gone, its sockets go too.
    if (e.type === 'staff.sessions_ended') endSockets(io, { userId: e.staffId, ...(e.exceptTokenHash ? { exceptTokenHash: e.exceptTokenHash } : {}) });
    // A device revoked: its screens connect again, are refused (`unauthorized`) and show the pairing screen.
    if (e.type === 'setup.updated' && e.entity === 'device') endRevokedDevices(io, opts.auth);
    deliver(out, e);
    if (e.type === 'counter.updated') followDesks(e.counter);
  });
  // Sign-out and `auth.endSessionsOf(userId)` (an account disabled, signed out everywhere) end the sockets too.
  opts.auth.onSessionEnded((ended) => endSockets(io, ended));

  return {
    io,
    isConnected: (deviceId: string) => (connected.get(deviceId) ?? 0) > 0,
    /** Every screen starts over from a fresh snapshot (a new service day: yesterday's calls and queues are gone). */
    resyncAll() {
      const full = opts.floor.snapshot({ withWaiting: true });
      const open = publicSnapshot(opts.floor.snapshot({ withWaiting: false }));
      for (const socket of io.sockets.sockets.values()) socket.emit('snapshot', socket.data.withWaiting ? full : open);
    },
  };
}

function endRevokedDevices(io: FloorServer, auth: Authenticator) {
  for (const socket of io.sockets.sockets.values()) {
    const d = socket.data.device;
    const p = d ? auth.resolve(d.token) : null;
    if (d && (p?.kind !== 'device' || p.device.id !== d.id)) socket.disconnect(true);
  }
}

function endSockets(io: FloorServer, ended: EndedSession) {
  for (const socket of io.sockets.sockets.values()) {
    const s = socket.data.session;
    const hit = 'userId' in ended ? s?.userId === ended.userId && s.tokenHash !== ended.exceptTokenHash : s?.tokenHash === ended.tokenHash;
    if (hit) socket.disconnect(true);
  }
}

function deliver(out: ReturnType<typeof eventSender>, e: FloorEvent) {
  // Staff and admin get the event as it is; every other room the public view of it.
  const send = (rooms: string[]) => {
    const full = rooms.filter((r) => r === 'staff' || r === 'admin');
    const open = rooms.filter((r) => r !== 'staff' && r !== 'admin');
    if (full.length) out(full, e);
    if (open.length) out(open, publicEvent(e));
  };
  switch (e.type) {
    case 'ticket.called':
    case 'counter.updated':
    case 'services.updated':
    case 'display.settings':
      send(['staff', 'admin', PUBLIC]);
      return;
    // Public screens show a printer's state only (the kiosk's paper, the desk's printer); an LED board's "shows 1023"
    // after every call would be one more message to every display.
    case 'device.status':
      send(e.kind === 'printer' ? ['staff', 'admin', PUBLIC] : ['staff', 'admin']);
      return;
    case 'setup.updated':
      out(null, e);
      return;
    // A booking made, moved, cancelled or checked in (`appointments.changed`): the desk's and the admin's lists read again.
    case 'ticket.issued':
    case 'appointments.changed':
      send(['staff', 'admin']);
      return;
    case 'staff.photo_changed':
    case 'device.pairing':
      send(['admin']);
      return;
    case 'rating.received':
    case 'rating.skipped':
      send(e.counterId === null ? ['staff', 'admin'] : ['staff', 'admin', `rating:${e.counterId}`]);
      return;
    case 'ticket.updated': {
      const rooms = ['staff', 'admin'];
      if (e.ticket.counterId !== null) rooms.push(`rating:${e.ticket.counterId}`);
      // The kiosk that issued a ticket learns whether its paper came out (it shows the number and QR when not).
      if (e.change === 'printed' && (e.ticket.channel === 'kiosk' || e.ticket.channel === 'appointment')) rooms.push('kiosk');
      send(rooms);
      return;
    }
  }
}

const isUser = (p: Principal | null, ...roles: string[]) => p?.kind === 'user' && roles.includes(p.user.role);

/** The rooms a socket may join, or the reason it may not connect. Kiosks, displays and tablets show their device token. */
function roomsFor(auth: Partial<SocketAuth>, p: Principal | null, floor: Floor): string[] | string {
  const device = (kind: string) => (p === null ? 'unauthorized' : p.kind === 'device' && p.device.kind === kind ? null : 'forbidden');
  switch (auth.role) {
    case 'display':
    case 'kiosk':
      return device(auth.role) ?? [auth.role, PUBLIC];
    case 'rating': {
      const counterId = Number(auth.counterId);
      if (!Number.isInteger(counterId) || counterId < 1) return 'counter_required';
      const refused = device('rating');
      if (refused) return refused;
      if (p?.kind === 'device' && p.device.counterId !== counterId) return 'forbidden';
      return [`rating:${counterId}`, PUBLIC];
    }
    case 'counter': {
      const counterId = Number(auth.counterId);
      if (!isUser(p, 'staff', 'admin')) return 'unauthorized';
      if (!Number.isInteger(counterId) || counterId < 1) return 'counter_required';
      // An officer sees the counter's staff data only while signed in there; until then the desk shows the public view.
      const signedIn = p?.kind === 'user' && (p.user.role === 'admin' || floor.queries.counters.get(counterId)?.staffId === p.user.id);
      return signedIn ? [`counter:${counterId}`, 'staff'] : [PUBLIC];
    }
    case 'admin':
      return isUser(p, 'manager', 'admin') ? ['admin'] : 'unauthorized';
    default:
      return 'unknown_role';
  }
}

function cookieToken(header: string | undefined): string | undefined {
  const m = header?.match(new RegExp(`(?:^|;\\s*)${sessionCookie}=([^;]+)`));
  if (!m?.[1]) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return undefined; // a malformed cookie is no cookie, as over HTTP
  }
}
