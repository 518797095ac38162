import { describe, expect, it } from 'vitest';
import { announcementClips, announcementSentence, announcementWords, CHIME, DEFAULT_TEMPLATE, PAUSE } from './announcement';
import { clipName } from './clip-names';
import { defaultReading } from './number-reading';

const call = { ticketNumber: '1023', counterNumber: 3, template: DEFAULT_TEMPLATE, repeat: 1, reading: defaultReading };

describe('clip names', () => {
  it('are the Telex spelling, tone last', () => {
    expect(['xin', 'mời', 'công', 'dân', 'có', 'số', 'thứ', 'tự', 'đến', 'quầy'].map(clipName)).toEqual([
      'xin', 'mowif', 'coong', 'daan', 'cos', 'soos', 'thuws', 'tuwj', 'ddeens', 'quaayf',
    ]);
    expect(['mươi', 'mười', 'lăm', 'lẻ', 'nghìn', 'ngàn', 'bảy', 'mốt', 'tư'].map(clipName)).toEqual([
      'muwowi', 'muwowif', 'lawm', 'ler', 'nghinf', 'nganf', 'bayr', 'moots', 'tuw',
    ]);
  });

  it('never give two words the same clip', () => {
    const words = ['mời', 'mới', 'mỗi', 'mồi', 'môi', 'mơi', 'mười', 'mươi', 'năm', 'nằm', 'nắm'];
    expect(new Set(words.map(clipName)).size).toBe(words.length);
  });
});

describe('the clip sequence of a call', () => {
  it('chime, then the sentence with the number read whole', () => {
    expect(announcementClips(call)).toEqual([
      CHIME,
      'xin', 'mowif', 'coong', 'daan', 'cos', 'soos', 'thuws', 'tuwj',
      'mootj', 'nghinf', 'khoong', 'trawm', 'hai', 'muwowi', 'ba',
      'ddeens', 'quaayf', 'soos', 'ba',
    ]);
  });

  it('repeats the sentence with a pause between, never the chime', () => {
    const clips = announcementClips({ ...call, repeat: 2 });
    const once = announcementClips(call).slice(1);
    expect(clips).toEqual([CHIME, ...once, PAUSE, ...once]);
  });

  it('reads the number digit by digit and the counter still whole', () => {
    const words = announcementWords({ ...call, counterNumber: 12, reading: { ...defaultReading, mode: 'digits' } });
    expect(words.join(' ')).toBe('xin mời công dân có số thứ tự một không hai ba đến quầy số mười hai');
  });

  it('follows a template the manager changed, punctuation and numbers in it included', () => {
    const words = announcementWords({ ...call, ticketNumber: '2005', template: 'Mời số {number}, tới quầy {counter}. Tầng 2' });
    expect(words.join(' ')).toBe('mời số hai nghìn không trăm linh năm tới quầy ba tầng hai');
  });

  it('keeps the repeat count within 1–5', () => {
    expect(announcementClips({ ...call, repeat: 0 }).filter((c) => c === PAUSE)).toHaveLength(0);
    expect(announcementClips({ ...call, repeat: 9 }).filter((c) => c === PAUSE)).toHaveLength(4);
  });

  it('marks every number of the sentence with its digit-by-digit reading, the fallback when a clip is missing', () => {
    const sentence = announcementSentence({ ...call, ticketNumber: 'A021', counterNumber: 12, template: 'Mời số {number} tới quầy {counter} tầng 2' });
    expect(sentence).toEqual([
      { clips: ['mowif'] },
      { clips: ['soos'] },
      { clips: ['a', 'hai', 'muwowi', 'moots'], digits: ['a', 'khoong', 'hai', 'mootj'] },
      { clips: ['towis'] },
      { clips: ['quaayf'] },
      { clips: ['muwowif', 'hai'], digits: ['mootj', 'hai'] },
      { clips: ['taangf'] },
      { clips: ['hai'], digits: ['hai'] },
    ]);
  });
});
