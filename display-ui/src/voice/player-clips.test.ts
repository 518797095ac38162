import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { call, FakeAudioContext, heardAnnouncements, installFakeAudio, sentenceOf, type PackAnswer } from './fake-audio';
import { AnnouncementPlayer } from './player';

// "Xin mời công dân có số thứ tự … đến quầy số …" in clip names.
const opening = ['chime', 'xin', 'mowif', 'coong', 'daan', 'cos', 'soos', 'thuws', 'tuwj'];
const toCounter = ['ddeens', 'quaayf', 'soos'];

async function announce(answer: PackAnswer, ticketNumber: string, counterNumber = 3) {
  const pack = installFakeAudio(answer);
  const player = new AnnouncementPlayer({ packUrl: '/voice/', onUnlockedChange: () => {} });
  player.enqueue(call(ticketNumber, 1, counterNumber));
  await vi.runAllTimersAsync();
  return { ...pack, record: window.__qmsAudio!.announcements[0]! };
}

describe('the announcement player when clips fail to load', () => {
  let warn: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    vi.useFakeTimers();
    FakeAudioContext.initialState = 'running';
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('asks again for a clip that did not arrive, and says the number right', async () => {
    const { record, attempts } = await announce((clip, attempt) => (clip === 'moots' && attempt < 2 ? 'network' : 'ok'), '1021');
    expect(attempts.get('moots')).toBe(3);
    expect(heardAnnouncements()).toEqual([sentenceOf('1021')]);
    expect(record).toMatchObject({ state: 'done', missing: [], fallback: null });
    expect(warn).not.toHaveBeenCalled();
  });

  it('reads the number digit by digit when one of its words never arrives, never "hai mươi" for 21', async () => {
    const { record, attempts } = await announce((clip) => (clip === 'moots' ? 'network' : 'ok'), '1021');
    expect(attempts.get('moots')).toBe(3);
    expect(heardAnnouncements()).toEqual([[...opening, 'mootj', 'khoong', 'hai', 'mootj', ...toCounter, 'ba']]);
    expect(record).toMatchObject({ state: 'done', missing: ['moots'], fallback: 'digits' });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/1021.*moots.*digit by digit/));
  });

  it('reads the counter digit by digit too: counter 21 is never "quầy số hai mươi"', async () => {
    await announce((clip) => (clip === 'moots' ? 503 : 'ok'), '1003', 21);
    const heard = heardAnnouncements();
    expect(heard).toHaveLength(1);
    expect(heard[0]!.slice(-5)).toEqual([...toCounter, 'hai', 'mootj']);
  });

  it('says only the chime when the number cannot be said at all: no number rather than a wrong one', async () => {
    const { record } = await announce((clip) => (clip === 'moots' || clip === 'mootj' ? 404 : 'ok'), '1021');
    expect(heardAnnouncements()).toEqual([['chime']]);
    expect(record).toMatchObject({ state: 'done', fallback: 'chime' });
    expect(record.missing).toEqual(expect.arrayContaining(['moots', 'mootj']));
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/1021.*chime only/));
  });

  it('leaves out a plain word the pack lacks, without asking again for a clip the server says it has not', async () => {
    const { record, attempts } = await announce((clip) => (clip === 'xin' ? 404 : 'ok'), '1021');
    expect(attempts.get('xin')).toBe(1);
    expect(heardAnnouncements()).toEqual([sentenceOf('1021').filter((c) => c !== 'xin')]);
    expect(record).toMatchObject({ missing: ['xin'], fallback: null });
  });
});
