import { SerialPort } from 'serialport';
import { Listeners, type Transport } from './types';

export interface SerialOptions {
  /** e.g. `/dev/ttyUSB0`; configured by path because `SerialPort.list()` needs udev. */
  path: string;
  baudRate: number;
}

/** A serial port (RS-232, RS-485 adapter, USB-serial); opens before resolving. */
export async function openSerial({ path, baudRate }: SerialOptions): Promise<Transport> {
  const data = new Listeners<Buffer>();
  const errors = new Listeners<Error>();
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(new Error(`Cannot open serial port ${path}: ${e.message}`)) : resolve())));
  port.on('data', (chunk: Buffer) => data.emit(chunk));
  port.on('error', (e: Error) => errors.emit(e));
  port.on('close', () => errors.emit(new Error(`Serial port ${path} closed`)));
  return {
    description: `serial ${path} @ ${baudRate}`,
    twoWay: true,
    write: (buf) =>
      new Promise((resolve, reject) => {
        port.write(buf, (e) => {
          if (e) return reject(e);
          port.drain((d) => (d ? reject(d) : resolve()));
        });
      }),
    onData: (l) => data.add(l),
    onError: (l) => errors.add(l),
    close: () => new Promise((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
  };
}
