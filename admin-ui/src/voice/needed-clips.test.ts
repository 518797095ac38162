import { describe, expect, it } from 'vitest';
import { announcementClips, DEFAULT_TEMPLATE } from '../../../display-ui/src/voice/announcement';
import { neededClips } from './needed-clips';

const setup = {
  template: DEFAULT_TEMPLATE,
  reading: { mode: 'whole' as const, thousand: 'nghìn' as const, zeroTens: 'linh' as const },
  prefixes: ['A', 'W'],
  counterNumbers: [1, 2, 3, 12],
  fieldNames: ['Hộ tịch'],
};

describe('the clips the voice studio lists', () => {
  it('cover every call this center can make: any 4-digit number at any counter, with its prefixes', () => {
    const required = new Set(neededClips(setup).filter((c) => !c.optional).map((c) => c.clip));
    required.add('chime'); // the default chime is kept unless one is recorded
    for (let n = 0; n < 10000; n += 7) {
      for (const prefix of ['', 'A', 'W']) {
        for (const counter of setup.counterNumbers) {
          const clips = announcementClips({ ticketNumber: `${prefix}${String(n).padStart(4, '0')}`, counterNumber: counter, template: DEFAULT_TEMPLATE, repeat: 1, reading: setup.reading });
          for (const c of clips) expect(required.has(c), `${prefix}${n} → ${c}`).toBe(true);
        }
      }
    }
  });

  it('lists the sentence first, each word once, the region’s words required and the other region’s optional', () => {
    const clips = neededClips(setup);
    expect(clips.slice(0, 10).map((c) => c.word)).toEqual(['xin', 'mời', 'công', 'dân', 'có', 'số', 'thứ', 'tự', 'đến', 'quầy']);
    expect(new Set(clips.map((c) => c.clip)).size).toBe(clips.length);
    expect(clips.find((c) => c.word === 'nghìn')).toMatchObject({ group: 'numbers', optional: false });
    expect(clips.find((c) => c.word === 'ngàn')).toMatchObject({ group: 'variants', optional: true });
    expect(clips.filter((c) => c.group === 'letters').map((c) => c.word)).toEqual(['a', 'vê', 'kép']);
    expect(clips.filter((c) => c.group === 'fields').map((c) => c.word)).toEqual(['hộ', 'tịch']);
    const south = neededClips({ ...setup, reading: { ...setup.reading, thousand: 'ngàn', zeroTens: 'lẻ' } });
    expect(south.find((c) => c.word === 'ngàn')?.optional).toBe(false);
    expect(south.find((c) => c.word === 'linh')?.optional).toBe(true);
  });
});
