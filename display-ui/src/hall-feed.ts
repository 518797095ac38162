import { useEffect, useReducer, useRef } from 'react';
import { io } from 'socket.io-client';
import type { CallDto, SocketAuth } from '@qms/protocol';
import { floorReducer, initialFloorState, useToken, type FloorSocket, type FloorState } from '@qms/ui-kit';

/**
 * The hall display's link to the floor: like ui-kit's `useFloor`, plus `onLiveCall` for every
 * `ticket.called` event as it arrives, synchronously, so two quick calls are never merged by a render.
 * Snapshots (sent on every reconnect) never announce: their recent calls are history.
 */
export function useHallFeed(auth: Omit<SocketAuth, 'token'>, onLiveCall: (call: CallDto) => void): FloorState {
  const token = useToken();
  const [state, dispatch] = useReducer(floorReducer, initialFloorState);
  const onCall = useRef(onLiveCall);
  useEffect(() => {
    onCall.current = onLiveCall;
  }, [onLiveCall]);
  const authKey = JSON.stringify(auth);

  useEffect(() => {
    const base = JSON.parse(authKey) as Omit<SocketAuth, 'token'>;
    const socket: FloorSocket = io({ path: '/socket.io', auth: token ? { ...base, token } : base, transports: ['websocket', 'polling'], tryAllTransports: true,
      // Back within 2 s of a server restart, not socket.io's default 5 s backoff.
      reconnectionDelay: 300, reconnectionDelayMax: 1500 });
    const seen = new Set<string>();
    let retry: ReturnType<typeof setTimeout> | undefined;
    socket.on('connect', () => dispatch({ kind: 'connected' }));
    socket.on('disconnect', () => dispatch({ kind: 'disconnected' }));
    socket.on('connect_error', (err) => {
      if (socket.active) return;
      dispatch({ kind: 'refused', message: err.message });
      clearTimeout(retry);
      retry = setTimeout(() => socket.connect(), 5000);
    });
    socket.on('snapshot', (snapshot) => dispatch({ kind: 'snapshot', snapshot }));
    socket.on('event', (event) => {
      dispatch({ kind: 'event', event });
      if (event.type !== 'ticket.called') return;
      const key = `${event.call.ticket.id}@${event.call.at}`;
      if (seen.has(key)) return;
      seen.add(key);
      if (seen.size > 500) seen.clear();
      onCall.current(event.call);
    });
    return () => {
      clearTimeout(retry);
      socket.removeAllListeners();
      socket.disconnect();
      dispatch({ kind: 'disconnected' });
    };
  }, [authKey, token]);

  return state;
}
