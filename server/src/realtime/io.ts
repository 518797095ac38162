import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { ClientToServerEvents, FloorEvent, ServerToClientEvents, SocketAuth } from '@qms/protocol';
import type { Floor } from '../floor';
import type { Authenticator } from '../http/auth';
import { sessionCookie } from '../http/auth';
import type { Principal } from '../http/env';
import type { Logger } from '../log';

interface SocketData {
  rooms: string[];
  withWaiting: boolean;
  device: { id: string; kind: string } | null;
}

export type FloorServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type FloorSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** socket.io on the HTTP server: rooms per device role, a full snapshot on every (re)connect, then floor events. */
export function attachRealtime(httpServer: HttpServer, opts: { floor: Floor; auth: Authenticator; log: Logger }) {
  const connected = new Map<string, number>();
  const io: FloorServer = new Server(httpServer, { path: '/socket.io', serveClient: false, pingInterval: 10_000, pingTimeout: 8_000 });

  io.use((socket, next) => {
    const refuse = (code: string) => next(Object.assign(new Error(code), { data: { code } }));
    // A handshake is anybody's JSON: whatever it holds, it is refused or accepted, never a crash of the floor.
    try {
      const raw: unknown = socket.handshake.auth;
      const auth = (raw !== null && typeof raw === 'object' ? raw : {}) as Partial<SocketAuth>;
      const token = auth.token || cookieToken(socket.handshake.headers.cookie);
      const principal = opts.auth.resolve(token ?? null);
      const rooms = roomsFor(auth, principal);
      if (typeof rooms === 'string') return refuse(rooms);
      socket.data = { rooms, withWaiting: rooms.includes('staff') || rooms.includes('admin'), device: principal?.kind === 'device' ? { id: principal.device.id, kind: principal.device.kind } : null };
      next();
    } catch (e) {
      opts.log.warn({ err: e }, 'socket handshake refused');
      refuse('bad_handshake');
    }
  });

  io.on('connection', (socket: FloorSocket) => {
    void socket.join(socket.data.rooms);
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
    socket.emit('snapshot', opts.floor.snapshot({ withWaiting: socket.data.withWaiting }));
    socket.on('resync', (ack) => {
      if (typeof ack === 'function') ack({ ok: true, data: opts.floor.snapshot({ withWaiting: socket.data.withWaiting }) });
    });
  });

  opts.floor.bus.on('event', (e) => deliver(io, e));
  return {
    io,
    isConnected: (deviceId: string) => (connected.get(deviceId) ?? 0) > 0,
    /** Every screen starts over from a fresh snapshot (a new service day: yesterday's calls and queues are gone). */
    resyncAll() {
      const snapshots = new Map<boolean, ReturnType<Floor['snapshot']>>();
      for (const socket of io.sockets.sockets.values()) {
        const withWaiting = socket.data.withWaiting;
        if (!snapshots.has(withWaiting)) snapshots.set(withWaiting, opts.floor.snapshot({ withWaiting }));
        socket.emit('snapshot', snapshots.get(withWaiting)!);
      }
    },
  };
}

function deliver(io: FloorServer, e: FloorEvent) {
  switch (e.type) {
    case 'ticket.called':
    case 'counter.updated':
    case 'services.updated':
    case 'device.status':
    case 'display.settings':
    case 'setup.updated':
      io.emit('event', e);
      return;
    case 'ticket.issued':
      io.to(['staff', 'admin']).emit('event', e);
      return;
    case 'staff.photo_changed':
      io.to('admin').emit('event', e);
      return;
    case 'rating.received':
    case 'rating.skipped':
      io.to(e.counterId === null ? ['staff', 'admin'] : ['staff', 'admin', `rating:${e.counterId}`]).emit('event', e);
      return;
    case 'ticket.updated': {
      const rooms = ['staff', 'admin'];
      if (e.ticket.counterId !== null) rooms.push(`rating:${e.ticket.counterId}`);
      // The kiosk that issued a ticket learns whether its paper came out (it shows the number and QR when not).
      if (e.change === 'printed' && e.ticket.channel === 'kiosk') rooms.push('kiosk');
      io.to(rooms).emit('event', e);
      return;
    }
  }
}

const isUser = (p: Principal | null, ...roles: string[]) => p?.kind === 'user' && roles.includes(p.user.role);

/** The rooms a socket may join, or the reason it may not connect. */
function roomsFor(auth: Partial<SocketAuth>, p: Principal | null): string[] | string {
  switch (auth.role) {
    case 'display':
    case 'kiosk':
      return [auth.role];
    case 'rating': {
      const counterId = Number(auth.counterId);
      if (!Number.isInteger(counterId) || counterId < 1) return 'counter_required';
      if (p?.kind === 'device' && p.device.kind === 'rating' && p.device.counterId !== counterId) return 'forbidden';
      return [`rating:${counterId}`];
    }
    case 'counter': {
      const counterId = Number(auth.counterId);
      if (!isUser(p, 'staff', 'admin')) return 'unauthorized';
      if (!Number.isInteger(counterId) || counterId < 1) return 'counter_required';
      return [`counter:${counterId}`, 'staff'];
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
