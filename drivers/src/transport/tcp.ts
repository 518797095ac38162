import { Socket } from 'node:net';
import { Listeners, type Transport } from './types';

export interface TcpOptions {
  host: string;
  /** Network printers listen on 9100 (raw / JetDirect). */
  port?: number;
  connectTimeoutMs?: number;
}

/** A raw TCP connection, as to a network thermal printer on port 9100. */
export async function openTcp({ host, port = 9100, connectTimeoutMs = 3000 }: TcpOptions): Promise<Transport> {
  const data = new Listeners<Buffer>();
  const errors = new Listeners<Error>();
  const socket = new Socket();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`No answer from ${host}:${port} within ${connectTimeoutMs} ms`));
    }, connectTimeoutMs);
    socket.once('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`Cannot connect to ${host}:${port}: ${e.message}`));
    });
    socket.connect(port, host, () => {
      clearTimeout(timer);
      resolve();
    });
  });
  socket.setNoDelay(true);
  socket.on('data', (chunk) => data.emit(chunk));
  socket.on('error', (e) => errors.emit(e));
  socket.on('close', () => errors.emit(new Error(`Connection to ${host}:${port} closed`)));
  return {
    description: `tcp ${host}:${port}`,
    twoWay: true,
    write: (buf) => new Promise((resolve, reject) => socket.write(buf, (e) => (e ? reject(e) : resolve()))),
    onData: (l) => data.add(l),
    onError: (l) => errors.add(l),
    close: () => new Promise((resolve) => socket.end(() => resolve())),
  };
}
