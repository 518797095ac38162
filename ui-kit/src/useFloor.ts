import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, FloorEvent, ServerToClientEvents, Snapshot, SocketAuth } from '@qms/protocol';
import { floorReducer, initialFloorState } from './floor';
import { clearToken, useToken } from './token';

export type FloorSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface UseFloorResult {
  /** The floor as last sent by the server and updated by events; null until the first snapshot. */
  snapshot: Snapshot | null;
  connected: boolean;
  /**
   * Calls `listener` once for every live event, in order; returns the unsubscribe function. Screens react to
   * events here (see `useFloorEvent`), not through state: React batches state updates, so events that arrive
   * together would be seen only as the last of them.
   */
  subscribe: (listener: (event: FloorEvent) => void) => () => void;
  /** The server's reason when it refused the connection (bad or missing token), else null. */
  error: string | null;
  /** Asks the server for a fresh snapshot now. */
  resync: () => void;
}

/** After the server refuses a socket, socket.io does not retry by itself; we do, this often. */
const REFUSED_RETRY_MS = 5000;
const deviceRoles: string[] = ['kiosk', 'display', 'rating'];

/**
 * Connects this screen to the floor over socket.io (same origin, path `/socket.io`) with the
 * stored token, and keeps a live `Snapshot`. socket.io reconnects by itself and the server sends
 * a fresh snapshot on every connect, so a screen never needs a reload. A new token (login,
 * logout) opens a new connection.
 */
export function useFloor(auth: Omit<SocketAuth, 'token'>): UseFloorResult {
  const token = useToken();
  const [state, dispatch] = useReducer(floorReducer, initialFloorState);
  const socketRef = useRef<FloorSocket | null>(null);
  const listeners = useRef(new Set<(event: FloorEvent) => void>());
  // Callers pass a fresh object literal each render; connect again only when its content changes.
  const authKey = JSON.stringify(auth);

  useEffect(() => {
    const base = JSON.parse(authKey) as Omit<SocketAuth, 'token'>;
    // `batch`: a command's events come as one message, so the screen handles them in one task (and React renders once).
    const socketAuth: SocketAuth = { ...base, batch: true, ...(token ? { token } : {}) };
    const socket: FloorSocket = io({
      path: '/socket.io',
      auth: socketAuth,
      transports: ['websocket', 'polling'],
      // Fall back to long polling where a proxy or an old browser blocks websockets.
      tryAllTransports: true,
      // Back within 2 s of a server restart, not socket.io's default backoff of up to 5 s.
      reconnectionDelay: 300,
      reconnectionDelayMax: 1500,
    });
    socketRef.current = socket;
    let retry: ReturnType<typeof setTimeout> | undefined;

    socket.on('connect', () => dispatch({ kind: 'connected' }));
    socket.on('disconnect', (reason) => {
      dispatch({ kind: 'disconnected' });
      // The server ended the session (signed out elsewhere, account disabled): socket.io does not come back by itself.
      // Connecting again gets the server's reason (`unauthorized`), which sends a desk back to its sign-in form.
      if (reason === 'io server disconnect') {
        clearTimeout(retry);
        retry = setTimeout(() => socket.connect(), 300);
      }
    });
    socket.on('connect_error', (err) => {
      if (socket.active) return; // a transport failure: socket.io is already retrying
      dispatch({ kind: 'refused', message: err.message });
      // A kiosk, display or tablet whose token was refused (revoked, unknown): forget it, so the pairing screen shows.
      if (err.message === 'unauthorized' && token && deviceRoles.includes(base.role)) clearToken();
      clearTimeout(retry);
      retry = setTimeout(() => socket.connect(), REFUSED_RETRY_MS);
    });
    socket.on('snapshot', (snapshot) => dispatch({ kind: 'snapshot', snapshot }));
    // Connected with `batch`, the screen gets every event in an `events` message, never alone (`event`).
    socket.on('events', (events) =>
      events.forEach((event) => {
        dispatch({ kind: 'event', event });
        for (const listener of listeners.current) listener(event);
      }),
    );

    return () => {
      clearTimeout(retry);
      socket.removeAllListeners();
      socket.disconnect();
      if (socketRef.current === socket) socketRef.current = null;
      dispatch({ kind: 'disconnected' });
    };
  }, [authKey, token]);

  const resync = useCallback(() => {
    socketRef.current?.emit('resync', (reply) => {
      if (reply.ok) dispatch({ kind: 'snapshot', snapshot: reply.data });
    });
  }, []);

  const subscribe = useCallback((listener: (event: FloorEvent) => void) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);

  return useMemo(
    () => ({ snapshot: state.snapshot, connected: state.connected, error: state.error, resync, subscribe }),
    [state.snapshot, state.connected, state.error, resync, subscribe],
  );
}

/** Runs `handler` for every live floor event; the latest handler is used without subscribing again. */
export function useFloorEvent(subscribe: UseFloorResult['subscribe'], handler: (event: FloorEvent) => void) {
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  useEffect(() => subscribe((event) => latest.current(event)), [subscribe]);
}
