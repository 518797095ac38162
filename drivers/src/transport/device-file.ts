import { constants, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Listeners, type Transport } from './types';

/** Why `path` cannot be the printer, in plain words; null when it can. */
function refusal(path: string, st: Stats): string | null {
  if (st.isCharacterDevice()) return null;
  // A regular file stands in for the printer in tests and dry runs. Under /dev it is what an older version
  // left behind by "printing" into the path of an unplugged printer.
  if (st.isFile()) return resolve(path).startsWith('/dev/') ? 'là một tệp thường, không phải máy in (xoá tệp này rồi cắm lại máy in)' : null;
  // Opening a FIFO for writing would wait for a reader forever.
  return 'không phải thiết bị máy in';
}

function openFailure(path: string, e: NodeJS.ErrnoException): string {
  if (e.code === 'ENOENT' || e.code === 'ENXIO' || e.code === 'ENODEV') return 'máy in chưa cắm hoặc chưa bật';
  if (e.code === 'EACCES' || e.code === 'EPERM') return `không có quyền ghi vào ${path} (thêm người dùng của máy chủ vào nhóm lp)`;
  return e.message;
}

/**
 * A character device opened for writing, such as a USB printer under Linux's usblp class (`/dev/usb/lp0`).
 * Treated as one-way: status reads over usblp are unreliable across printer models. Never creates the
 * path: a missing device is an unplugged printer.
 */
export async function openDeviceFile(path: string): Promise<Transport> {
  const errors = new Listeners<Error>();
  const fail = (why: string, cause?: unknown) => new Error(`Không mở được máy in ${path}: ${why} (Cannot open device ${path})`, { cause });
  const attempt = <T>(p: Promise<T>) => p.catch((e: unknown) => Promise.reject(fail(openFailure(path, e as NodeJS.ErrnoException), e)));
  const why = refusal(path, await attempt(stat(path)));
  if (why) throw fail(why);
  // No O_CREAT: a missing path stays missing.
  const handle: FileHandle = await attempt(open(path, constants.O_WRONLY | constants.O_APPEND | constants.O_NOCTTY));
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
