import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { call, FakeAudioContext, installFakeAudio } from './fake-audio';
import { AnnouncementPlayer } from './player';

/** The length of every clip of the default pack, read from its WAV headers: the simulated clock plays them that long. */
function packSeconds(): Record<string, number> {
  const dir = fileURLToPath(new URL('../../public/voice/default/', import.meta.url));
  const out: Record<string, number> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.wav'))) {
    const wav = readFileSync(dir + file);
    const byteRate = wav.readUInt32LE(28);
    let at = 12;
    while (at + 8 <= wav.length && wav.toString('ascii', at, at + 4) !== 'data') at += 8 + wav.readUInt32LE(at + 4);
    out[file.replace(/\.wav$/, '')] = wav.readUInt32LE(at + 4) / byteRate;
  }
  return out;
}

/**
 * Calls arriving every `everyMs` at counters 1–6 in turn (every counter opening together at 7:30), each for the
 * next ticket; returns each call's lag: seconds on the audio clock from reaching the display to its first sound.
 */
async function rush(everyMs: number, minutes: number) {
  installFakeAudio();
  const player = new AnnouncementPlayer({ packUrl: '/voice/', onUnlockedChange: () => {} });
  const count = Math.floor((minutes * 60_000) / everyMs);
  for (let i = 0; i < count; i++) {
    player.enqueue(call(String(1001 + i), 2, 1 + (i % 6)));
    await vi.advanceTimersByTimeAsync(everyMs);
  }
  const lastCallAt = FakeAudioContext.last.currentTime - everyMs / 1000;
  await vi.runAllTimersAsync();
  const records = window.__qmsAudio!.announcements;
  const heard = FakeAudioContext.last.heard;
  // Measured on the sounds themselves, not the player's account: how long after the last call the speaker still talks.
  const tail = heard.at(-1)!.at - lastCallAt;
  return { count, records, heard, tail };
}

describe('the announcement player in a morning rush (simulated audio clock, the real pack clip lengths)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeAudioContext.initialState = 'running';
    FakeAudioContext.clipSeconds = packSeconds();
  });
  afterEach(() => {
    FakeAudioContext.clipSeconds = {};
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('a call every 3 s for 5 minutes at 6 counters: every call said, none starts more than 15 s after it appeared', async () => {
    const { count, records, heard, tail } = await rush(3000, 5);
    expect(tail).toBeLessThan(30); // the last call alone, the sentence twice: before, the speaker lagged minutes behind
    expect(count).toBe(100);
    expect(records.slice(-50).map((r) => r.state)).toEqual(Array(50).fill('done')); // the history keeps the last 50
    const lags = records.map((r) => r.lag ?? Infinity);
    expect(Math.max(...lags)).toBeLessThanOrEqual(15);
    // Nothing overlaps: each sound starts after the one before has ended.
    for (let i = 1; i < heard.length; i++) expect(heard[i]!.at).toBeGreaterThanOrEqual(heard[i - 1]!.at + FakeAudioContext.clipSeconds[heard[i - 1]!.clip]! - 1e-9);
    // Brief in the rush: the number and the counter, without the manager's sentence.
    expect(records.filter((r) => r.form === 'brief').length).toBeGreaterThan(40);
    expect(heard.filter((h) => h.clip === 'xin').length).toBeLessThan(10);
  });

  it('the old rush, a call every 1.5 s (36 calls): the lag stays bounded, no longer the 90 s of before', async () => {
    const { records, tail } = await rush(1500, 0.9);
    expect(tail).toBeLessThan(30);
    expect(records).toHaveLength(36);
    const said = records.filter((r) => r.state === 'done');
    const lags = said.map((r) => r.lag ?? Infinity);
    expect(Math.max(...lags)).toBeLessThanOrEqual(20);
    // The ones not said were replaced by a newer call at their counter before their turn, never dropped for waiting.
    expect(records.filter((r) => r.state !== 'done').every((r) => r.state === 'skipped' && r.skippedBecause === 'superseded')).toBe(true);
    for (const counter of [1, 2, 3, 4, 5, 6]) expect(said.some((r) => r.counterNumber === counter)).toBe(true);
    expect(said.at(-1)!.ticketNumber).toBe('1036');
  });
});
