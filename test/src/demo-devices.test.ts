import { until } from '@qms/drivers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, kioskToken, startTestServer, type TestServer } from './support/server';

interface HealthDevice {
  id: string;
  kind: string;
  ok: boolean;
}

/** The demo center (`npm start`) is what people look at first: its admin device panel should show every kind of device. */
describe('the demo center', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('runs a simulated device of every hardware kind, each answering, listed in /api/health', async () => {
    const hardware = ['printer', 'led', 'keypad', 'rating-box'];
    const answering = () => server.registry.list().filter((d) => hardware.includes(d.kind) && d.ok).length;
    // 1 printer, 6 LED boards, 3 keypads, 3 rating boxes.
    await until(() => answering() === 13, 20_000, 'every simulated device to answer');
    const devices = (await client(server.url, kioskToken).get('/api/health')).body.devices as HealthDevice[];
    const ids = (kind: string) => devices.filter((d) => d.kind === kind).map((d) => d.id).sort();
    expect(ids('printer')).toEqual(['printer-1']);
    expect(ids('led')).toHaveLength(6);
    expect(ids('keypad')).toEqual(['keypads-1/1', 'keypads-1/2', 'keypads-1/3']);
    expect(ids('rating-box')).toEqual(['box-4', 'box-5', 'box-6']);
    expect(devices.filter((d) => hardware.includes(d.kind)).every((d) => d.ok)).toBe(true);
  });

  it('has its keypads at counters 1–3 and its rating boxes at counters 4–6', () => {
    const { keypads, ratingBoxes } = server.floor.config.hardware;
    expect(keypads.flatMap((b) => b.pads.map((p) => p.counterId))).toEqual([1, 2, 3]);
    expect(ratingBoxes?.map((b) => b.counterId)).toEqual([4, 5, 6]);
  });
});
