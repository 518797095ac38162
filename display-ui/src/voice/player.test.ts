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

  it('says every call of a long morning burst at 20 counters, in call order, none dropped for waiting', async () => {
    installFakeAudio();
    const player = new AnnouncementPlayer({ packUrl: '/voice/', onUnlockedChange: () => {} });
    const numbers = Array.from({ length: 20 }, (_, i) => String(1001 + i));
    numbers.forEach((n, i) => player.enqueue(call(n, 2, i + 1)));
    await vi.runAllTimersAsync();

    const records = window.__qmsAudio!.announcements;
    expect(records.map((r) => r.state)).toEqual(numbers.map(() => 'done'));
    // More calls waiting behind it: brief (number and counter, once, no chime between). The last gets the full sentence and repeat.
    expect(records.map((r) => r.form)).toEqual(numbers.map((_, i) => (i < 19 ? 'brief' : 'full')));
    const heard = heardAnnouncements();
    expect(heard).toHaveLength(2); // the chime opens the rush; the last call has its own
    // Many waiting: digit by digit, the shortest ("một không không một quầy một").
    expect(heard[0]!.slice(0, 7)).toEqual(['chime', 'mootj', 'khoong', 'khoong', 'mootj', 'quaayf', 'mootj']);
    expect(heard[0]!.filter((c) => c === 'quaayf')).toHaveLength(19);
    const last = sentenceOf('1020', 20);
    expect(heard[1]).toEqual([...last, ...last.slice(1)]);
    expect(records.map((r) => r.shortened)).toEqual(numbers.map((_, i) => i < 19));
  });

  it('a waiting call is replaced by a newer call at the same counter: that counter no longer calls it', async () => {
    installFakeAudio();
    const player = new AnnouncementPlayer({ packUrl: '/voice/', onUnlockedChange: () => {} });
    player.enqueue(call('1001', 2, 1));
    player.enqueue(call('1002', 2, 3));
    player.enqueue(call('1003', 2, 3));
    await vi.runAllTimersAsync();
    const records = window.__qmsAudio!.announcements;
    expect(records.map((r) => [r.ticketNumber, r.state, r.skippedBecause])).toEqual([['1001', 'done', undefined], ['1002', 'skipped', 'superseded'], ['1003', 'done', undefined]]);
  });

  it('drops the repeat of the call being said as soon as another call arrives', async () => {
    installFakeAudio();
    const player = new AnnouncementPlayer({ packUrl: '/voice/', onUnlockedChange: () => {} });
    player.enqueue(call('1001', 3, 1));
    await vi.advanceTimersByTimeAsync(2000);
    player.enqueue(call('1002', 3, 2));
    await vi.runAllTimersAsync();
    const [first, second] = window.__qmsAudio!.announcements;
    expect(first).toMatchObject({ form: 'full', shortened: true });
    expect(second).toMatchObject({ form: 'full', shortened: false });
    const heard = heardAnnouncements();
    expect(heard[0]).toEqual(sentenceOf('1001', 1)); // once, not three times
    expect(heard[1]).toHaveLength(1 + 3 * (sentenceOf('1002', 2).length - 1));
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
      player.enqueue(call(String(1000 + (minute % 9000)), 2, 1 + (minute % 9)));
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
