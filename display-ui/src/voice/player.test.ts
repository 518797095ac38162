import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { call, FakeAudioContext, heardAnnouncements, installFakeAudio, sentenceOf } from './fake-audio';
import { AnnouncementPlayer } from './player';

describe('the announcement player', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeAudioContext.initialState = 'running';
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('says every call of a long morning burst, in call order, none dropped for waiting', async () => {
    installFakeAudio();
    const player = new AnnouncementPlayer({ packUrl: '/voice/', onUnlockedChange: () => {} });
    const numbers = Array.from({ length: 20 }, (_, i) => String(1001 + i));
    for (const n of numbers) player.enqueue(call(n));
    await vi.runAllTimersAsync();

    const records = window.__qmsAudio!.announcements;
    expect(records.map((r) => r.state)).toEqual(numbers.map(() => 'done'));
    const heard = heardAnnouncements();
    expect(heard).toHaveLength(20);
    // More calls waiting behind it: said once. The last of the burst keeps the manager's repeat.
    expect(heard.slice(0, 19)).toEqual(numbers.slice(0, 19).map((n) => sentenceOf(n)));
    const last = sentenceOf('1020');
    expect(heard[19]).toEqual([...last, ...last.slice(1)]);
    expect(records.map((r) => r.shortened)).toEqual(numbers.map((_, i) => i < 19));
    expect(FakeAudioContext.last.currentTime).toBeGreaterThan(150); // the burst outlasted the old 2-minute cut-off
  });

  it('does not read out calls that waited more than 2 minutes while sound was blocked, once it is unlocked', async () => {
    FakeAudioContext.initialState = 'suspended';
    installFakeAudio();
    const player = new AnnouncementPlayer({ packUrl: '/voice/', onUnlockedChange: () => {} });
    player.enqueue(call('1001'));
    await vi.advanceTimersByTimeAsync(180_000);
    player.enqueue(call('1002'));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(FakeAudioContext.last.heard).toEqual([]);

    player.unlock();
    await vi.runAllTimersAsync();
    expect(window.__qmsAudio!.announcements.map((r) => [r.ticketNumber, r.state])).toEqual([['1001', 'skipped'], ['1002', 'done']]);
    expect(heardAnnouncements()).toEqual([[...sentenceOf('1002'), ...sentenceOf('1002').slice(1)]]);
  });

  it('keeps the queue small on a TV nobody clicks for weeks: calls older than 2 minutes go as new ones come', async () => {
    FakeAudioContext.initialState = 'suspended';
    installFakeAudio();
    const player = new AnnouncementPlayer({ packUrl: '/voice/', onUnlockedChange: () => {} });
    let most = 0;
    for (let minute = 0; minute < 7 * 24 * 60; minute++) {
      player.enqueue(call(String(1000 + (minute % 9000))));
      most = Math.max(most, player.waiting);
      vi.setSystemTime(Date.now() + 60_000);
    }
    expect(most).toBeLessThanOrEqual(3); // the calls of the last 2 minutes
    expect(FakeAudioContext.last.heard).toEqual([]);

    player.unlock();
    await vi.runAllTimersAsync();
    expect(heardAnnouncements()).toHaveLength(2); // queued 2 minutes and 1 minute ago
  });
});
