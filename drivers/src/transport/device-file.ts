import { open, type FileHandle } from 'node:fs/promises';
import { Listeners, type Transport } from './types';

/**
 * A character device opened for writing, such as a USB printer under Linux's usblp class (`/dev/usb/lp0`).
 * Treated as one-way: status reads over usblp are unreliable across printer models.
 */
export async function openDeviceFile(path: string): Promise<Transport> {
  const errors = new Listeners<Error>();
  let handle: FileHandle;
  try {
    handle = await open(path, 'a');
  } catch (e) {
    throw new Error(`Cannot open device ${path}: ${(e as Error).message}`, { cause: e });
  }
  return {
    description: `device ${path}`,
    twoWay: false,
    write: async (buf) => {
      try {
        await handle.write(buf);
      } catch (e) {
        errors.emit(e as Error);
        throw e;
      }
    },
    onData: () => () => undefined,
    onError: (l) => errors.add(l),
    close: () => handle.close(),
  };
}
