import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server';

const builtPack = fileURLToPath(new URL('../../display-ui/dist/voice/default/', import.meta.url));
const fetchBytes = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type') };
};

describe('a center’s own voice clips, dropped into the data folder', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ withScreens: true });
  });
  afterAll(() => server.stop());

  it('replace the default clip of the same name without a rebuild; the others stay', async () => {
    const url = `${server.url}/display/voice/default/mowif.wav`;
    const before = await fetchBytes(url);
    expect(before.status).toBe(200);
    expect(before.bytes.equals(readFileSync(join(builtPack, 'mowif.wav')))).toBe(true);

    const recorded = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(40, 7)]);
    mkdirSync(join(server.dataDir, 'voice'), { recursive: true });
    writeFileSync(join(server.dataDir, 'voice', 'mowif.wav'), recorded);
    const after = await fetchBytes(url);
    expect(after.status).toBe(200);
    expect(after.type).toBe('audio/wav');
    expect(after.bytes.equals(recorded)).toBe(true);

    const other = await fetchBytes(`${server.url}/display/voice/default/quaayf.wav`);
    expect(other.bytes.equals(readFileSync(join(builtPack, 'quaayf.wav')))).toBe(true);
  });

  it('never serves anything outside the pack folders', async () => {
    writeFileSync(join(server.dataDir, 'secret.txt'), 'x');
    for (const path of ['/display/voice/..%2F..%2Fqms.sqlite', '/display/voice/%2E%2E/secret.txt', '/display/..%2Fsecret.txt']) {
      const res = await fetchBytes(server.url + path);
      expect(res.status, path).not.toBe(200);
    }
  });
});
