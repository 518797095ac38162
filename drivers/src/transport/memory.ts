import { Listeners, type Transport } from './types';

/**
 * Two connected ends in memory: what one writes, the other receives, asynchronously like a real link.
 * For simulated devices: the driver gets `host`, the simulator gets `device`.
 */
export function memoryPair(name = 'memory'): { host: Transport; device: Transport } {
  const toHost = new Listeners<Buffer>();
  const toDevice = new Listeners<Buffer>();
  const errors = new Listeners<Error>();
  let closed = false;
  const end = (label: string, inbox: Listeners<Buffer>, outbox: Listeners<Buffer>): Transport => ({
    description: `${name} (${label})`,
    twoWay: true,
    write: async (buf) => {
      if (closed) throw new Error(`${name} is closed`);
      const copy = Buffer.from(buf);
      setImmediate(() => outbox.emit(copy));
    },
    onData: (l) => inbox.add(l),
    onError: (l) => errors.add(l),
    close: async () => {
      closed = true;
    },
  });
  return { host: end('host', toHost, toDevice), device: end('device', toDevice, toHost) };
}
