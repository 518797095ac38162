/**
 * A byte pipe to a device: a serial port, a TCP socket, a device file, or an in-memory pair in tests and
 * simulators. Drivers speak codecs over it and know nothing of how the bytes travel.
 */
export interface Transport {
  readonly description: string;
  /** Resolves once the bytes are handed to the OS (serial: drained to the port). */
  write(data: Buffer): Promise<void>;
  /** Bytes from the device, for two-way transports; returns an unsubscribe function. */
  onData(listener: (data: Buffer) => void): () => void;
  /** Fires when the link drops or fails to open; the message is for people. */
  onError(listener: (error: Error) => void): () => void;
  readonly twoWay: boolean;
  close(): Promise<void>;
}

export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();
  add(listener: (value: T) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }
  emit(value: T) {
    for (const l of this.set) l(value);
  }
}
