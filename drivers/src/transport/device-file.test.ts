import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDeviceFile } from './device-file';

describe('a usblp device file', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const dir = () => mkdtempSync(join(tmpdir(), 'qms-lp-'));

  it('an unplugged printer (no device file) is "not connected", and no file is made in its place', async () => {
    const path = join(dir(), 'lp0');
    await expect(openDeviceFile(path)).rejects.toThrow(/chưa cắm hoặc chưa bật/);
    expect(existsSync(path)).toBe(false);
  });

  it('a character device is written to', async () => {
    const t = await openDeviceFile('/dev/null');
    cleanups.push(() => t.close());
    await t.write(Buffer.from([0x1b, 0x40]));
    expect(t.twoWay).toBe(false);
  });

  it('an existing regular file stands in for the printer, appended to', async () => {
    const path = join(dir(), 'lp0');
    writeFileSync(path, Buffer.from([0x0a]));
    const t = await openDeviceFile(path);
    await t.write(Buffer.from([0x1b, 0x40]));
    await t.close();
    expect([...readFileSync(path)]).toEqual([0x0a, 0x1b, 0x40]);
  });

  it('a regular file under /dev is what an unplugged printer left behind earlier: refused', async () => {
    const path = `/dev/shm/qms-lp-${process.pid}`;
    writeFileSync(path, '');
    cleanups.push(() => rmSync(path, { force: true }));
    await expect(openDeviceFile(path)).rejects.toThrow(/tệp thường, không phải máy in/);
    expect(readFileSync(path).length).toBe(0);
  });

  it('a folder or a FIFO is not a printer', async () => {
    const d = dir();
    await expect(openDeviceFile(d)).rejects.toThrow(/không phải thiết bị máy in/);
    const fifo = join(d, 'fifo');
    execFileSync('mkfifo', [fifo]);
    await expect(openDeviceFile(fifo)).rejects.toThrow(/không phải thiết bị máy in/);
  });
});
